import { accessToken, failure, fakeJpeg, harness, randomMedia, snippet, streamOf, uploadVideo, type Harness } from './helpers';

/** Rules of the real YouTube that a sync must live with: unverified channels, whole-part updates, duplicates. */
describe('youtube emulator: YouTube rules', () => {
  let h: Harness;
  afterEach(async () => {
    await h.emu.close();
  });

  const setThumbnail = (videoId: string) =>
    h.yt.thumbnails.set({ videoId, media: { mimeType: 'image/jpeg', body: streamOf(fakeJpeg(), 1) } }, h.media);

  it('takes custom thumbnails on a verified channel (the default) and answers 403 forbidden on an unverified one', async () => {
    h = await harness();
    const video = await uploadVideo(h, 'Vorschaubild');
    expect((await setThumbnail(video.id ?? '')).status).toBe(200);

    h.emu.setRules({ channelVerified: false });
    expect(await failure(setThumbnail(video.id ?? ''))).toMatchObject({ status: 403, reason: 'forbidden', domain: 'youtube.thumbnail' });
    expect(h.emu.thumbnails()).toHaveLength(1);

    const control = await fetch(`${h.emu.url}/__emulator/rules`, { method: 'POST', body: JSON.stringify({ channelVerified: true }) });
    expect(await control.json()).toEqual({ rules: { channelVerified: true, rejectDuplicatePlaylistItems: false } });
    expect((await setThumbnail(video.id ?? '')).status).toBe(200);
  });

  it('starts unverified when told so', async () => {
    h = await harness({ rules: { channelVerified: false } });
    const video = await uploadVideo(h, 'Neuer Kanal');
    expect(await failure(setThumbnail(video.id ?? ''))).toMatchObject({ status: 403, reason: 'forbidden' });
  });

  async function playlistWith(...titles: string[]) {
    const pl = (await h.yt.playlists.insert({ part: ['snippet'], requestBody: { snippet: { title: 'Liste' } } })).data.id ?? '';
    const videos = [];
    for (const title of titles) videos.push(await uploadVideo(h, title));
    return { pl, videos };
  }

  const add = (playlistId: string, videoId: string, position?: number) =>
    h.yt.playlistItems.insert({ part: ['snippet'], requestBody: { snippet: { playlistId, position, resourceId: { kind: 'youtube#video', videoId } } } });

  it('accepts the same video twice in a playlist, as YouTube does for a channel’s own playlists', async () => {
    h = await harness();
    const { pl, videos } = await playlistWith('Doppelt');
    const first = await add(pl, videos[0].id ?? '');
    const second = await add(pl, videos[0].id ?? '');
    expect(second.status).toBe(200);
    expect(second.data.id).not.toBe(first.data.id);
    expect(h.emu.playlistItems().filter((i) => i.playlistId === pl)).toHaveLength(2);
  });

  it('refuses duplicates with 409 videoAlreadyInPlaylist when switched to the old behaviour', async () => {
    h = await harness({ rules: { rejectDuplicatePlaylistItems: true } });
    const { pl, videos } = await playlistWith('Einmal');
    await add(pl, videos[0].id ?? '');
    expect(await failure(add(pl, videos[0].id ?? ''))).toMatchObject({ status: 409, reason: 'videoAlreadyInPlaylist' });
    expect(h.emu.playlistItems().filter((i) => i.playlistId === pl)).toHaveLength(1);
  });

  it('puts an item where snippet.position says, and at the end without it', async () => {
    h = await harness();
    const { pl, videos } = await playlistWith('Alt', 'Mittel', 'Neu');
    await add(pl, videos[0].id ?? '');
    await add(pl, videos[1].id ?? '');
    const newest = await add(pl, videos[2].id ?? '', 0);
    expect(newest.data.snippet?.position).toBe(0);
    const items = await h.yt.playlistItems.list({ part: ['snippet'], playlistId: pl });
    expect(items.data.items?.map((i) => i.snippet?.title)).toEqual(['Neu', 'Alt', 'Mittel']);
  });

  it('records notifySubscribers as received (YouTube’s default is true) for multipart and resumable uploads', async () => {
    h = await harness();
    await uploadVideo(h, 'Ohne Angabe');
    await h.yt.videos.insert(
      { part: ['snippet'], notifySubscribers: false, requestBody: { snippet: snippet('Still') }, media: { mimeType: 'video/mp4', body: streamOf(randomMedia(1000).data) } },
      h.media
    );
    const token = await accessToken(h.auth);
    const start = await fetch(`${h.emu.url}/upload/youtube/v3/videos?uploadType=resumable&part=snippet&notifySubscribers=false`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json', 'X-Upload-Content-Length': '4' },
      body: JSON.stringify({ snippet: snippet('Fortsetzbar') }),
    });
    const done = await fetch(start.headers.get('location') ?? '', { method: 'PUT', headers: { Authorization: `Bearer ${token}`, 'Content-Range': 'bytes 0-3/4' }, body: 'abcd' });
    expect(done.status).toBe(200);
    expect(Object.fromEntries(h.emu.videos().map((v) => [v.snippet.title, v.notifySubscribers]))).toEqual({ 'Ohne Angabe': true, Still: false, Fortsetzbar: false });
  });

  it('videos.update resets the mutable status properties a request leaves out', async () => {
    h = await harness();
    const created = await h.yt.videos.insert(
      {
        part: ['snippet', 'status'],
        requestBody: {
          snippet: snippet('Lizenz'),
          status: { privacyStatus: 'private', license: 'creativeCommon', embeddable: false, publicStatsViewable: false, publishAt: '2030-01-01T10:00:00Z' },
        },
        media: { mimeType: 'video/mp4', body: streamOf(randomMedia(1000).data) },
      },
      h.media
    );
    await h.yt.videos.update({ part: ['status'], requestBody: { id: created.data.id, status: { privacyStatus: 'unlisted' } } });
    expect(h.emu.videos()[0].status).toMatchObject({ privacyStatus: 'unlisted', license: 'youtube', embeddable: true, publicStatsViewable: true });
    expect(h.emu.videos()[0].status.publishAt).toBeUndefined();
  });
});
