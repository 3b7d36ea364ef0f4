import { configFromEnv, configSchema } from '../../src/plugins/youtube-sync/server/src/config';
import { backoffMs, MAX_DELAY_MS, outcomeFor } from '../../src/plugins/youtube-sync/server/src/sync-jobs/fail';
import type { SyncJob } from '../../src/plugins/youtube-sync/server/src/sync-jobs/jobs';
import { classify } from '../../src/plugins/youtube-sync/server/src/youtube/errors';

const HOUR = 3600 * 1000;
const policy = { retryHorizonMs: 24 * HOUR };
const start = new Date('2026-12-06T10:00:00.000Z');

const job = (attempts: number, firstFailedAt: Date | null): SyncJob =>
  ({ attempts, firstFailedAt: firstFailedAt?.toISOString() ?? null }) as SyncJob;

/** A job that fails with a retryable error every time it runs, on an injected clock; returns every outcome. */
function outage(error: { kind: 'retryable'; retryAfterMs?: number }, random = () => 1) {
  const outcomes = [];
  let now = start;
  let current = job(0, null);
  for (let run = 0; run < 200; run++) {
    current = { ...current, attempts: current.attempts + 1 };
    const outcome = outcomeFor(error, current, now, policy, random);
    outcomes.push({ at: now, ...outcome });
    if (outcome.status !== 'pending') break;
    current = { ...current, firstFailedAt: outcome.firstFailedAt?.toISOString() ?? null };
    now = outcome.runAt;
  }
  return outcomes;
}

describe('retries of a job YouTube keeps refusing', () => {
  test('the wait doubles from 2 s and never exceeds one hour', () => {
    expect([1, 2, 3, 4].map((a) => backoffMs(a, () => 1))).toEqual([2000, 4000, 8000, 16000]);
    expect(backoffMs(12, () => 1)).toBe(MAX_DELAY_MS);
    expect(backoffMs(500, () => 1)).toBe(HOUR);
    expect(backoffMs(500, () => 0)).toBe(HOUR / 2);
  });

  test('a whole day of outage: retried at most hourly, failed only after 24 hours', () => {
    const outcomes = outage({ kind: 'retryable' });
    const last = outcomes[outcomes.length - 1];
    expect(last.status).toBe('failed');
    expect(last.at.getTime() - start.getTime()).toBeGreaterThanOrEqual(24 * HOUR);
    expect(last.at.getTime() - start.getTime()).toBeLessThan(25 * HOUR);
    const waits = outcomes.slice(0, -1).map((o) => o.runAt.getTime() - o.at.getTime());
    expect(Math.max(...waits)).toBe(HOUR);
    expect(outcomes.slice(0, -1).every((o) => o.status === 'pending' && o.firstFailedAt?.getTime() === start.getTime())).toBe(true);
  });

  test('a Retry-After longer than the backoff is honoured, but capped at one hour', () => {
    const [first] = outage({ kind: 'retryable', retryAfterMs: 120_000 });
    expect(first.runAt.getTime() - first.at.getTime()).toBe(120_000);
    const [capped] = outage({ kind: 'retryable', retryAfterMs: 5 * HOUR });
    expect(capped.runAt.getTime() - capped.at.getTime()).toBe(HOUR);
  });

  test('a permanent error fails at once; quota waits for midnight Pacific time without a horizon', () => {
    expect(outcomeFor({ kind: 'permanent' }, job(1, null), start, policy, () => 1).status).toBe('failed');
    const quota = outcomeFor({ kind: 'quota' }, job(1, new Date(start.getTime() - 30 * HOUR)), start, policy, () => 1);
    expect(quota).toMatchObject({ status: 'waiting_for_quota', firstFailedAt: null });
  });
});

describe('Retry-After from YouTube', () => {
  const gaxios = (status: number, headers: Record<string, string>) => ({
    response: { status, headers, data: { error: { code: status, message: 'slow down', errors: [{ reason: 'rateLimitExceeded' }] } } },
    message: 'slow down',
  });

  test('read from a 429 or 503 in seconds or as a date, ignored elsewhere', () => {
    expect(classify(gaxios(429, { 'retry-after': '30' })).retryAfterMs).toBe(30_000);
    const date = new Date(Date.now() + 90_000).toUTCString();
    const fromDate = classify(gaxios(503, { 'retry-after': date })).retryAfterMs ?? 0;
    expect(fromDate).toBeGreaterThan(80_000);
    expect(fromDate).toBeLessThanOrEqual(90_000);
    expect(classify(gaxios(500, { 'retry-after': '30' })).retryAfterMs).toBeUndefined();
    expect(classify({ status: 503, body: '', message: 'x', headers: new Headers({ 'Retry-After': '7' }) }).retryAfterMs).toBe(7000);
  });
});

describe('YOUTUBE_SYNC_RETRY_HOURS', () => {
  const parse = (value: string | undefined) =>
    configSchema.safeParse(configFromEnv({ YOUTUBE_SYNC_RETRY_HOURS: value, YOUTUBE_TOKEN_KEY: 'a-long-enough-test-key' }));

  test('defaults to 24 hours and takes longer horizons', () => {
    expect(parse(undefined)).toMatchObject({ success: true, data: { retryHorizonMs: 24 * HOUR } });
    expect(parse('72')).toMatchObject({ success: true, data: { retryHorizonMs: 72 * HOUR } });
  });

  test('refuses less than a day and what is not a number, naming the variable', () => {
    for (const value of ['4', 'einen Tag']) {
      const result = parse(value);
      expect(result.success).toBe(false);
      expect(JSON.stringify(result.error?.issues)).toContain('YOUTUBE_SYNC_RETRY_HOURS');
    }
  });
});
