/** This worker no longer holds its row: another one took it over, so nothing more may be written or called. */
export class LeaseLostError extends Error {
  constructor(what: string) {
    super(`the lease on ${what} was lost to another worker; this worker stops`);
    this.name = 'LeaseLostError';
  }
}
