import type { Core } from '@strapi/strapi';
import { renewLease } from './claim';
import type { SyncJob } from './jobs';
import { LeaseLostError } from './lease-lost';

export { LeaseLostError };

export interface Lease {
  /** Throws LeaseLostError once the lease was lost or ran out; called before every YouTube call. */
  assert(): void;
  stop(): void;
}

/**
 * Holds a claimed job's lease for as long as the worker runs it: a timer renews it (a conditional UPDATE on the
 * lock token) every third of the lease, independent of which step is running, so a slow thumbnail or caption
 * call cannot let it expire. Without a successful renewal the lease is taken as lost once its time is up, even if
 * the database could not be asked.
 */
export function holdLease(strapi: Core.Strapi, job: SyncJob, now: () => Date, leaseMs: number): Lease {
  let expiresAt = now().getTime() + leaseMs;
  let lost = false;
  const renew = async () => {
    const at = now();
    try {
      if (await renewLease(strapi, job, at, leaseMs)) expiresAt = at.getTime() + leaseMs;
      else lost = true;
    } catch (error) {
      strapi.log.warn(`YouTube sync: renewing the lease of story ${job.storyDocumentId} failed: ${(error as Error).message}`);
    }
  };
  const timer = setInterval(() => void renew(), Math.max(1000, Math.floor(leaseMs / 3)));
  timer.unref();
  return {
    assert() {
      if (lost || now().getTime() >= expiresAt) {
        lost = true;
        throw new LeaseLostError(job.storyDocumentId);
      }
    },
    stop() {
      clearInterval(timer);
    },
  };
}
