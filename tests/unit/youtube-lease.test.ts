import type { Core } from '@strapi/strapi';
import { fencedClient } from '../../src/plugins/youtube-sync/server/src/sync-jobs/fenced-client';
import { holdLease } from '../../src/plugins/operations/server/src/lease-queue/hold-lease';
import { LeaseLostError } from '../../src/plugins/operations/server/src/lease-queue/lease-lost';
import { JOB_QUEUE, jobLabel, type SyncJob } from '../../src/plugins/youtube-sync/server/src/sync-jobs/jobs';
import type { YouTubeClient } from '../../src/plugins/youtube-sync/server/src/youtube/client';

const LEASE_MS = 30_000;
const job = { id: 7, storyDocumentId: 'story-7', lockToken: 'token-7' } as SyncJob;

/** A Strapi whose job table answers renewals with the given row counts, one per renewal. */
function strapiRenewing(counts: number[]) {
  const renewals: unknown[] = [];
  const strapi = {
    db: {
      query: () => ({
        updateMany: async (params: unknown) => {
          renewals.push(params);
          return { count: counts.shift() ?? 0 };
        },
      }),
    },
    log: { warn: () => undefined },
  } as unknown as Core.Strapi;
  return { strapi, renewals };
}

describe('the lease a worker holds while it syncs a story', () => {
  let now: Date;
  const clock = () => now;

  beforeEach(() => {
    jest.useFakeTimers();
    now = new Date('2026-12-06T12:00:00.000Z');
  });
  afterEach(() => jest.useRealTimers());

  test('is renewed every third of the lease with a write conditional on the lock token, for as long as the job runs', async () => {
    const { strapi, renewals } = strapiRenewing([1, 1, 1, 1]);
    const lease = holdLease(strapi, JOB_QUEUE, job, jobLabel(job.storyDocumentId), clock, LEASE_MS);
    for (let i = 0; i < 4; i++) {
      now = new Date(now.getTime() + LEASE_MS / 3);
      await jest.advanceTimersByTimeAsync(LEASE_MS / 3);
    }
    expect(() => lease.assert()).not.toThrow(); // 40 s after the claim, on a 30 s lease
    expect(renewals).toHaveLength(4);
    expect(renewals[0]).toMatchObject({ where: { id: 7, lockToken: 'token-7', status: 'running' } });
    lease.stop();
  });

  test('is lost once a renewal matches no row (another worker took the job)', async () => {
    const { strapi } = strapiRenewing([1, 0]);
    const lease = holdLease(strapi, JOB_QUEUE, job, jobLabel(job.storyDocumentId), clock, LEASE_MS);
    await jest.advanceTimersByTimeAsync(LEASE_MS / 3);
    expect(() => lease.assert()).not.toThrow();
    await jest.advanceTimersByTimeAsync(LEASE_MS / 3);
    expect(() => lease.assert()).toThrow(LeaseLostError);
    lease.stop();
  });

  test('is lost when its time is up without a renewal, even if the database could not be asked', () => {
    const lease = holdLease(strapiRenewing([]).strapi, JOB_QUEUE, job, jobLabel(job.storyDocumentId), clock, LEASE_MS);
    now = new Date(now.getTime() + LEASE_MS);
    expect(() => lease.assert()).toThrow(LeaseLostError);
    lease.stop();
  });
});

describe('the YouTube client of a worker', () => {
  test('checks the lease before every call and makes no call once it is lost', async () => {
    let held = true;
    const calls: string[] = [];
    const client = {
      rootUrl: 'https://youtube.example/',
      videos: async (ids: string[]) => {
        calls.push(`videos ${ids.join(',')}`);
        return [];
      },
      metered: async (endpoint: string) => {
        calls.push(`metered ${endpoint}`);
      },
    } as unknown as YouTubeClient;
    const fenced = fencedClient(client, () => {
      if (!held) throw new LeaseLostError(jobLabel('story-7'));
    });
    await fenced.videos(['a']);
    await fenced.metered('videos.insert', async () => new Response());
    held = false;
    expect(() => fenced.videos(['b'])).toThrow(LeaseLostError);
    // The upload's start, made outside googleapis, is fenced like every other call.
    expect(() => fenced.metered('videos.insert', async () => new Response())).toThrow(LeaseLostError);
    expect(fenced.rootUrl).toBe('https://youtube.example/');
    expect(calls).toEqual(['videos a', 'metered videos.insert']);
  });
});
