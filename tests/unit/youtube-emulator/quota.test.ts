import { randomBytes } from 'node:crypto';
import { nextPacificMidnight, pacificDay } from '../../../src/youtube-emulator';
import { failure, harness, snippet, streamOf, uploadVideo, type Harness } from './helpers';

describe('youtube emulator: Pacific day', () => {
  it('follows America/Los_Angeles including DST', () => {
    expect(pacificDay(new Date('2026-07-01T06:59:59Z'))).toBe('2026-06-30');
    expect(pacificDay(new Date('2026-07-01T07:00:00Z'))).toBe('2026-07-01');
    expect(pacificDay(new Date('2026-01-16T07:59:59Z'))).toBe('2026-01-15');
    expect(pacificDay(new Date('2026-01-16T08:00:00Z'))).toBe('2026-01-16');
    // Spring forward (8 March 2026): the midnight after it is already PDT.
    expect(nextPacificMidnight(new Date('2026-03-08T12:00:00Z')).toISOString()).toBe('2026-03-09T07:00:00.000Z');
    expect(nextPacificMidnight(new Date('2026-03-07T12:00:00Z')).toISOString()).toBe('2026-03-08T08:00:00.000Z');
    // Fall back (1 November 2026).
    expect(nextPacificMidnight(new Date('2026-10-31T12:00:00Z')).toISOString()).toBe('2026-11-01T07:00:00.000Z');
    expect(nextPacificMidnight(new Date('2026-11-01T12:00:00Z')).toISOString()).toBe('2026-11-02T08:00:00.000Z');
  });
});

describe('youtube emulator: quota', () => {
  let h: Harness | null = null;
  afterEach(async () => {
    await h?.emu.close();
    h = null;
  });

  async function insert(hh: Harness, title = 'Kontingent'): Promise<unknown> {
    return hh.yt.videos.insert(
      { part: ['snippet'], requestBody: { snippet: snippet(title) }, media: { mimeType: 'video/mp4', body: streamOf(randomBytes(100)) } },
      hh.media,
    );
  }

  it('current model: uploads draw on their own bucket, everything else on 10,000 units', async () => {
    h = await harness();
    const v = await uploadVideo(h, 'Eins');
    await h.yt.videos.list({ part: ['snippet'], id: [v.id ?? ''] });
    await h.yt.videos.update({ part: ['snippet'], requestBody: { id: v.id, snippet: { title: 'Zwei', categoryId: '22' } } });
    await h.yt.playlists.insert({ part: ['snippet'], requestBody: { snippet: { title: 'P' } } });
    expect(h.emu.quota()).toMatchObject({ model: 'current', unitsUsed: 1 + 50 + 50, uploadsUsed: 1, dailyUnits: 10_000, dailyUploads: 100 });
    expect(h.emu.calls().filter((c) => c.endpoint !== 'oauth2.token').map((c) => [c.endpoint, c.units, c.uploads])).toEqual([
      ['videos.insert', 0, 1],
      ['videos.list', 1, 0],
      ['videos.update', 50, 0],
      ['playlists.insert', 50, 0],
    ]);
  });

  it('current model: an empty upload bucket is 400 uploadLimitExceeded', async () => {
    h = await harness({ dailyUploads: 2 });
    await insert(h);
    await insert(h);
    const err = await failure(insert(h));
    expect(err).toMatchObject({ status: 400, reason: 'uploadLimitExceeded' });
    expect(h.emu.videos()).toHaveLength(2);
    // Other calls still work.
    await h.yt.channels.list({ part: ['id'], mine: true });
  });

  it('legacy model: videos.insert costs 1,600 units and runs into 403 quotaExceeded', async () => {
    h = await harness({ quotaModel: 'legacy' });
    for (let i = 0; i < 6; i++) await insert(h, `Video ${i}`);
    expect(h.emu.quota()).toMatchObject({ model: 'legacy', unitsUsed: 9600 });
    const err = await failure(insert(h));
    expect(err.status).toBe(403);
    expect(err.body).toEqual({
      error: {
        code: 403,
        message: expect.stringContaining('exceeded your'),
        errors: [{ message: expect.stringContaining('quota'), domain: 'youtube.quota', reason: 'quotaExceeded' }],
      },
    });
    expect(h.emu.videos()).toHaveLength(6);
    // 400 units left: cheap calls still pass.
    await h.yt.channels.list({ part: ['id'], mine: true });
    expect(h.emu.quota().unitsUsed).toBe(9601);
  });

  it('refuses a call whose cost no longer fits and charges invalid requests one unit', async () => {
    h = await harness({ dailyUnits: 101 });
    const v = await uploadVideo(h, 'Günstig');
    const invalid = await failure(h.yt.videos.update({ part: ['snippet'], requestBody: { id: v.id, snippet: { title: '<>', categoryId: '22' } } }));
    expect(invalid.reason).toBe('invalidTitle');
    expect(h.emu.quota().unitsUsed).toBe(1);
    await h.yt.videos.update({ part: ['snippet'], requestBody: { id: v.id, snippet: { title: 'a', categoryId: '22' } } });
    await h.yt.videos.update({ part: ['snippet'], requestBody: { id: v.id, snippet: { title: 'b', categoryId: '22' } } });
    expect(h.emu.quota().unitsUsed).toBe(101);
    expect(await failure(h.yt.channels.list({ part: ['id'], mine: true }))).toMatchObject({ status: 403, reason: 'quotaExceeded' });
    expect(h.emu.calls().pop()).toMatchObject({ status: 403, units: 0 });
  });

  it('resets at midnight Pacific time by the injected clock', async () => {
    let now = new Date('2026-03-08T07:59:00Z'); // 23:59 PST on 7 March
    h = await harness({ dailyUnits: 60, now: () => now });
    const v = await uploadVideo(h, 'Mitternacht');
    await h.yt.videos.update({ part: ['snippet'], requestBody: { id: v.id, snippet: { title: 'x', categoryId: '22' } } });
    expect(h.emu.quota()).toMatchObject({ day: '2026-03-07', unitsUsed: 50, resetsAt: '2026-03-08T08:00:00.000Z' });
    expect(await failure(h.yt.videos.update({ part: ['snippet'], requestBody: { id: v.id, snippet: { title: 'y', categoryId: '22' } } }))).toMatchObject({ reason: 'quotaExceeded' });

    now = new Date('2026-03-08T08:00:00Z'); // 00:00 PST on 8 March
    expect(h.emu.quota()).toMatchObject({ day: '2026-03-08', unitsUsed: 0, uploadsUsed: 0, resetsAt: '2026-03-09T07:00:00.000Z' });
    await h.yt.videos.update({ part: ['snippet'], requestBody: { id: v.id, snippet: { title: 'y', categoryId: '22' } } });
    expect(h.emu.quota().unitsUsed).toBe(50);
  });
});
