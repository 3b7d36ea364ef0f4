// Google OAuth 2.0 stand-in: token endpoint (refresh_token and authorization_code grants),
// a German consent page, revocation and tokeninfo. Shapes follow accounts.google.com /
// oauth2.googleapis.com so google-auth-library works unchanged.
import { createHash } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { EmulatorContext } from './context';
import { escapeHtml, parseContentType, readBody, sendHtml, sendJson } from './http';
import { FULL_SCOPE, randomId, type AccessTokenRecord, type AuthCodeRecord } from './store';

const NO_STORE = { 'Cache-Control': 'no-cache, no-store, max-age=0, must-revalidate', Pragma: 'no-cache' };
const CODE_TTL_MS = 10 * 60 * 1000;

type Form = Record<string, string>;

async function readForm(req: IncomingMessage): Promise<Form> {
  const body = (await readBody(req, 1024 * 1024)).toString('utf8');
  const ct = parseContentType(req.headers['content-type']);
  if (ct.type === 'application/json') {
    try {
      const parsed = JSON.parse(body) as unknown;
      const out: Form = {};
      if (parsed && typeof parsed === 'object') {
        for (const [k, v] of Object.entries(parsed as Record<string, unknown>)) if (typeof v === 'string') out[k] = v;
      }
      return out;
    } catch {
      return {};
    }
  }
  return Object.fromEntries(new URLSearchParams(body));
}

function tokenError(res: ServerResponse, status: number, error: string, description: string): number {
  sendJson(res, status, { error, error_description: description }, NO_STORE);
  return status;
}

export function issueAccessToken(ctx: EmulatorContext, clientId: string, scope: string, refreshToken: string | null): AccessTokenRecord {
  const token: AccessTokenRecord = {
    token: `ya29.emu_${randomId(48)}`,
    clientId,
    scope,
    expiresAt: ctx.now().getTime() + ctx.options.accessTokenTtlSeconds * 1000,
    refreshToken,
    revoked: false,
  };
  ctx.store.accessTokens.set(token.token, token);
  // Expired tokens are of no use to anyone; drop them so a long demo does not grow forever.
  const now = ctx.now().getTime();
  for (const [k, t] of ctx.store.accessTokens) if (t.expiresAt < now - 24 * 3600 * 1000) ctx.store.accessTokens.delete(k);
  ctx.changed();
  return token;
}

/** Client credentials from HTTP Basic or the form body, as Google accepts both. */
function clientCredentials(req: IncomingMessage, form: Form): { id?: string; secret?: string } {
  const auth = req.headers.authorization;
  if (auth?.startsWith('Basic ')) {
    const decoded = Buffer.from(auth.slice(6), 'base64').toString('utf8');
    const colon = decoded.indexOf(':');
    if (colon >= 0) {
      return { id: decodeURIComponent(decoded.slice(0, colon)), secret: decodeURIComponent(decoded.slice(colon + 1)) };
    }
  }
  return { id: form.client_id, secret: form.client_secret };
}

/** POST /token. Returns the HTTP status it answered, for the call log. */
export async function handleToken(ctx: EmulatorContext, req: IncomingMessage, res: ServerResponse): Promise<number> {
  const form = await readForm(req);
  const creds = clientCredentials(req, form);
  const client = ctx.options.clients.find((c) => c.clientId === creds.id);
  if (!client) return tokenError(res, 401, 'invalid_client', 'The OAuth client was not found.');
  if (client.clientSecret !== creds.secret) return tokenError(res, 401, 'invalid_client', 'Unauthorized');

  const grant = form.grant_type;
  if (grant === 'refresh_token') {
    const value = form.refresh_token;
    if (!value) return tokenError(res, 400, 'invalid_request', 'Missing required parameter: refresh_token');
    const rt = ctx.store.refreshTokens.get(value);
    if (!rt || rt.revoked) return tokenError(res, 400, 'invalid_grant', 'Token has been expired or revoked.');
    if (rt.clientId !== null && rt.clientId !== client.clientId) return tokenError(res, 401, 'unauthorized_client', 'Unauthorized');
    const at = issueAccessToken(ctx, client.clientId, rt.scope, rt.token);
    sendJson(res, 200, { access_token: at.token, expires_in: ctx.options.accessTokenTtlSeconds, scope: rt.scope, token_type: 'Bearer' }, NO_STORE);
    return 200;
  }

  if (grant === 'authorization_code') {
    const code = form.code ? ctx.store.authCodes.get(form.code) : undefined;
    if (!form.code) return tokenError(res, 400, 'invalid_request', 'Missing required parameter: code');
    if (!code || code.used || code.expiresAt < ctx.now().getTime()) return tokenError(res, 400, 'invalid_grant', 'Malformed auth code.');
    if (code.clientId !== client.clientId) return tokenError(res, 400, 'invalid_grant', 'Unauthorized');
    if (form.redirect_uri !== code.redirectUri) return tokenError(res, 400, 'redirect_uri_mismatch', 'Bad Request');
    if (code.codeChallenge) {
      const verifier = form.code_verifier ?? '';
      const computed =
        code.codeChallengeMethod === 'S256' ? createHash('sha256').update(verifier).digest('base64url') : verifier;
      if (computed !== code.codeChallenge) return tokenError(res, 400, 'invalid_grant', 'Invalid code verifier.');
    }
    code.used = true;
    let refreshToken: string | null = null;
    if (code.offline) {
      refreshToken = `1//emu_${randomId(60)}`;
      ctx.store.refreshTokens.set(refreshToken, { token: refreshToken, clientId: client.clientId, scope: code.scope, revoked: false });
    }
    const at = issueAccessToken(ctx, client.clientId, code.scope, refreshToken);
    const body: Record<string, unknown> = {
      access_token: at.token,
      expires_in: ctx.options.accessTokenTtlSeconds,
      scope: code.scope,
      token_type: 'Bearer',
    };
    if (refreshToken) body.refresh_token = refreshToken;
    sendJson(res, 200, body, NO_STORE);
    return 200;
  }

  return tokenError(res, 400, 'unsupported_grant_type', `Invalid grant_type: ${grant ?? ''}`);
}

/** Revoking either token ends the whole grant, as Google does. */
export function revokeToken(ctx: EmulatorContext, value: string): boolean {
  const rt = ctx.store.refreshTokens.get(value);
  const at = ctx.store.accessTokens.get(value);
  const refresh = rt?.token ?? at?.refreshToken ?? null;
  if (!rt && !at) return false;
  if (at) at.revoked = true;
  if (refresh) {
    const record = ctx.store.refreshTokens.get(refresh);
    if (record) record.revoked = true;
    for (const t of ctx.store.accessTokens.values()) if (t.refreshToken === refresh) t.revoked = true;
  }
  ctx.changed();
  return true;
}

export async function handleRevoke(ctx: EmulatorContext, req: IncomingMessage, res: ServerResponse, url: URL): Promise<number> {
  const form = req.method === 'POST' ? await readForm(req) : {};
  const value = url.searchParams.get('token') ?? form.token;
  if (!value || !revokeToken(ctx, value)) return tokenError(res, 400, 'invalid_token', 'Token expired or revoked');
  sendJson(res, 200, {}, NO_STORE);
  return 200;
}

export function handleTokenInfo(ctx: EmulatorContext, res: ServerResponse, url: URL): number {
  const value = url.searchParams.get('access_token') ?? '';
  const at = ctx.store.accessTokens.get(value);
  const now = ctx.now().getTime();
  if (!at || at.revoked || at.expiresAt <= now) {
    sendJson(res, 400, { error: 'invalid_token', error_description: 'Invalid Value' });
    return 400;
  }
  const expiresIn = Math.floor((at.expiresAt - now) / 1000);
  sendJson(res, 200, {
    azp: at.clientId,
    aud: at.clientId,
    scope: at.scope,
    exp: String(Math.floor(at.expiresAt / 1000)),
    expires_in: String(expiresIn),
    access_type: at.refreshToken ? 'offline' : 'online',
  });
  return 200;
}

const PAGE_CSS = `
  body { font-family: system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; background: #f1f3f4; margin: 0; color: #202124; }
  main { max-width: 460px; margin: 48px auto; background: #fff; border: 1px solid #dadce0; border-radius: 8px; padding: 36px 40px; }
  h1 { font-size: 22px; font-weight: 400; margin: 0 0 8px; }
  .badge { display: inline-block; font-size: 12px; background: #fef7e0; color: #8a6d00; border-radius: 4px; padding: 2px 6px; margin-bottom: 16px; }
  ul { padding-left: 20px; } li { margin: 6px 0; }
  .actions { display: flex; justify-content: flex-end; gap: 12px; margin-top: 28px; }
  button { font-size: 14px; border-radius: 4px; padding: 9px 22px; cursor: pointer; border: 1px solid #dadce0; background: #fff; color: #1a73e8; }
  button.primary { background: #1a73e8; color: #fff; border-color: #1a73e8; }
  small { color: #5f6368; }
`;

const SCOPE_TEXT: Record<string, string> = {
  'https://www.googleapis.com/auth/youtube': 'Ihr YouTube-Konto verwalten',
  'https://www.googleapis.com/auth/youtube.upload': 'Ihre YouTube-Videos verwalten (hochladen)',
  'https://www.googleapis.com/auth/youtube.force-ssl': 'Ihre YouTube-Videos, Bewertungen, Kommentare und Untertitel ansehen, bearbeiten und endgültig löschen',
  'https://www.googleapis.com/auth/youtube.readonly': 'Ihr YouTube-Konto ansehen',
};

function errorPage(res: ServerResponse, status: number, error: string, detail: string): number {
  sendHtml(
    res,
    status,
    `<!doctype html><html lang="de"><head><meta charset="utf-8"><title>Fehler ${status}: ${escapeHtml(error)}</title><style>${PAGE_CSS}</style></head>` +
      `<body><main><h1>Zugriff blockiert: Autorisierungsfehler</h1><p>Fehler ${status}: ${escapeHtml(error)}</p><p><small>${escapeHtml(detail)}</small></p></main></body></html>`,
  );
  return status;
}

/** GET /o/oauth2/v2/auth — the consent screen stand-in. */
export function handleAuthPage(ctx: EmulatorContext, res: ServerResponse, url: URL): number {
  const q = url.searchParams;
  const clientId = q.get('client_id') ?? '';
  if (!ctx.options.clients.some((c) => c.clientId === clientId)) {
    return errorPage(res, 401, 'invalid_client', 'The OAuth client was not found.');
  }
  const redirectUri = q.get('redirect_uri');
  if (!redirectUri) return errorPage(res, 400, 'redirect_uri_mismatch', 'Missing required parameter: redirect_uri');
  if ((q.get('response_type') ?? 'code') !== 'code') {
    return errorPage(res, 400, 'unsupported_response_type', `Invalid response_type: ${q.get('response_type') ?? ''}`);
  }
  const scope = q.get('scope') ?? '';
  const hidden = ['client_id', 'redirect_uri', 'scope', 'state', 'access_type', 'code_challenge', 'code_challenge_method', 'prompt']
    .map((k) => `<input type="hidden" name="${k}" value="${escapeHtml(q.get(k) ?? '')}">`)
    .join('');
  const scopes = scope
    .split(/\s+/)
    .filter((s) => s.length > 0)
    .map((s) => `<li>${escapeHtml(SCOPE_TEXT[s] ?? s)}</li>`)
    .join('');
  const html = `<!doctype html><html lang="de"><head><meta charset="utf-8"><title>Anmelden – Google-Konten (Emulator)</title><style>${PAGE_CSS}</style></head>
<body><main>
<span class="badge">Lokaler Emulator – keine Verbindung zu Google</span>
<h1>ZUSAMMEN. MEHR. (Emulator) möchte auf Ihr YouTube-Konto zugreifen</h1>
<p>Kanal: <strong>${escapeHtml(ctx.store.channel.title)}</strong></p>
<p>Dadurch erhält die App folgende Berechtigungen:</p>
<ul>${scopes}</ul>
<form method="post" action="/o/oauth2/v2/auth/approve">${hidden}
<div class="actions"><button type="submit" name="decision" value="deny">Abbrechen</button>
<button class="primary" type="submit" name="decision" value="allow">Zulassen</button></div>
</form>
</main></body></html>`;
  sendHtml(res, 200, html);
  return 200;
}

/** POST /o/oauth2/v2/auth/approve — the consent button: redirect back with a code. */
export async function handleApprove(ctx: EmulatorContext, req: IncomingMessage, res: ServerResponse, url: URL): Promise<number> {
  const form = req.method === 'POST' ? await readForm(req) : Object.fromEntries(url.searchParams);
  const clientId = form.client_id ?? '';
  const redirectUri = form.redirect_uri ?? '';
  if (!ctx.options.clients.some((c) => c.clientId === clientId)) return errorPage(res, 401, 'invalid_client', 'The OAuth client was not found.');
  if (!redirectUri) return errorPage(res, 400, 'redirect_uri_mismatch', 'Missing required parameter: redirect_uri');
  const target = new URL(redirectUri);
  if (form.decision === 'deny') {
    target.searchParams.set('error', 'access_denied');
  } else {
    const code = `4/0emu_${randomId(40)}`;
    const scope = form.scope && form.scope.trim().length > 0 ? form.scope.trim() : FULL_SCOPE;
    const record: AuthCodeRecord = {
      code,
      clientId,
      redirectUri,
      scope,
      offline: form.access_type === 'offline',
      expiresAt: ctx.now().getTime() + CODE_TTL_MS,
      used: false,
    };
    if (form.code_challenge) {
      record.codeChallenge = form.code_challenge;
      record.codeChallengeMethod = form.code_challenge_method || 'plain';
    }
    ctx.store.authCodes.set(code, record);
    target.searchParams.set('code', code);
    target.searchParams.set('scope', scope);
  }
  if (form.state) target.searchParams.set('state', form.state);
  res.writeHead(302, { Location: target.toString(), 'Content-Length': '0' });
  res.end();
  return 302;
}
