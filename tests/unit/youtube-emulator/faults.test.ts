import { randomBytes } from 'node:crypto';
import { failure, harness, snippet, streamOf, uploadVideo, type Harness } from './helpers';

describe('youtube emulator: fault injection', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await harness();
  });
  afterEach(async () => {
    await h.emu.close();
  });

  async function statuses(n: number): Promise<number[]> {
    const out: number[] = [];
    for (let i = 0; i < n; i++) {
      try {
        out.push((await h.yt.channels.list({ part: ['id'], mine: true })).status);
      } catch (e) {
        const err = await failure(Promise.reject(e));
        expect(err.reason).toBe('backendError');
        expect(err.domain).toBe('global');
        out.push(err.status);
      }
    }
    return out;
  }

  it('errorRate with a seed answers a reproducible share of calls with 500/503 backendError', async () => {
    await h.auth.getAccessToken();
    h.emu.setFaults({ errorRate: 0.5, seed: 1234 });
    const first = await statuses(30);
    const failed = first.filter((s) => s >= 500);
    expect(failed.length).toBeGreaterThan(5);
    expect(failed.length).toBeLessThan(25);
    expect(new Set(failed).size).toBeGreaterThanOrEqual(1);
    expect(failed.every((s) => s === 500 || s === 503)).toBe(true);
    // Injected failures cost no quota.
    expect(h.emu.quota().unitsUsed).toBe(first.filter((s) => s === 200).length);

    h.emu.setFaults({ errorRate: 0.5, seed: 1234 });
    expect(await statuses(30)).toEqual(first);
  });

  it('errorEndpoints limits the failures to the named calls; the token endpoint is spared', async () => {
    const v = await uploadVideo(h, 'Stabil');
    h.emu.setFaults({ errorRate: 1, errorEndpoints: ['videos.update'] });
    await h.yt.videos.list({ part: ['id'], id: [v.id ?? ''] });
    const err = await failure(h.yt.videos.update({ part: ['snippet'], requestBody: { id: v.id, snippet: { title: 'x', categoryId: '22' } } }));
    expect([500, 503]).toContain(err.status);
    expect(err.reason).toBe('backendError');
  });

  it('latencyMs delays calls', async () => {
    await h.auth.getAccessToken();
    h.emu.setFaults({ latencyMs: 150 });
    const start = Date.now();
    await h.yt.channels.list({ part: ['id'], mine: true });
    expect(Date.now() - start).toBeGreaterThanOrEqual(140);
  });

  it('quotaExhausted and uploadLimitExhausted switch the buckets off until cleared', async () => {
    const v = await uploadVideo(h, 'Vorher');
    h.emu.setFaults({ quotaExhausted: true });
    expect(await failure(h.yt.videos.list({ part: ['id'], id: [v.id ?? ''] }))).toMatchObject({ status: 403, reason: 'quotaExceeded', domain: 'youtube.quota' });
    h.emu.setFaults({ uploadLimitExhausted: true });
    const up = await failure(
      h.yt.videos.insert({ part: ['snippet'], requestBody: { snippet: snippet('Nachher') }, media: { mimeType: 'video/mp4', body: streamOf(randomBytes(10)) } }, h.media),
    );
    expect(up).toMatchObject({ status: 400, reason: 'uploadLimitExceeded' });
    h.emu.clearFaults();
    await h.yt.videos.list({ part: ['id'], id: [v.id ?? ''] });
  });
});
