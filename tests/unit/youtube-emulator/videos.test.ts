import { randomBytes } from 'node:crypto';
import { failure, harness, randomMedia, snippet, streamOf, uploadVideo, type Harness } from './helpers';

describe('youtube emulator: channels and videos', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await harness();
  });
  afterEach(async () => {
    await h.emu.close();
  });

  it('lists the channel with snippet, uploads playlist and statistics', async () => {
    const res = await h.yt.channels.list({ part: ['snippet', 'contentDetails', 'statistics'], mine: true });
    expect(res.data.kind).toBe('youtube#channelListResponse');
    const ch = res.data.items?.[0];
    expect(ch?.id).toBe('UCzusammenMehrEmulator0');
    expect(ch?.snippet?.title).toBe('ZUSAMMEN. MEHR.');
    expect(ch?.contentDetails?.relatedPlaylists?.uploads).toBe('UUzusammenMehrEmulator0');
    expect(ch?.statistics?.videoCount).toBe('0');
    const byId = await h.yt.channels.list({ part: ['id'], id: ['UCzusammenMehrEmulator0'] });
    expect(byId.data.items).toHaveLength(1);
    expect(byId.data.items?.[0]?.snippet).toBeUndefined();
  });

  it('takes a chunked multipart insert from googleapis and receives the whole file', async () => {
    const media = randomMedia(3 * 1024 * 1024 + 17);
    const res = await h.yt.videos.insert(
      {
        part: ['snippet', 'status'],
        notifySubscribers: false,
        requestBody: {
          snippet: snippet('Amal lernt Deutsch', { tags: ['Sprache', 'Ehrenamt'] }),
          status: { privacyStatus: 'unlisted', selfDeclaredMadeForKids: false, embeddable: true, license: 'youtube' },
        },
        media: { mimeType: 'video/mp4', body: streamOf(media.data, 7) },
      },
      h.media,
    );
    expect(res.status).toBe(200);
    expect(res.data).toMatchObject({
      kind: 'youtube#video',
      snippet: { title: 'Amal lernt Deutsch', categoryId: '29', tags: ['Sprache', 'Ehrenamt'], defaultLanguage: 'de', channelId: 'UCzusammenMehrEmulator0' },
      status: { privacyStatus: 'unlisted', uploadStatus: 'processed', selfDeclaredMadeForKids: false, madeForKids: false },
    });
    expect(res.data.snippet?.publishedAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    expect(res.data.statistics).toBeUndefined();

    const [stored] = h.emu.videos();
    expect(h.emu.videos()).toHaveLength(1);
    expect(stored?.media).toEqual({ size: media.data.length, sha256: media.sha256, mimeType: 'video/mp4', uploadType: 'multipart' });
    // Node's client sends no Content-Length for this upload; the request must still be complete.
    expect(h.emu.calls().find((c) => c.endpoint === 'videos.insert')).toMatchObject({ status: 200, query: { uploadType: 'multipart', part: ['snippet', 'status'] } });
  });

  it('lists videos by id with all parts, accepting comma-joined part too', async () => {
    const v = await uploadVideo(h, 'Zwei Sprachen', 1_000_000);
    h.emu.setVideoStats(v.id ?? '', { viewCount: 42, likeCount: 7, commentCount: 3 });
    const res = await h.yt.videos.list({ part: ['snippet', 'status', 'contentDetails', 'statistics'], id: [v.id ?? '', 'doesNotExist'] });
    expect(res.data.items).toHaveLength(1);
    const item = res.data.items?.[0];
    expect(item?.statistics).toEqual({ viewCount: '42', likeCount: '7', favoriteCount: '0', commentCount: '3' });
    expect(item?.contentDetails?.duration).toBe('PT4S');
    expect(item?.status?.privacyStatus).toBe('unlisted');

    const token = (await h.auth.getAccessToken()).token ?? '';
    const raw = await fetch(`${h.emu.url}/youtube/v3/videos?part=snippet%2Cstatistics&id=${v.id}&alt=json`, { headers: { Authorization: `Bearer ${token}` } });
    const body = (await raw.json()) as { items: Array<{ snippet?: unknown; statistics?: unknown; status?: unknown }> };
    expect(body.items[0]?.snippet).toBeDefined();
    expect(body.items[0]?.statistics).toBeDefined();
    expect(body.items[0]?.status).toBeUndefined();
  });

  it('rejects videos.list with more than 50 ids and requires part', async () => {
    const ids = Array.from({ length: 51 }, (_, i) => `id${i}`);
    const err = await failure(h.yt.videos.list({ part: ['id'], id: ids }));
    expect(err.status).toBe(400);
    expect(err.reason).toBe('invalidFilters');
    expect((await h.yt.videos.list({ part: ['id'], id: ids.slice(0, 50) })).data.items).toEqual([]);
    const noPart = await failure(h.yt.videos.list({ part: [], id: ['x'] }));
    expect(noPart).toMatchObject({ status: 400, reason: 'required' });
    expect((await failure(h.yt.videos.list({ part: ['bogus'], id: ['x'] }))).reason).toBe('unknownPart');
  });

  it.each([
    ['a title of 101 characters', { title: 'x'.repeat(101) }, 'invalidTitle'],
    ['an empty title', { title: '  ' }, 'invalidTitle'],
    ['a "<" in the title', { title: 'Mehr <als> nur Worte' }, 'invalidTitle'],
    ['a description of 5001 bytes', { description: 'ä'.repeat(2500) + 'x' }, 'invalidDescription'],
    ['a ">" in the description', { description: 'a > b' }, 'invalidDescription'],
    ['tags over 500 characters as YouTube counts them', { tags: Array.from({ length: 50 }, () => 'zwei wörter') }, 'invalidTags'],
    ['an unknown category', { categoryId: '99' }, 'invalidCategoryId'],
  ])('rejects an insert with %s', async (_label, override, reason) => {
    const err = await failure(
      h.yt.videos.insert(
        { part: ['snippet', 'status'], requestBody: { snippet: snippet('Gültig', override), status: { privacyStatus: 'private' } }, media: { mimeType: 'video/mp4', body: streamOf(randomBytes(1000)) } },
        h.media,
      ),
    );
    expect(err.status).toBe(400);
    expect(err.reason).toBe(reason);
    expect(err.domain).toBe('youtube.video');
    expect(h.emu.videos()).toHaveLength(0);
  });

  it('counts tags like YouTube: a spaced tag counts its quotes, commas count', async () => {
    // 494 + ("a b" = 3 + 2 quotes) + 1 comma = 500: allowed; one more character is not.
    await uploadVideoWith(h, { tags: ['x'.repeat(494), 'a b'] });
    expect((await failure(uploadVideoWith(h, { tags: ['x'.repeat(495), 'a b'] }))).reason).toBe('invalidTags');
    expect((await failure(uploadVideoWith(h, { tags: ['x'.repeat(498), 'ab'] }))).reason).toBe('invalidTags');
  });

  it('rejects a bad privacy status', async () => {
    const err = await failure(
      h.yt.videos.insert(
        { part: ['snippet', 'status'], requestBody: { snippet: snippet('Privat?'), status: { privacyStatus: 'secret' } }, media: { mimeType: 'video/mp4', body: streamOf(randomBytes(1000)) } },
        h.media,
      ),
    );
    expect(err).toMatchObject({ status: 400, reason: 'invalidVideoMetadata' });
  });

  it('updates snippet and status, requiring title and categoryId like YouTube', async () => {
    const v = await uploadVideo(h, 'Alt');
    const updated = await h.yt.videos.update({
      part: ['snippet', 'status'],
      requestBody: { id: v.id, snippet: { title: 'Neu', categoryId: '27', description: 'Neu beschrieben' }, status: { privacyStatus: 'public' } },
    });
    expect(updated.data.snippet).toMatchObject({ title: 'Neu', categoryId: '27', description: 'Neu beschrieben' });
    // A snippet update replaces the snippet: tags not sent are gone.
    expect(updated.data.snippet?.tags).toBeUndefined();
    expect(updated.data.status?.privacyStatus).toBe('public');

    const noCategory = await failure(h.yt.videos.update({ part: ['snippet'], requestBody: { id: v.id, snippet: { title: 'Ohne Kategorie' } } }));
    expect(noCategory).toMatchObject({ status: 400, reason: 'invalidCategoryId' });
    const noTitle = await failure(h.yt.videos.update({ part: ['snippet'], requestBody: { id: v.id, snippet: { categoryId: '22' } } }));
    expect(noTitle).toMatchObject({ status: 400, reason: 'invalidTitle' });
    expect(h.emu.videos()[0]?.snippet.title).toBe('Neu');

    const missing = await failure(h.yt.videos.update({ part: ['snippet'], requestBody: { id: 'nope', snippet: { title: 'x', categoryId: '22' } } }));
    expect(missing).toMatchObject({ status: 404, reason: 'videoNotFound' });
  });

  it('deletes with 204; the id then simply disappears from videos.list', async () => {
    const v = await uploadVideo(h, 'Weg damit');
    const del = await h.yt.videos.delete({ id: v.id ?? '' });
    expect(del.status).toBe(204);
    expect((await h.yt.videos.list({ part: ['id'], id: [v.id ?? ''] })).data.items).toEqual([]);
    expect(await failure(h.yt.videos.delete({ id: v.id ?? '' }))).toMatchObject({ status: 404, reason: 'videoNotFound' });
  });

  it('ignores properties whose part is not named, as YouTube does (status without part=status)', async () => {
    const res = await h.yt.videos.insert(
      { part: ['snippet'], requestBody: { snippet: snippet('Ohne Status-Teil'), status: { privacyStatus: 'private' } }, media: { mimeType: 'video/mp4', body: streamOf(randomBytes(100)) } },
      h.media,
    );
    expect(res.data.status).toBeUndefined();
    expect(h.emu.videos()[0]?.status.privacyStatus).toBe('public');
  });

  it('requires the media body: insert without upload is 400 mediaBodyRequired', async () => {
    const err = await failure(h.yt.videos.insert({ part: ['snippet'], requestBody: { snippet: snippet('Ohne Datei') } }));
    expect(err).toMatchObject({ status: 400, reason: 'mediaBodyRequired' });
  });
});

describe('youtube emulator: unaudited project (forcePrivateUploads)', () => {
  it('locks uploads to private and keeps them private on update', async () => {
    const h = await harness({ forcePrivateUploads: true });
    try {
      const v = await uploadVideo(h, 'Öffentlich gewünscht', 1000, 'public');
      expect(v.status?.privacyStatus).toBe('private');
      const updated = await h.yt.videos.update({ part: ['status'], requestBody: { id: v.id, status: { privacyStatus: 'public' } } });
      expect(updated.status).toBe(200);
      expect(updated.data.status?.privacyStatus).toBe('private');
      const [stored] = h.emu.videos();
      expect(stored).toMatchObject({ lockedPrivate: true, requestedPrivacyStatus: 'public', status: { privacyStatus: 'private' } });
    } finally {
      await h.emu.close();
    }
  });
});

async function uploadVideoWith(h: Harness, override: Parameters<typeof snippet>[1]): Promise<unknown> {
  return h.yt.videos.insert(
    { part: ['snippet'], requestBody: { snippet: snippet('Tags', override) }, media: { mimeType: 'video/mp4', body: streamOf(randomBytes(100)) } },
    h.media,
  );
}
