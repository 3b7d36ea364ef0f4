import { accessToken, failure, harness, nextOffset, putChunk, randomMedia, snippet, startResumable, statusQuery, streamOf, type Harness } from './helpers';

const KIB256 = 256 * 1024;

describe('youtube emulator: resumable uploads', () => {
  let h: Harness;
  let token: string;
  beforeEach(async () => {
    h = await harness();
    token = await accessToken(h.auth);
  });
  afterEach(async () => {
    await h.emu.close();
  });

  async function session(total: number): Promise<string> {
    const res = await startResumable(h.emu, token, total);
    expect(res.status).toBe(200);
    const location = res.headers.get('location') ?? '';
    expect(location.startsWith(`${h.emu.url}/upload/youtube/v3/videos?`)).toBe(true);
    return location;
  }

  it('survives a dropped connection: status query, resume, exactly one video with the whole file', async () => {
    const media = randomMedia(6 * KIB256 + 12345);
    const total = media.data.length;
    const uri = await session(total);

    // Nothing held yet: 308 without Range, the client starts at 0.
    const empty = await statusQuery(uri, total);
    expect(empty.status).toBe(308);
    expect(empty.headers.get('range')).toBeNull();

    const first = await putChunk(uri, media.data.subarray(0, 2 * KIB256), 0, total);
    expect(first.status).toBe(308);
    expect(first.headers.get('range')).toBe(`bytes=0-${2 * KIB256 - 1}`);

    // The next chunk is cut after 300,000 bytes: Google keeps whole 256 KiB units only.
    h.emu.setFaults({ dropUploadAfterBytes: 300_000, dropUploadTimes: 1 });
    await expect(putChunk(uri, media.data.subarray(2 * KIB256, 4 * KIB256), 2 * KIB256, total)).rejects.toThrow();
    const afterDrop = await statusQuery(uri, total);
    expect(afterDrop.status).toBe(308);
    const held = nextOffset(afterDrop);
    expect(held).toBe(Math.floor((2 * KIB256 + 300_000) / KIB256) * KIB256);
    expect(h.emu.uploadSessions()[0]?.received).toBe(held);

    // Resume from where the server says, in one last chunk.
    const last = await putChunk(uri, media.data.subarray(held), held, total);
    expect(last.status).toBe(200);
    const video = (await last.json()) as { id: string; kind: string; snippet: { title: string }; status: { privacyStatus: string } };
    expect(video.kind).toBe('youtube#video');
    expect(video.snippet.title).toBe('Resumable');

    const videos = h.emu.videos();
    expect(videos).toHaveLength(1);
    expect(videos[0]).toMatchObject({ id: video.id, media: { size: total, sha256: media.sha256, uploadType: 'resumable' } });
    // One insert was charged (at session creation), chunk PUTs are free.
    const inserts = h.emu.calls().filter((c) => c.endpoint === 'videos.insert');
    expect(inserts).toHaveLength(1);
    expect(inserts[0]).toMatchObject({ uploads: 1, status: 200 });
    expect(h.emu.calls().filter((c) => c.endpoint === 'videos.insert.upload').every((c) => c.units === 0 && c.uploads === 0)).toBe(true);
    expect(h.emu.calls().some((c) => c.endpoint === 'videos.insert.upload' && c.dropped === true)).toBe(true);
  });

  it('skips bytes it already holds when a client resends from an older offset', async () => {
    const media = randomMedia(3 * KIB256);
    const total = media.data.length;
    const uri = await session(total);
    expect((await putChunk(uri, media.data.subarray(0, 2 * KIB256), 0, total)).status).toBe(308);
    // Client lost the 308 and sends everything again from 0.
    const res = await putChunk(uri, media.data, 0, total);
    expect(res.status).toBe(200);
    expect(h.emu.videos()[0]?.media).toMatchObject({ size: total, sha256: media.sha256 });
  });

  it('refuses a chunk that would leave a gap, and unknown or expired sessions with 404', async () => {
    const media = randomMedia(2 * KIB256);
    const uri = await session(media.data.length);
    const gap = await putChunk(uri, media.data.subarray(KIB256), KIB256, media.data.length);
    expect(gap.status).toBe(400);

    const bogus = uri.replace(/upload_id=[^&]+/, 'upload_id=doesnotexist');
    expect((await statusQuery(bogus, 10)).status).toBe(404);

    h.emu.setNow(() => new Date(Date.now() + 8 * 24 * 3600 * 1000));
    expect((await statusQuery(uri, media.data.length)).status).toBe(404);
  });

  it('validates metadata and the media type when the session is created', async () => {
    const bad = await startResumable(h.emu, token, 100, { snippet: snippet('x'.repeat(101)) });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: { errors: Array<{ reason: string }> } }).error.errors[0]?.reason).toBe('invalidTitle');

    const wrongType = await fetch(`${h.emu.url}/upload/youtube/v3/videos?uploadType=resumable&part=snippet`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json', 'X-Upload-Content-Type': 'text/plain' },
      body: JSON.stringify({ snippet: snippet('ok') }),
    });
    expect(wrongType.status).toBe(400);
    expect(h.emu.uploadSessions()).toHaveLength(0);
  });

  it('loseUploadResponse (resumable): the last answer is lost, the video exists, a status query returns it', async () => {
    const media = randomMedia(KIB256 + 100);
    const uri = await session(media.data.length);
    h.emu.setFaults({ loseUploadResponse: true });
    await expect(putChunk(uri, media.data, 0, media.data.length)).rejects.toThrow();
    expect(h.emu.videos()).toHaveLength(1);

    const again = await statusQuery(uri, media.data.length);
    expect(again.status).toBe(200);
    const video = (await again.json()) as { id: string };
    expect(video.id).toBe(h.emu.videos()[0]?.id);
    expect(h.emu.videos()).toHaveLength(1);
  });

  it('loseUploadResponse (multipart via googleapis): the client gets no answer but the video exists', async () => {
    const media = randomMedia(200_000);
    h.emu.setFaults({ loseUploadResponse: true });
    await expect(
      h.yt.videos.insert(
        { part: ['snippet', 'status'], requestBody: { snippet: snippet('Verlorene Antwort'), status: { privacyStatus: 'private' } }, media: { mimeType: 'video/mp4', body: streamOf(media.data) } },
        h.media,
      ),
    ).rejects.toThrow();
    expect(h.emu.videos()).toHaveLength(1);
    expect(h.emu.videos()[0]?.media.sha256).toBe(media.sha256);
    expect(h.emu.quota().uploadsUsed).toBe(1);
    // One-shot: the next upload is answered normally.
    const ok = await h.yt.videos.insert(
      { part: ['snippet'], requestBody: { snippet: snippet('Zweiter Versuch') }, media: { mimeType: 'video/mp4', body: streamOf(media.data) } },
      h.media,
    );
    expect(ok.status).toBe(200);
  });

  it('a multipart upload cut mid-body leaves no video and costs nothing', async () => {
    h.emu.setFaults({ dropUploadAfterBytes: 50_000 });
    const media = randomMedia(400_000);
    await expect(
      h.yt.videos.insert(
        { part: ['snippet'], requestBody: { snippet: snippet('Abgebrochen') }, media: { mimeType: 'video/mp4', body: streamOf(media.data, 8) } },
        h.media,
      ),
    ).rejects.toThrow();
    expect(h.emu.videos()).toHaveLength(0);
    expect(h.emu.quota()).toMatchObject({ uploadsUsed: 0, unitsUsed: 0 });
    expect(h.emu.calls().find((c) => c.endpoint === 'videos.insert')).toMatchObject({ dropped: true, uploads: 0 });
  });

  it('rejects an upload with a non-video media type', async () => {
    const err = await failure(
      h.yt.videos.insert(
        { part: ['snippet'], requestBody: { snippet: snippet('Text') }, media: { mimeType: 'text/plain', body: streamOf(Buffer.from('hello')) } },
        h.media,
      ),
    );
    expect(err).toMatchObject({ status: 400, reason: 'badContent' });
  });
});
