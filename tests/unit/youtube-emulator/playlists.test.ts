import { failure, harness, uploadVideo, type Harness } from './helpers';

describe('youtube emulator: playlists and playlist items', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await harness();
  });
  afterEach(async () => {
    await h.emu.close();
  });

  async function playlist(title: string): Promise<string> {
    const res = await h.yt.playlists.insert({
      part: ['snippet', 'status'],
      requestBody: { snippet: { title, description: 'Geschichten', defaultLanguage: 'de' }, status: { privacyStatus: 'public' } },
    });
    return res.data.id ?? '';
  }

  it('creates, reads, updates and deletes a playlist', async () => {
    const created = await h.yt.playlists.insert({
      part: ['snippet', 'status', 'contentDetails'],
      requestBody: { snippet: { title: 'Hannover', description: 'Aus der Region Hannover' }, status: { privacyStatus: 'unlisted' } },
    });
    expect(created.data).toMatchObject({
      kind: 'youtube#playlist',
      snippet: { title: 'Hannover', description: 'Aus der Region Hannover', channelId: 'UCzusammenMehrEmulator0' },
      status: { privacyStatus: 'unlisted' },
      contentDetails: { itemCount: 0 },
    });
    const id = created.data.id ?? '';
    expect(id).toMatch(/^PL/);

    const updated = await h.yt.playlists.update({ part: ['snippet'], requestBody: { id, snippet: { title: 'Region Hannover' } } });
    expect(updated.data.snippet?.title).toBe('Region Hannover');
    expect(updated.data.snippet?.description).toBe('');

    const listed = await h.yt.playlists.list({ part: ['snippet'], id: [id] });
    expect(listed.data.items?.[0]?.snippet?.title).toBe('Region Hannover');

    expect((await h.yt.playlists.delete({ id })).status).toBe(204);
    expect((await h.yt.playlists.list({ part: ['id'], id: [id] })).data.items).toEqual([]);
    expect(await failure(h.yt.playlists.delete({ id }))).toMatchObject({ status: 404, reason: 'playlistNotFound' });
    expect(await failure(h.yt.playlists.update({ part: ['snippet'], requestBody: { id, snippet: { title: 'x' } } }))).toMatchObject({ status: 404, reason: 'playlistNotFound' });
  });

  it('validates playlist titles', async () => {
    expect(await failure(h.yt.playlists.insert({ part: ['snippet'], requestBody: { snippet: { title: '' } } }))).toMatchObject({ status: 400, reason: 'playlistTitleRequired' });
    expect(await failure(h.yt.playlists.insert({ part: ['snippet'], requestBody: { snippet: { title: 'x'.repeat(151) } } }))).toMatchObject({ status: 400, reason: 'invalidPlaylistSnippet' });
    await h.yt.playlists.insert({ part: ['snippet'], requestBody: { snippet: { title: 'x'.repeat(150) } } });
  });

  it('pages mine=true with maxResults and pageToken', async () => {
    for (let i = 1; i <= 7; i++) await playlist(`Liste ${i}`);
    const first = await h.yt.playlists.list({ part: ['snippet'], mine: true });
    expect(first.data.items).toHaveLength(5);
    expect(first.data.pageInfo).toEqual({ totalResults: 7, resultsPerPage: 5 });
    expect(first.data.items?.[0]?.snippet?.title).toBe('Liste 7');
    const second = await h.yt.playlists.list({ part: ['snippet'], mine: true, pageToken: first.data.nextPageToken ?? '' });
    expect(second.data.items?.map((p) => p.snippet?.title)).toEqual(['Liste 2', 'Liste 1']);
    expect(second.data.nextPageToken).toBeUndefined();
    expect(second.data.prevPageToken).toBeDefined();

    const three = await h.yt.playlists.list({ part: ['id'], mine: true, maxResults: 3 });
    expect(three.data.items).toHaveLength(3);
    expect(await failure(h.yt.playlists.list({ part: ['id'], mine: true, maxResults: 51 }))).toMatchObject({ status: 400, reason: 'invalidParameter' });
    expect(await failure(h.yt.playlists.list({ part: ['id'], mine: true, pageToken: 'garbage' }))).toMatchObject({ status: 400, reason: 'invalidPageToken' });
  });

  it('adds videos, keeps itemCount right, refuses duplicates with 409 videoAlreadyInPlaylist when switched to', async () => {
    h.emu.setRules({ rejectDuplicatePlaylistItems: true });
    const pl = await playlist('Osnabrück');
    const a = await uploadVideo(h, 'Video A');
    const b = await uploadVideo(h, 'Video B');
    const itemA = await h.yt.playlistItems.insert({ part: ['snippet'], requestBody: { snippet: { playlistId: pl, resourceId: { kind: 'youtube#video', videoId: a.id } } } });
    expect(itemA.data.snippet).toMatchObject({ playlistId: pl, position: 0, title: 'Video A', resourceId: { videoId: a.id } });
    // Inserted at position 0: B goes before A.
    await h.yt.playlistItems.insert({ part: ['snippet'], requestBody: { snippet: { playlistId: pl, position: 0, resourceId: { kind: 'youtube#video', videoId: b.id } } } });

    const dup = await failure(h.yt.playlistItems.insert({ part: ['snippet'], requestBody: { snippet: { playlistId: pl, resourceId: { kind: 'youtube#video', videoId: a.id } } } }));
    expect(dup).toMatchObject({ status: 409, reason: 'videoAlreadyInPlaylist' });

    const counted = await h.yt.playlists.list({ part: ['contentDetails'], id: [pl] });
    expect(counted.data.items?.[0]?.contentDetails?.itemCount).toBe(2);

    const items = await h.yt.playlistItems.list({ part: ['snippet', 'contentDetails', 'status'], playlistId: pl });
    expect(items.data.items?.map((i) => i.snippet?.title)).toEqual(['Video B', 'Video A']);
    expect(items.data.items?.[1]?.contentDetails?.videoId).toBe(a.id);
    expect(items.data.items?.[1]?.status?.privacyStatus).toBe('unlisted');

    expect((await h.yt.playlistItems.delete({ id: itemA.data.id ?? '' })).status).toBe(204);
    expect(await failure(h.yt.playlistItems.delete({ id: itemA.data.id ?? '' }))).toMatchObject({ status: 404, reason: 'playlistItemNotFound' });
    const after = await h.yt.playlists.list({ part: ['contentDetails'], id: [pl] });
    expect(after.data.items?.[0]?.contentDetails?.itemCount).toBe(1);
  });

  it('answers 404 for unknown playlists and videos', async () => {
    const pl = await playlist('Leer');
    expect(await failure(h.yt.playlistItems.list({ part: ['snippet'], playlistId: 'PLnope' }))).toMatchObject({ status: 404, reason: 'playlistNotFound' });
    expect(
      await failure(h.yt.playlistItems.insert({ part: ['snippet'], requestBody: { snippet: { playlistId: 'PLnope', resourceId: { kind: 'youtube#video', videoId: 'x' } } } })),
    ).toMatchObject({ status: 404, reason: 'playlistNotFound' });
    expect(
      await failure(h.yt.playlistItems.insert({ part: ['snippet'], requestBody: { snippet: { playlistId: pl, resourceId: { kind: 'youtube#video', videoId: 'nope' } } } })),
    ).toMatchObject({ status: 404, reason: 'videoNotFound' });
  });

  it('pages playlist items', async () => {
    const pl = await playlist('Viele');
    for (let i = 0; i < 6; i++) {
      const v = await uploadVideo(h, `Folge ${i}`, 100);
      await h.yt.playlistItems.insert({ part: ['snippet'], requestBody: { snippet: { playlistId: pl, resourceId: { kind: 'youtube#video', videoId: v.id } } } });
    }
    const titles: string[] = [];
    let pageToken: string | undefined;
    do {
      const page = await h.yt.playlistItems.list({ part: ['snippet'], playlistId: pl, maxResults: 4, ...(pageToken ? { pageToken } : {}) });
      titles.push(...(page.data.items ?? []).map((i) => i.snippet?.title ?? ''));
      pageToken = page.data.nextPageToken ?? undefined;
    } while (pageToken);
    expect(titles).toEqual(['Folge 0', 'Folge 1', 'Folge 2', 'Folge 3', 'Folge 4', 'Folge 5']);
  });

  it('shows drift made by hand: deleted videos stay as "Deleted video", removed items and playlists vanish', async () => {
    const pl = await playlist('Drift');
    const v = await uploadVideo(h, 'Wird gelöscht');
    const w = await uploadVideo(h, 'Bleibt');
    await h.yt.playlistItems.insert({ part: ['snippet'], requestBody: { snippet: { playlistId: pl, resourceId: { kind: 'youtube#video', videoId: v.id } } } });
    const kept = await h.yt.playlistItems.insert({ part: ['snippet'], requestBody: { snippet: { playlistId: pl, resourceId: { kind: 'youtube#video', videoId: w.id } } } });

    expect(h.emu.deleteVideoByHand(v.id ?? '')).toBe(true);
    const items = await h.yt.playlistItems.list({ part: ['snippet', 'status'], playlistId: pl });
    expect(items.data.items?.[0]?.snippet?.title).toBe('Deleted video');
    expect(items.data.items?.[0]?.status?.privacyStatus).toBe('privacyStatusUnspecified');

    expect(h.emu.removePlaylistItemByHand(kept.data.id ?? '')).toBe(true);
    expect(h.emu.playlistItems().map((i) => i.videoId)).toEqual([v.id]);
    expect(h.emu.deletePlaylistByHand(pl)).toBe(true);
    expect((await h.yt.playlists.list({ part: ['id'], mine: true })).data.items).toEqual([]);
  });

  it('serves the uploads playlist (UU…) with every video, newest first', async () => {
    await uploadVideo(h, 'Erstes', 100);
    await uploadVideo(h, 'Zweites', 100);
    const res = await h.yt.playlistItems.list({ part: ['snippet'], playlistId: 'UUzusammenMehrEmulator0', maxResults: 50 });
    expect(res.data.items?.map((i) => i.snippet?.title)).toEqual(['Zweites', 'Erstes']);
  });
});
