import type { Core } from '@strapi/strapi';
import type { Lease } from '../../../../../shared/operations';
import { LeaseLostError } from './lease-lost';
import { renewLease, type LeasedRow, type LeaseQueue } from './lease-queue';

export type { Lease };

/**
 * Holds a claimed row's lease for as long as the worker runs it: a timer renews it every third of the lease,
 * independent of which step is running, so a slow step cannot let it expire. Without a successful renewal the lease
 * is taken as lost once its time is up, even if the database could not be asked.
 */
export function holdLease(strapi: Core.Strapi, queue: LeaseQueue, row: LeasedRow, what: string, now: () => Date, leaseMs: number): Lease {
  let expiresAt = now().getTime() + leaseMs;
  let lost = false;
  const renew = async () => {
    const at = now();
    try {
      if (await renewLease(strapi, queue, row, at, leaseMs)) expiresAt = at.getTime() + leaseMs;
      else lost = true;
    } catch (error) {
      strapi.log.warn(`Renewing the lease on ${what} failed: ${(error as Error).message}`);
    }
  };
  const timer = setInterval(() => void renew(), Math.max(1000, Math.floor(leaseMs / 3)));
  timer.unref();
  return {
    assert() {
      if (lost || now().getTime() >= expiresAt) {
        lost = true;
        throw new LeaseLostError(what);
      }
    },
    stop() {
      clearInterval(timer);
    },
  };
}
