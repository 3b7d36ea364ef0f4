import { auth as googleAuth } from 'googleapis/build/src/apis/youtube';
import { CLIENT_ID, CLIENT_SECRET, REFRESH_TOKEN, accessToken, failure, harness, oauthClient, transport, youtubeClient, type Harness } from './helpers';

describe('youtube emulator: OAuth2', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await harness();
  });
  afterEach(async () => {
    await h.emu.close();
  });

  it('refreshes an access token through the googleapis OAuth2 client', async () => {
    const token = await accessToken(h.auth);
    expect(token).toMatch(/^ya29\./);
    expect(h.auth.credentials.expiry_date).toBeGreaterThan(Date.now() + 3500 * 1000);
    const call = h.emu.calls().find((c) => c.endpoint === 'oauth2.token');
    expect(call).toMatchObject({ method: 'POST', status: 200, units: 0 });
  });

  it('answers the token endpoint with Google\'s shape (body and HTTP Basic credentials)', async () => {
    const body = new URLSearchParams({ grant_type: 'refresh_token', refresh_token: REFRESH_TOKEN, client_id: CLIENT_ID, client_secret: CLIENT_SECRET });
    const res = await fetch(h.emu.tokenUrl, { method: 'POST', headers: { 'Content-Type': 'application/x-www-form-urlencoded' }, body });
    expect(res.status).toBe(200);
    const json = (await res.json()) as Record<string, unknown>;
    expect(json).toMatchObject({ expires_in: 3600, token_type: 'Bearer' });
    expect(typeof json.access_token).toBe('string');
    expect(String(json.scope)).toContain('https://www.googleapis.com/auth/youtube');

    const basic = Buffer.from(`${CLIENT_ID}:${CLIENT_SECRET}`).toString('base64');
    const res2 = await fetch(h.emu.tokenUrl, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', Authorization: `Basic ${basic}` },
      body: new URLSearchParams({ grant_type: 'refresh_token', refresh_token: REFRESH_TOKEN }),
    });
    expect(res2.status).toBe(200);
  });

  it('rejects an unknown client with 401 invalid_client', async () => {
    const res = await fetch(h.emu.tokenUrl, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ grant_type: 'refresh_token', refresh_token: REFRESH_TOKEN, client_id: 'nope', client_secret: 'x' }),
    });
    expect(res.status).toBe(401);
    expect(await res.json()).toMatchObject({ error: 'invalid_client' });
  });

  it('answers invalid_grant once the refresh token is revoked, and access tokens die with it', async () => {
    const token = await accessToken(h.auth);
    await h.yt.channels.list({ part: ['id'], mine: true });
    h.emu.revokeRefreshToken(REFRESH_TOKEN);

    const fresh = oauthClient(h.emu);
    const err = await failure(fresh.getAccessToken());
    expect(err.status).toBe(400);
    expect(err.body).toEqual({ error: 'invalid_grant', error_description: 'Token has been expired or revoked.' });

    const res = await fetch(`${h.emu.url}/youtube/v3/channels?part=id&mine=true`, { headers: { Authorization: `Bearer ${token}` } });
    expect(res.status).toBe(401);
  });

  it('revokes through POST /revoke and lets a test add a new refresh token', async () => {
    const token = await accessToken(h.auth);
    const res = await fetch(`${h.emu.revokeUrl}?token=${encodeURIComponent(token)}`, { method: 'POST' });
    expect(res.status).toBe(200);
    // Revoking the access token ends the grant, refresh token included.
    expect((await failure(oauthClient(h.emu).getAccessToken())).status).toBe(400);

    h.emu.addRefreshToken('second-token');
    expect(await accessToken(oauthClient(h.emu, 'second-token'))).toMatch(/^ya29\./);
  });

  it('requires a Bearer token on every API call: 401 authError envelope', async () => {
    const res = await fetch(`${h.emu.url}/youtube/v3/videos?part=snippet&id=abc`);
    expect(res.status).toBe(401);
    const body = (await res.json()) as { error: { code: number; errors: Array<Record<string, string>> } };
    expect(body.error.code).toBe(401);
    expect(body.error.errors[0]).toMatchObject({ message: 'Invalid Credentials', domain: 'global', reason: 'authError', location: 'Authorization', locationType: 'header' });
    expect(h.emu.calls().pop()).toMatchObject({ endpoint: 'videos.list', status: 401, units: 0 });
  });

  it('expires access tokens by the injected clock', async () => {
    let now = Date.parse('2026-03-01T12:00:00Z');
    h.emu.setNow(() => new Date(now));
    const token = await accessToken(h.auth);
    const ok = await fetch(`${h.emu.url}/youtube/v3/channels?part=id&mine=true`, { headers: { Authorization: `Bearer ${token}` } });
    expect(ok.status).toBe(200);
    now += 3601 * 1000;
    const expired = await fetch(`${h.emu.url}/youtube/v3/channels?part=id&mine=true`, { headers: { Authorization: `Bearer ${token}` } });
    expect(expired.status).toBe(401);
  });

  it('runs the authorization-code flow through the German consent page', async () => {
    const redirectUri = 'http://localhost:1337/api/youtube/oauth/callback';
    const client = new googleAuth.OAuth2({ clientId: CLIENT_ID, clientSecret: CLIENT_SECRET, redirectUri, endpoints: { oauth2TokenUrl: h.emu.tokenUrl, oauth2AuthBaseUrl: h.emu.authUrl }, transporterOptions: transport });
    const authUrl = client.generateAuthUrl({ access_type: 'offline', prompt: 'consent', scope: ['https://www.googleapis.com/auth/youtube.upload', 'https://www.googleapis.com/auth/youtube'], state: 'xyz' });
    expect(authUrl.startsWith(h.emu.authUrl)).toBe(true);

    const page = await fetch(authUrl);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('ZUSAMMEN. MEHR. (Emulator) möchte auf Ihr YouTube-Konto zugreifen');
    expect(html).toContain('Zulassen');

    // Submit the form the way the browser would when "Zulassen" is pressed.
    const fields = Object.fromEntries([...html.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)">/g)].map((m) => [m[1], (m[2] ?? '').replace(/&#(\d+);/g, (_s, n: string) => String.fromCharCode(Number(n)))]));
    const approve = await fetch(`${h.emu.url}/o/oauth2/v2/auth/approve`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ ...fields, decision: 'allow' }),
      redirect: 'manual',
    });
    expect(approve.status).toBe(302);
    const location = new URL(approve.headers.get('location') ?? '');
    expect(location.origin + location.pathname).toBe(redirectUri);
    expect(location.searchParams.get('state')).toBe('xyz');
    const code = location.searchParams.get('code') ?? '';

    const { tokens } = await client.getToken(code);
    expect(tokens.refresh_token).toBeTruthy();
    expect(tokens.access_token).toMatch(/^ya29\./);
    // A code works once.
    expect((await failure(client.getToken(code))).status).toBe(400);

    // The new refresh token works like any other.
    expect(await accessToken(oauthClient(h.emu, tokens.refresh_token ?? ''))).toMatch(/^ya29\./);
  });

  it('enforces scopes: an upload-only token cannot create playlists, a youtube token cannot touch captions', async () => {
    h.emu.addRefreshToken('upload-only', 'https://www.googleapis.com/auth/youtube.upload');
    const yt = youtubeClient(h.emu, oauthClient(h.emu, 'upload-only'));
    const err = await failure(yt.playlists.insert({ part: ['snippet'], requestBody: { snippet: { title: 'x' } } }));
    expect(err).toMatchObject({ status: 403, reason: 'insufficientPermissions' });

    h.emu.addRefreshToken('youtube-only', 'https://www.googleapis.com/auth/youtube');
    const yt2 = youtubeClient(h.emu, oauthClient(h.emu, 'youtube-only'));
    expect((await failure(yt2.captions.list({ part: ['snippet'], videoId: 'x' }))).reason).toBe('insufficientPermissions');
  });
});
