import { LEASE_LOST_ERROR } from '../../../../../shared/operations';

/** This worker no longer holds its row: another one took it over, so nothing more may be written or called. */
export class LeaseLostError extends Error {
  constructor(what: string) {
    super(`the lease on ${what} was lost to another worker; this worker stops`);
    this.name = LEASE_LOST_ERROR;
  }
}

/** By name rather than class: the app's compiled copy and the sources that scripts and tests load are two classes. */
export const isLeaseLost = (error: unknown): boolean => error instanceof Error && error.name === LEASE_LOST_ERROR;
