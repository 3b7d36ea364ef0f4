import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startEmulator } from '../../../src/youtube-emulator';
import { fakePng, failure, harness, oauthClient, uploadVideo, type Harness } from './helpers';
import { Readable } from 'node:stream';

async function json(res: Response): Promise<Record<string, unknown>> {
  return (await res.json()) as Record<string, unknown>;
}

function post(url: string, body: unknown): Promise<Response> {
  return fetch(url, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
}

describe('youtube emulator: HTTP control API', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await harness();
  });
  afterEach(async () => {
    await h.emu.close();
  });

  it('exposes state and calls, and steers faults, clock, revocation, drift and reset', async () => {
    const v = await uploadVideo(h, 'Gesteuert', 5000);
    const base = `${h.emu.url}/__emulator`;

    const state = await json(await fetch(`${base}/state`));
    expect((state.videos as Array<{ id: string; media: { size: number } }>)[0]).toMatchObject({ id: v.id, media: { size: 5000 } });
    expect(state.quota).toMatchObject({ uploadsUsed: 1 });
    const calls = (await json(await fetch(`${base}/calls`))).calls as Array<{ endpoint: string }>;
    expect(calls.map((c) => c.endpoint)).toContain('videos.insert');

    expect((await post(`${base}/faults`, { errorRate: 1, seed: 7 })).status).toBe(200);
    expect([500, 503]).toContain((await failure(h.yt.videos.list({ part: ['id'], id: [v.id ?? ''] }))).status);
    expect((await fetch(`${base}/faults`, { method: 'DELETE' })).status).toBe(200);
    await h.yt.videos.list({ part: ['id'], id: [v.id ?? ''] });

    const clock = await json(await post(`${base}/clock`, { now: '2027-01-01T12:00:00Z', frozen: true }));
    expect(clock.now).toBe('2027-01-01T12:00:00.000Z');
    expect(h.emu.quota()).toMatchObject({ day: '2027-01-01', unitsUsed: 0 });
    await post(`${base}/clock`, { offsetMs: 24 * 3600 * 1000 });
    expect(h.emu.quota().day).toBe('2027-01-02');
    await post(`${base}/clock`, { reset: true });

    await post(`${base}/videos/${v.id}/stats`, { viewCount: 1234, likeCount: '5' });
    const listed = await h.yt.videos.list({ part: ['statistics'], id: [v.id ?? ''] });
    expect(listed.data.items?.[0]?.statistics).toMatchObject({ viewCount: '1234', likeCount: '5', commentCount: '0' });
    expect(await json(await fetch(`${base}/videos/${v.id}`, { method: 'DELETE' }))).toEqual({ deleted: true });
    expect(h.emu.videos()).toHaveLength(0);

    expect(await json(await post(`${base}/revoke`, { refreshToken: 'emulator-refresh-token' }))).toEqual({ revoked: true });
    expect((await failure(oauthClient(h.emu).getAccessToken())).body).toMatchObject({ error: 'invalid_grant' });

    expect((await post(`${base}/reset`, {})).status).toBe(200);
    expect(h.emu.calls()).toEqual([]);
    expect(h.emu.quota().uploadsUsed).toBe(0);
    // Reset restores the initial refresh token too.
    expect((await oauthClient(h.emu).getAccessToken()).token).toBeTruthy();
  });

  it('renders the channel page with titles, privacy badges, thumbnails and playlists', async () => {
    const a = await uploadVideo(h, 'Yasmin & das Ehrenamt Teil 1', 100, 'public');
    await uploadVideo(h, 'Privates Interview', 100, 'private');
    await h.yt.thumbnails.set({ videoId: a.id ?? '', media: { mimeType: 'image/png', body: Readable.from([fakePng()]) } }, h.media);
    const pl = await h.yt.playlists.insert({ part: ['snippet'], requestBody: { snippet: { title: 'Göttingen erzählt' } } });
    await h.yt.playlistItems.insert({ part: ['snippet'], requestBody: { snippet: { playlistId: pl.data.id, resourceId: { kind: 'youtube#video', videoId: a.id } } } });

    const res = await fetch(`${h.emu.url}/`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/html');
    const html = await res.text();
    expect(html).toContain('ZUSAMMEN. MEHR.');
    expect(html).toContain('Yasmin &#38; das Ehrenamt Teil 1');
    expect(html).toContain('Privates Interview');
    expect(html).toContain('Öffentlich');
    expect(html).toContain('Privat');
    expect(html).toContain('Göttingen erzählt');
    expect(html).toContain(`/__emulator/thumbnails/${a.id}`);
    expect(html).toContain('lokale YouTube-Emulator');
    expect(html).not.toMatch(/https?:\/\/(?!www\.w3\.org)/);
  });
});

describe('youtube emulator: state file and CLI', () => {
  it('keeps videos, playlists and tokens across a restart with stateFile', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'yt-emu-'));
    const stateFile = join(dir, 'state.json');
    try {
      const h1 = await harness({ stateFile });
      const v = await uploadVideo(h1, 'Überlebt den Neustart', 777);
      await h1.yt.playlists.insert({ part: ['snippet'], requestBody: { snippet: { title: 'Bleibt' } } });
      await h1.yt.thumbnails.set({ videoId: v.id ?? '', media: { mimeType: 'image/png', body: Readable.from([fakePng()]) } }, h1.media);
      const token = (await h1.auth.getAccessToken()).token ?? '';
      await h1.emu.close();
      expect(existsSync(stateFile)).toBe(true);

      const emu2 = await startEmulator({ stateFile });
      try {
        expect(emu2.videos().map((x) => [x.id, x.media.size])).toEqual([[v.id, 777]]);
        expect(emu2.playlists().map((p) => p.snippet.title)).toEqual(['Bleibt']);
        expect(emu2.thumbnails()).toHaveLength(1);
        expect(emu2.quota().uploadsUsed).toBe(1);
        const res = await fetch(`${emu2.url}/youtube/v3/videos?part=id&id=${v.id}`, { headers: { Authorization: `Bearer ${token}` } });
        expect(res.status).toBe(200);
      } finally {
        await emu2.close();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('cli.ts starts on the configured port, prints the URLs and stops on SIGTERM', async () => {
    // As `npm run youtube:emulator` starts it: TypeScript through tsx's loader in the same process. tsx's own CLI
    // relays signals to a child and, when that child does not answer within 30 ms (a busy machine), kills it and
    // exits with 143: the emulator's state file would not be written.
    const child = spawn(process.execPath, ['--import', 'tsx', join(__dirname, '../../../src/youtube-emulator/cli.ts')], {
      env: { ...process.env, YOUTUBE_EMULATOR_PORT: '0', YOUTUBE_EMULATOR_QUOTA_MODEL: 'legacy' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    child.stderr.on('data', (d: Buffer) => {
      out += d.toString();
    });
    const apiRoot = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`CLI did not start: ${out}`)), 15_000);
      child.stdout.on('data', (d: Buffer) => {
        out += d.toString();
        const m = /API root \(googleapis rootUrl\): (\S+)/.exec(out);
        if (m && out.includes('Kanalseite')) {
          clearTimeout(timer);
          resolve(m[1] as string);
        }
      });
    });
    expect(out).toContain('/token');
    expect(out).toContain('/o/oauth2/v2/auth');
    const page = await fetch(apiRoot);
    expect(page.status).toBe(200);
    const quota = await json(await fetch(`${apiRoot}__emulator/quota`));
    expect(quota.model).toBe('legacy');
    const exit = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    child.kill('SIGTERM');
    expect(await exit).toBe(0);
  }, 30_000);
});
