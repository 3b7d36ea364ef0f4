import fs from 'fs';
import path from 'path';
import request from 'supertest';
import type { Emulator } from '../../src/youtube-emulator';
import { effectiveCredentials } from '../../src/plugins/youtube-sync/server/src/config/credentials';
import { effectiveConfig } from '../../src/plugins/youtube-sync/server/src/config/effective-config';
import { DESCRIPTION_PLACEHOLDERS } from '../../src/plugins/youtube-sync/server/src/config/settings';
import { renderDescription } from '../../src/plugins/youtube-sync/server/src/sync/description';
import { SAMPLE_STORY } from '../../src/plugins/youtube-sync/server/src/admin-api/preview';
import { pluginConfig } from '../../src/plugins/youtube-sync/server/src/utils/plugin-config';
import { createYouTubeClient } from '../../src/plugins/youtube-sync/server/src/youtube/client';
import { createQuotaLedger } from '../../src/plugins/youtube-sync/server/src/youtube/quota';
import { createSyncRunner } from '../../src/plugins/youtube-sync/server/src/sync/worker';
import { adminToken } from '../support/admin';
import { createStory } from '../support/fixtures';
import { addVideoFile } from '../support/media';
import { startStrapi, type TestApp } from '../support/strapi';
import { manualClock, startYouTube, syncService, youtubeEnv } from '../support/youtube';

const JOB = 'plugin::youtube-sync.sync-job';

let app: TestApp;
let youtube: Emulator;
let admin: string;
const clock = manualClock();

beforeAll(async () => {
  youtube = await startYouTube();
  // One attempt per job, so that a failure shows at once instead of after eight backoffs.
  app = await startStrapi(youtubeEnv(youtube, { YOUTUBE_AUTH_URL: youtube.authUrl, YOUTUBE_REVOKE_URL: youtube.revokeUrl }));
  admin = await adminToken(app.strapi);
});
afterAll(async () => {
  await app?.stop();
  await youtube?.close();
});

const api = (token: string) => ({
  get: (url: string) => request(app.server).get(url).set('Authorization', `Bearer ${token}`),
  post: (url: string, body: object = {}) => request(app.server).post(url).set('Authorization', `Bearer ${token}`).send(body),
  put: (url: string, body: object) => request(app.server).put(url).set('Authorization', `Bearer ${token}`).send(body),
  del: (url: string) => request(app.server).delete(url).set('Authorization', `Bearer ${token}`),
});
const drain = () => syncService(app.strapi).drain(clock);

async function roleWith(name: string, actions: string[]) {
  const role = await app.strapi.service('admin::role').create({ name, description: 'test' });
  await app.strapi.service('admin::role').assignPermissions(
    role.id,
    actions.map((action) => ({ action, subject: null, properties: {}, conditions: [] }))
  );
  return (await app.strapi.db.query('admin::role').findOne({ where: { id: role.id } })).code as string;
}

/** Plays the editor's browser on the emulator's consent page: approve and follow Google's redirect back. */
async function approveOnConsentPage(authorisationUrl: string, decision: 'allow' | 'deny' = 'allow') {
  const url = new URL(authorisationUrl);
  const form = new URLSearchParams({ ...Object.fromEntries(url.searchParams), decision });
  const answer = await fetch(`${youtube.url}/o/oauth2/v2/auth/approve`, { method: 'POST', body: form, redirect: 'manual' });
  const back = new URL(answer.headers.get('location') as string);
  return request(app.server).get(`${back.pathname}${back.search}`);
}

describe('who may use the admin API', () => {
  test('without an admin token every route answers 401, except the OAuth callback', async () => {
    expect((await request(app.server).get('/youtube-sync/status')).status).toBe(401);
    expect((await request(app.server).post('/youtube-sync/resync')).status).toBe(401);
    const callback = await request(app.server).get('/youtube-sync/oauth/callback?state=unknown&code=x');
    expect(callback.status).toBe(302);
    expect(callback.headers.location).toMatch(/\/admin\/settings\/youtube-sync\/connection\?result=state_invalid$/);
  });

  test('an author without the plugin permissions gets 403 on reading, syncing and settings', async () => {
    const author = api(await adminToken(app.strapi, 'strapi-author'));
    for (const call of [author.get('/youtube-sync/status'), author.post('/youtube-sync/retry-failed'), author.get('/youtube-sync/settings'), author.get('/youtube-sync/oauth/start')]) {
      expect((await call).status).toBe(403);
    }
  });

  test('a role with only the read permission sees the dashboard but may not sync or change settings', async () => {
    const reader = api(await adminToken(app.strapi, await roleWith('YouTube lesen', ['plugin::youtube-sync.read'])));
    expect((await reader.get('/youtube-sync/status')).status).toBe(200);
    expect((await reader.post('/youtube-sync/resync')).status).toBe(403);
    expect((await reader.put('/youtube-sync/settings', {})).status).toBe(403);
    expect((await reader.get('/youtube-sync/connection')).status).toBe(403);
  });

  test('the permissions appear in Strapi RBAC under plugins', async () => {
    const res = await api(admin).get('/admin/permissions');
    const plugins = res.body.data.sections.plugins as { action: string }[];
    expect(plugins.map((p) => p.action)).toEqual(expect.arrayContaining(['plugin::youtube-sync.read', 'plugin::youtube-sync.sync', 'plugin::youtube-sync.settings']));
  });
});

describe('connecting the channel', () => {
  test('before connecting in the admin, the connection comes from the environment', async () => {
    const res = await api(admin).get('/youtube-sync/connection');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ connected: true, source: 'env', client: { clientId: 'emulator-client-id', source: 'env' } });
    expect(res.body.redirectUri).toBe('http://localhost:1337/youtube-sync/oauth/callback');
  });

  test('"Mit YouTube verbinden" goes through the consent page and comes back connected with the channel', async () => {
    const saved = await api(admin).put('/youtube-sync/connection/client', { clientId: 'emulator-client-id', clientSecret: 'emulator-client-secret' });
    expect(saved.status).toBe(200);
    expect(JSON.stringify(saved.body)).not.toContain('emulator-client-secret');
    await app.strapi.db.query(JOB).create({ data: { storyDocumentId: 'parkedstory1', status: 'needs_reconnect', runAt: new Date(Date.now() + 864e5).toISOString(), requestedAt: new Date().toISOString(), attempts: 3 } });

    const start = await api(admin).get('/youtube-sync/oauth/start');
    expect(start.status).toBe(200);
    const url = new URL(start.body.url);
    expect(`${url.origin}${url.pathname}`).toBe(youtube.authUrl);
    expect(url.searchParams.get('redirect_uri')).toBe('http://localhost:1337/youtube-sync/oauth/callback');
    expect(url.searchParams.get('code_challenge_method')).toBe('S256');
    expect(url.searchParams.get('access_type')).toBe('offline');

    const back = await approveOnConsentPage(start.body.url);
    expect(back.status).toBe(302);
    expect(back.headers.location).toBe('http://localhost:1337/admin/settings/youtube-sync/connection?result=connected');

    const connection = await api(admin).get('/youtube-sync/connection');
    expect(connection.body).toMatchObject({ connected: true, source: 'stored', channel: { id: 'UCzusammenMehrEmulator0', title: 'ZUSAMMEN. MEHR.' } });
    expect(connection.body.channel.thumbnail).toMatch(/^data:image\//);
    expect(await app.strapi.db.query(JOB).findOne({ where: { storyDocumentId: 'parkedstory1' } })).toMatchObject({ status: 'pending', attempts: 0 });
    await app.strapi.db.query(JOB).deleteMany({ where: { storyDocumentId: 'parkedstory1' } });
  });

  test('the refresh token is stored encrypted, never answered, and used by the sync instead of the environment', async () => {
    const credentials = await effectiveCredentials(app.strapi, pluginConfig(app.strapi));
    expect(credentials.source).toBe('stored');
    expect(credentials.refreshToken).toMatch(/^1\/\/emu_/);
    const stored = await app.strapi.db.query('strapi::core-store').findOne({ where: { key: 'plugin_youtube-sync_connection' } });
    expect(stored.value).not.toContain(credentials.refreshToken);
    expect(stored.value).not.toContain('emulator-client-secret');
    for (const url of ['/youtube-sync/connection', '/youtube-sync/status']) {
      expect(JSON.stringify((await api(admin).get(url)).body)).not.toContain(credentials.refreshToken);
    }
    const config = await effectiveConfig(app.strapi, pluginConfig(app.strapi));
    expect(config.refreshToken).toBe(credentials.refreshToken);
    const client = createYouTubeClient({ ...config, ledger: createQuotaLedger(app.strapi, () => new Date(), config) });
    expect((await client.channel())?.id).toBe('UCzusammenMehrEmulator0');
  });

  test('a state can be used once: a reloaded callback does not connect again', async () => {
    const start = await api(admin).get('/youtube-sync/oauth/start');
    const state = new URL(start.body.url).searchParams.get('state');
    const first = await approveOnConsentPage(start.body.url);
    expect(first.headers.location).toMatch(/result=connected$/);
    const again = await request(app.server).get(`/youtube-sync/oauth/callback?state=${state}&code=whatever`);
    expect(again.headers.location).toMatch(/result=state_invalid$/);
  });

  test('cancelling on the consent page comes back as access_denied and keeps the connection', async () => {
    const start = await api(admin).get('/youtube-sync/oauth/start');
    const back = await approveOnConsentPage(start.body.url, 'deny');
    expect(back.headers.location).toMatch(/result=access_denied$/);
    expect((await api(admin).get('/youtube-sync/connection')).body.source).toBe('stored');
  });

  test('while a channel is connected, signing in with an account of another channel is refused', async () => {
    const store = app.strapi.store({ type: 'plugin', name: 'youtube-sync' });
    const connection = (await store.get({ key: 'connection' })) as { channel: { id: string; title: string } };
    await store.set({ key: 'connection', value: { ...connection, channel: { ...connection.channel, id: 'UCderBuendnisKanal00000', title: 'Bündnis-Kanal' } } });
    const start = await api(admin).get('/youtube-sync/oauth/start');
    const back = await approveOnConsentPage(start.body.url);
    expect(back.headers.location).toMatch(/result=other_channel$/);
    expect((await api(admin).get('/youtube-sync/connection')).body.channel).toMatchObject({ id: 'UCderBuendnisKanal00000' });
    await store.set({ key: 'connection', value: connection });
  });

  test('new client credentials are refused while the channel is connected with the old ones', async () => {
    const res = await api(admin).put('/youtube-sync/connection/client', { clientId: 'another-client-id', clientSecret: 'another-secret' });
    expect(res.status).toBe(400);
    expect(res.body.error.message).toMatch(/zuerst die Verbindung trennen/);
  });

  test('a changed YOUTUBE_TOKEN_KEY makes the stored connection unusable with a message naming the cause', async () => {
    const credentials = await effectiveCredentials(app.strapi, { ...pluginConfig(app.strapi), tokenKey: 'ein-ganz-anderer-schluessel' });
    expect(credentials.source).toBe('stored');
    expect(credentials.refreshToken).toBeUndefined();
    expect(credentials.problem).toMatch(/encrypted with another key/);
  });

  test('"Trennen" revokes the grant at Google and forgets it; the environment connection shows again', async () => {
    const token = (await effectiveCredentials(app.strapi, pluginConfig(app.strapi))).refreshToken as string;
    const res = await api(admin).del('/youtube-sync/connection');
    expect(res.status).toBe(200);
    expect(res.body.revoked).toBe(true);
    expect(res.body.connection).toMatchObject({ source: 'env', channel: null });
    const config = pluginConfig(app.strapi);
    const revoked = createYouTubeClient({ ...config, refreshToken: token, ledger: createQuotaLedger(app.strapi, () => new Date(), config) });
    await expect(revoked.channel()).rejects.toMatchObject({ kind: 'auth' });
  });
});

describe('connecting from a script', () => {
  test('the demo can connect with a refresh token it already has; the connection page shows who connected', async () => {
    const service = app.strapi.plugin('youtube-sync').service('admin-api');
    const channel = await service.connectWithRefreshToken(
      { clientId: 'emulator-client-id', clientSecret: 'emulator-client-secret', refreshToken: 'emulator-refresh-token' },
      'npm run demo'
    );
    expect(channel.title).toBe('ZUSAMMEN. MEHR.');
    expect((await api(admin).get('/youtube-sync/connection')).body).toMatchObject({ source: 'stored', connectedBy: 'npm run demo' });
  });

  test('a refresh token Google does not accept is not stored', async () => {
    const service = app.strapi.plugin('youtube-sync').service('admin-api');
    await expect(
      service.connectWithRefreshToken({ clientId: 'emulator-client-id', clientSecret: 'emulator-client-secret', refreshToken: 'not-a-token' }, 'npm run demo')
    ).rejects.toMatchObject({ kind: 'auth' });
    expect((await effectiveCredentials(app.strapi, pluginConfig(app.strapi))).refreshToken).toBe('emulator-refresh-token');
  });
});

describe('settings the office owns', () => {
  test('defaults come from the environment, with every placeholder the description knows', async () => {
    const res = await api(admin).get('/youtube-sync/settings');
    expect(res.status).toBe(200);
    expect(res.body.settings).toMatchObject({ defaultPrivacy: 'public', takedown: 'private', playlists: { region: { enabled: true, title: 'ZUSAMMEN. MEHR. – {name}' } } });
    expect(res.body.updatedAt).toBeNull();
    const everything = DESCRIPTION_PLACEHOLDERS.map((p) => `{${p}}`).join('\n');
    expect(renderDescription(everything, SAMPLE_STORY, 'https://example.org')).not.toMatch(/\{\w+\}/);
  });

  test('a template with an unknown placeholder or a playlist title without {name} is refused', async () => {
    const { settings } = (await api(admin).get('/youtube-sync/settings')).body;
    const res = await api(admin).put('/youtube-sync/settings', {
      ...settings,
      descriptionTemplate: 'Hallo {titel}',
      playlists: { ...settings.playlists, theme: { enabled: true, title: 'Thema' } },
    });
    expect(res.status).toBe(400);
    expect(res.body.error.details.errors.map((e: { path: string[] }) => e.path.join('.'))).toEqual(['descriptionTemplate', 'playlists.theme.title']);
  });

  test('saved settings win over the environment in what the sync uses', async () => {
    const { settings } = (await api(admin).get('/youtube-sync/settings')).body;
    const res = await api(admin).put('/youtube-sync/settings', {
      ...settings,
      descriptionTemplate: '{teaser}\n\nMehr: {link}',
      defaultPrivacy: 'unlisted',
      takedown: 'delete',
      playlists: { ...settings.playlists, project: { enabled: false, title: 'Projekt {name}' } },
    });
    expect(res.status).toBe(200);
    const config = await effectiveConfig(app.strapi, pluginConfig(app.strapi));
    expect(config).toMatchObject({ descriptionTemplate: '{teaser}\n\nMehr: {link}', defaultPrivacy: 'unlisted', takedown: 'delete' });
    expect(config.playlistKinds).toEqual({ channel: true, region: true, theme: true, project: false });
    expect(config.playlistTitles.project).toBe('Projekt {name}');
    const reset = await api(admin).del('/youtube-sync/settings');
    expect(reset.body.settings.defaultPrivacy).toBe('public');
  });

  test('a sync run with the saved settings leaves out switched-off playlists and uses the saved privacy and template', async () => {
    const { settings } = (await api(admin).get('/youtube-sync/settings')).body;
    await api(admin).put('/youtube-sync/settings', {
      ...settings,
      descriptionTemplate: 'Aus der Redaktion: {title}',
      defaultPrivacy: 'unlisted',
      playlists: { ...settings.playlists, theme: { ...settings.playlists.theme, enabled: false } },
    });
    const video = await addVideoFile(app.strapi, 'einstellungen');
    const documentId = await createStory(app.strapi, { title: 'Mit gespeicherten Einstellungen', region: 'emden', themes: ['sport'], data: { video: video.id } });
    // What the worker does once per drain when it reads the effective configuration (see the report to the lead).
    await createSyncRunner(app.strapi, await effectiveConfig(app.strapi, pluginConfig(app.strapi)), clock).drain();
    const uploaded = youtube.videos().find((v) => v.snippet.tags?.includes(`zm-${documentId}`));
    expect(uploaded).toMatchObject({ snippet: { description: 'Aus der Redaktion: Mit gespeicherten Einstellungen' }, status: { privacyStatus: 'unlisted' } });
    const titles = youtube.playlistItems().filter((i) => i.videoId === uploaded?.id).map((i) => youtube.playlists().find((p) => p.id === i.playlistId)?.snippet.title);
    expect(titles.sort()).toEqual(['ZUSAMMEN. MEHR. – Alle Geschichten', 'ZUSAMMEN. MEHR. – Emden']);
    await api(admin).del('/youtube-sync/settings');
    await app.strapi.documents('api::story.story').delete({ documentId });
    await drain();
  });

  test('the live preview renders a template that is not saved yet, for a chosen story or the sample', async () => {
    const sample = await api(admin).post('/youtube-sync/settings/preview', { template: '{title} – {region}' });
    expect(sample.body).toMatchObject({ story: null, description: 'Amal lernt Pflege in Göttingen – Göttingen' });
    const documentId = await createStory(app.strapi, { title: 'Vorschau in Emden', region: 'emden', themes: ['sprache'] });
    const chosen = await api(admin).post('/youtube-sync/settings/preview', { template: '{title} – {region}', documentId });
    expect(chosen.body).toMatchObject({ story: { documentId, title: 'Vorschau in Emden' }, description: 'Vorschau in Emden – Emden' });
    const sampleChosen = await api(admin).post('/youtube-sync/settings/preview', { template: '{title}', sample: true });
    expect(sampleChosen.body).toMatchObject({ story: null, description: 'Amal lernt Pflege in Göttingen', truncated: false });
    const stories = await api(admin).get('/youtube-sync/settings/preview-stories');
    expect(stories.body.stories.map((s: { title: string }) => s.title)).toContain('Vorschau in Emden');
  });
});

describe('dashboard, side panel and fixing failures', () => {
  let documentId: string;
  let videoPath: string;
  let videoBytes: Buffer;

  test('a story whose video file is missing fails with a reason an editor can act on', async () => {
    const video = await addVideoFile(app.strapi, 'fehlt');
    videoPath = path.join(app.strapi.dirs.static.public, video.url);
    videoBytes = fs.readFileSync(videoPath);
    fs.rmSync(videoPath);
    documentId = await createStory(app.strapi, { title: 'Das Video fehlt', region: 'goettingen', themes: ['sprache'], data: { video: video.id } });
    await drain();
    const queue = await api(admin).get('/youtube-sync/queue');
    expect(queue.body.failuresTotal).toBe(1);
    expect(queue.body.failures[0]).toMatchObject({ storyDocumentId: documentId, storyTitle: 'Das Video fehlt', status: 'failed', error: { reason: 'video_file_missing' } });
    const panel = await api(admin).get(`/youtube-sync/stories/${documentId}`);
    expect(panel.body).toMatchObject({ status: 'failed', published: true, video: null, error: { reason: 'video_file_missing' } });
    const status = await api(admin).get('/youtube-sync/status');
    expect(status.body.jobs.failed).toBe(1);
    expect(status.body.quota).toMatchObject({ budget: 10000 });
    expect(new Date(status.body.quota.resetsAt).getTime()).toBeGreaterThan(Date.now());
  });

  test('"Erneut versuchen" after the file is back brings the story to YouTube; the side panel links the video', async () => {
    fs.writeFileSync(videoPath, videoBytes);
    const retried = await api(admin).post(`/youtube-sync/stories/${documentId}/retry`);
    expect(retried.body.status).toBe('pending');
    await drain();
    const panel = await api(admin).get(`/youtube-sync/stories/${documentId}`);
    expect(panel.body).toMatchObject({ status: 'synced', error: null });
    expect(panel.body.video.url).toBe(`${youtube.url}/?v=${panel.body.video.id}`);
    expect(panel.body.playlists.map((p: { title: string }) => p.title)).toEqual([
      'ZUSAMMEN. MEHR. – Alle Geschichten',
      'ZUSAMMEN. MEHR. – Göttingen',
      'ZUSAMMEN. MEHR. – Thema: Sprache',
    ]);
    expect(panel.body.lastSyncedAt).toBeTruthy();
  });

  test('"Alle fehlgeschlagenen erneut versuchen" queues every failed job at once', async () => {
    await app.strapi.db.query(JOB).updateMany({ where: { storyDocumentId: documentId }, data: { status: 'failed', lastError: 'HTTP 500 backendError: Backend Error', errorKind: 'retryable' } });
    const res = await api(admin).post('/youtube-sync/retry-failed');
    expect(res.body).toEqual({ count: 1 });
    expect(await app.strapi.db.query(JOB).findOne({ where: { storyDocumentId: documentId } })).toMatchObject({ status: 'pending', lastError: null });
    await drain();
  });

  test('the list view badges come in one request for a page of stories', async () => {
    const draft = await createStory(app.strapi, { title: 'Noch ein Entwurf', publish: false });
    const res = await api(admin).get(`/youtube-sync/stories?ids=${documentId},${draft}`);
    expect(res.body.statuses).toEqual({ [documentId]: 'synced', [draft]: 'not_synced' });
    expect((await api(admin).get('/youtube-sync/stories?ids=a;drop')).status).toBe(400);
  });

  test('"Sync now" queues the story; the status shows work in progress until the worker ran', async () => {
    const res = await api(admin).post(`/youtube-sync/stories/${documentId}/sync`);
    expect(res.body.status).toBe('pending');
    expect((await api(admin).get('/youtube-sync/status')).body.working).toBe(true);
    await drain();
    expect((await api(admin).get('/youtube-sync/status')).body.working).toBe(false);
    expect((await api(admin).post('/youtube-sync/stories/doesnotexist1/sync')).status).toBe(404);
  });

  test('"Alles neu synchronisieren" queues every published story and reports progress until done', async () => {
    const published = (await api(admin).get('/youtube-sync/status')).body.stories.published;
    const started = await api(admin).post('/youtube-sync/resync');
    expect(started.status).toBe(202);
    expect(started.body).toMatchObject({ total: published, done: 0, finished: false });
    await drain();
    const status = (await api(admin).get('/youtube-sync/status')).body;
    expect(status.resync).toMatchObject({ total: published, done: published, finished: true });
  });

  test('the playlists list their video counts, an emptied one with none', async () => {
    const res = await api(admin).get('/youtube-sync/playlists');
    const byTitle = Object.fromEntries(res.body.playlists.map((p: { title: string; videos: number }) => [p.title, p.videos]));
    expect(byTitle).toEqual({
      'ZUSAMMEN. MEHR. – Alle Geschichten': 1,
      'ZUSAMMEN. MEHR. – Göttingen': 1,
      'ZUSAMMEN. MEHR. – Thema: Sprache': 1,
      'ZUSAMMEN. MEHR. – Emden': 0,
    });
    expect(res.body.playlists[0].kind).toBe('channel');
  });
});
