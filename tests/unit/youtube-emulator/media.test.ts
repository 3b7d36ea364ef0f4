import { Readable } from 'node:stream';
import { createHash } from 'node:crypto';
import { fakeJpeg, fakePng, failure, harness, uploadVideo, type Harness } from './helpers';

describe('youtube emulator: thumbnails', () => {
  let h: Harness;
  let videoId: string;
  beforeEach(async () => {
    h = await harness();
    videoId = (await uploadVideo(h, 'Mit Vorschaubild')).id ?? '';
  });
  afterEach(async () => {
    await h.emu.close();
  });

  it('accepts a PNG via googleapis (uploadType=media) and serves the stored bytes', async () => {
    const png = fakePng(1280, 720);
    const res = await h.yt.thumbnails.set({ videoId, media: { mimeType: 'image/png', body: Readable.from([png]) } }, h.media);
    expect(res.status).toBe(200);
    expect(res.data.kind).toBe('youtube#thumbnailSetResponse');
    const url = res.data.items?.[0]?.default?.url ?? '';
    expect(url).toContain(`/__emulator/thumbnails/${videoId}`);
    expect(h.emu.thumbnails()).toEqual([
      expect.objectContaining({ videoId, mimeType: 'image/png', size: png.length, width: 1280, height: 720, sha256: createHash('sha256').update(png).digest('hex') }),
    ]);
    const served = await fetch(url);
    expect(served.headers.get('content-type')).toBe('image/png');
    expect(Buffer.from(await served.arrayBuffer()).equals(png)).toBe(true);
    expect(h.emu.calls().find((c) => c.endpoint === 'thumbnails.set')).toMatchObject({ units: 50, query: { uploadType: 'media', videoId } });
  });

  it('accepts a JPEG and reads its size from the frame header', async () => {
    await h.yt.thumbnails.set({ videoId, media: { mimeType: 'image/jpeg', body: Readable.from([fakeJpeg(640, 360)]) } }, h.media);
    expect(h.emu.thumbnails()[0]).toMatchObject({ mimeType: 'image/jpeg', width: 640, height: 360 });
  });

  it('rejects an image over 2 MB and a body that is not an image', async () => {
    const big = fakePng(1280, 720, 2 * 1024 * 1024 + 1);
    const tooBig = await failure(h.yt.thumbnails.set({ videoId, media: { mimeType: 'image/png', body: Readable.from([big]) } }, h.media));
    expect(tooBig).toMatchObject({ status: 413, reason: 'uploadTooLarge' });
    // Exactly 2 MB is fine.
    await h.yt.thumbnails.set({ videoId, media: { mimeType: 'image/png', body: Readable.from([fakePng(1280, 720, 2 * 1024 * 1024)]) } }, h.media);

    const notImage = await failure(h.yt.thumbnails.set({ videoId, media: { mimeType: 'image/jpeg', body: Readable.from([Buffer.from('GIF89a not really')]) } }, h.media));
    expect(notImage).toMatchObject({ status: 400, reason: 'invalidImage' });
    const wrongType = await failure(h.yt.thumbnails.set({ videoId, media: { mimeType: 'text/plain', body: Readable.from([fakePng()]) } }, h.media));
    expect(wrongType).toMatchObject({ status: 400, reason: 'badContent' });
    expect(await failure(h.yt.thumbnails.set({ videoId: 'nope', media: { mimeType: 'image/png', body: Readable.from([fakePng()]) } }, h.media))).toMatchObject({ status: 404, reason: 'videoNotFound' });
  });

  it('accepts a multipart thumbnail upload too', async () => {
    const token = (await h.auth.getAccessToken()).token ?? '';
    const png = fakePng(320, 180);
    const body = Buffer.concat([
      Buffer.from('--b\r\nContent-Type: application/json\r\n\r\n{}\r\n--b\r\nContent-Type: image/png\r\n\r\n'),
      png,
      Buffer.from('\r\n--b--'),
    ]);
    const res = await fetch(`${h.emu.url}/upload/youtube/v3/thumbnails/set?videoId=${videoId}&uploadType=multipart`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'multipart/related; boundary=b' },
      body,
    });
    expect(res.status).toBe(200);
    expect(h.emu.thumbnails()[0]).toMatchObject({ size: png.length, width: 320 });
  });
});

describe('youtube emulator: captions', () => {
  let h: Harness;
  let videoId: string;
  beforeEach(async () => {
    h = await harness();
    videoId = (await uploadVideo(h, 'Mit Untertiteln')).id ?? '';
  });
  afterEach(async () => {
    await h.emu.close();
  });

  const vtt = 'WEBVTT\n\n00:00:00.000 --> 00:00:02.000\nHallo und willkommen.\n';
  const srt = '1\n00:00:00,000 --> 00:00:02,000\nمرحبا\n';

  it('inserts WebVTT and SRT through googleapis, lists, updates and deletes them', async () => {
    const de = await h.yt.captions.insert(
      { part: ['snippet'], requestBody: { snippet: { videoId, language: 'de', name: 'Deutsch' } }, media: { mimeType: 'text/vtt', body: Readable.from([vtt]) } },
      h.media,
    );
    expect(de.data).toMatchObject({ kind: 'youtube#caption', snippet: { videoId, language: 'de', name: 'Deutsch', status: 'serving', isDraft: false } });
    await h.yt.captions.insert(
      { part: ['snippet'], requestBody: { snippet: { videoId, language: 'ar', name: 'Arabisch' } }, media: { mimeType: 'application/x-subrip', body: Readable.from([srt]) } },
      h.media,
    );
    expect(h.emu.captions().map((c) => c.format).sort()).toEqual(['srt', 'vtt']);
    expect(h.emu.captions().find((c) => c.language === 'ar')?.content).toBe(srt);

    const list = await h.yt.captions.list({ part: ['snippet'], videoId });
    expect(list.data.items).toHaveLength(2);
    const detail = await h.yt.videos.list({ part: ['contentDetails'], id: [videoId] });
    expect(detail.data.items?.[0]?.contentDetails?.caption).toBe('true');

    const dup = await failure(
      h.yt.captions.insert(
        { part: ['snippet'], requestBody: { snippet: { videoId, language: 'de', name: 'Deutsch' } }, media: { mimeType: 'text/vtt', body: Readable.from([vtt]) } },
        h.media,
      ),
    );
    expect(dup).toMatchObject({ status: 409, reason: 'captionExists' });

    const updated = await h.yt.captions.update({ part: ['snippet'], requestBody: { id: de.data.id, snippet: { isDraft: true } } });
    expect(updated.data.snippet?.isDraft).toBe(true);
    const newText = 'WEBVTT\n\n00:00:00.000 --> 00:00:03.000\nNeu.\n';
    await h.yt.captions.update({ part: ['snippet'], requestBody: { id: de.data.id }, media: { mimeType: 'text/vtt', body: Readable.from([newText]) } }, h.media);
    expect(h.emu.captions().find((c) => c.id === de.data.id)?.content).toBe(newText);

    expect((await h.yt.captions.delete({ id: de.data.id ?? '' })).status).toBe(204);
    expect(await failure(h.yt.captions.delete({ id: de.data.id ?? '' }))).toMatchObject({ status: 404, reason: 'captionNotFound' });

    const costs = Object.fromEntries(h.emu.calls().filter((c) => c.endpoint.startsWith('captions.') && c.status < 300).map((c) => [c.endpoint, c.units]));
    expect(costs).toEqual({ 'captions.insert': 400, 'captions.list': 50, 'captions.update': 450, 'captions.delete': 50 });
  });

  it('stores an unknown caption format as failed/unknownFormat, like YouTube', async () => {
    const res = await h.yt.captions.insert(
      { part: ['snippet'], requestBody: { snippet: { videoId, language: 'en', name: '' } }, media: { mimeType: 'text/plain', body: Readable.from(['just some text']) } },
      h.media,
    );
    expect(res.data.snippet).toMatchObject({ status: 'failed', failureReason: 'unknownFormat' });
  });

  it('answers 404 videoNotFound for captions of an unknown video', async () => {
    expect(await failure(h.yt.captions.list({ part: ['snippet'], videoId: 'nope' }))).toMatchObject({ status: 404, reason: 'videoNotFound' });
  });
});
