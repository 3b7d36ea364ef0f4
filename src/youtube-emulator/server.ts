// Request dispatch. Every YouTube call goes through the same pipeline, in Google's order:
// auth → (injected faults) → quota → handler → settle quota → log.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { setTimeout as delay } from 'node:timers/promises';
import * as captions from './captions';
import { renderChannelPage } from './channel-page';
import { listChannels } from './channels';
import type { ApiRequest, EmulatorContext, Handler, Outcome } from './context';
import { handleControl, type Controller } from './control';
import { ApiError, errors } from './errors';
import { Query, requestBaseUrl, sendApiError, sendEmpty, sendHtml, sendJson } from './http';
import { handleApprove, handleAuthPage, handleRevoke, handleToken, handleTokenInfo } from './oauth';
import * as items from './playlist-items';
import * as playlists from './playlists';
import type { Reservation } from './quota';
import type { AccessTokenRecord } from './store';
import { setThumbnail } from './thumbnails';
import { insertVideo, uploadChunk } from './uploads';
import * as videos from './videos';

/** Which OAuth scopes allow a call (from each method's "Authorization" section). */
type ScopeClass = 'read' | 'write' | 'upload' | 'captions' | 'none';

const SCOPES: Record<Exclude<ScopeClass, 'none'>, string[]> = {
  read: ['youtube', 'youtube.readonly', 'youtube.force-ssl', 'youtubepartner', 'youtube.upload'],
  write: ['youtube', 'youtube.force-ssl', 'youtubepartner'],
  upload: ['youtube', 'youtube.upload', 'youtube.force-ssl', 'youtubepartner'],
  captions: ['youtube.force-ssl', 'youtubepartner'],
};

interface Route {
  endpoint: string;
  handler: Handler;
  scope: ScopeClass;
}

function route(endpoint: string, handler: Handler, scope: ScopeClass): Route {
  return { endpoint, handler, scope };
}

export function resolveApiRoute(method: string, path: string, query: URLSearchParams): Route | null {
  const m = /^\/(upload\/)?youtube\/v3\/(.+)$/.exec(path);
  if (!m) return null;
  const upload = m[1] !== undefined;
  const resource = m[2] as string;
  switch (resource) {
    case 'channels':
      return method === 'GET' ? route('channels.list', listChannels, 'read') : null;
    case 'videos':
      // Chunks and status queries for a resumable session: the session URI is the credential.
      if (upload && query.has('upload_id') && (method === 'PUT' || method === 'POST')) {
        return route('videos.insert.upload', uploadChunk, 'none');
      }
      if (method === 'GET') return route('videos.list', videos.listVideos, 'read');
      if (method === 'POST') return route('videos.insert', insertVideo, 'upload');
      if (method === 'PUT') return route('videos.update', videos.updateVideo, 'write');
      if (method === 'DELETE') return route('videos.delete', videos.deleteVideo, 'write');
      return null;
    case 'playlists':
      if (method === 'GET') return route('playlists.list', playlists.listPlaylists, 'read');
      if (method === 'POST') return route('playlists.insert', playlists.insertPlaylist, 'write');
      if (method === 'PUT') return route('playlists.update', playlists.updatePlaylist, 'write');
      if (method === 'DELETE') return route('playlists.delete', playlists.deletePlaylist, 'write');
      return null;
    case 'playlistItems':
      if (method === 'GET') return route('playlistItems.list', items.listPlaylistItems, 'read');
      if (method === 'POST') return route('playlistItems.insert', items.insertPlaylistItem, 'write');
      if (method === 'PUT') return route('playlistItems.update', items.updatePlaylistItem, 'write');
      if (method === 'DELETE') return route('playlistItems.delete', items.deletePlaylistItem, 'write');
      return null;
    case 'thumbnails/set':
      return method === 'POST' ? route('thumbnails.set', setThumbnail, 'upload') : null;
    case 'captions':
      if (method === 'GET') return route('captions.list', captions.listCaptions, 'captions');
      if (method === 'POST') return route('captions.insert', captions.insertCaption, 'captions');
      if (method === 'PUT') return route('captions.update', captions.updateCaption, 'captions');
      if (method === 'DELETE') return route('captions.delete', captions.deleteCaption, 'captions');
      return null;
    default:
      if (resource.startsWith('captions/') && method === 'GET') return route('captions.download', captions.downloadCaption, 'captions');
      return null;
  }
}

function authenticate(ctx: EmulatorContext, req: IncomingMessage, query: Query): AccessTokenRecord | null {
  const header = req.headers.authorization;
  const value = header?.startsWith('Bearer ') ? header.slice(7).trim() : query.get('access_token');
  if (!value) return null;
  const token = ctx.store.accessTokens.get(value);
  if (!token || token.revoked || token.expiresAt <= ctx.now().getTime()) return null;
  return token;
}

function hasScope(token: AccessTokenRecord, scope: ScopeClass): boolean {
  if (scope === 'none') return true;
  const granted = token.scope.split(/\s+/).map((s) => s.replace('https://www.googleapis.com/auth/', ''));
  return SCOPES[scope].some((s) => granted.includes(s));
}

function writeOutcome(res: ServerResponse, outcome: Outcome): void {
  switch (outcome.kind) {
    case 'json':
      sendJson(res, outcome.status, outcome.body, outcome.headers);
      return;
    case 'empty':
      sendEmpty(res, outcome.status, outcome.headers);
      return;
    case 'raw':
      res.writeHead(outcome.status, { 'Content-Type': outcome.contentType, 'Content-Length': String(outcome.body.length) });
      res.end(outcome.body);
      return;
    case 'dropped':
      return;
  }
}

async function handleApi(ctx: EmulatorContext, req: IncomingMessage, res: ServerResponse, url: URL, rt: Route): Promise<void> {
  const query = new Query(url.searchParams);
  const method = req.method ?? 'GET';
  let status = 0;
  let dropped = false;
  let charged = { units: 0, uploads: 0 };
  let reservation: Reservation | null = null;
  try {
    const latency = ctx.faults.latencyFor(rt.endpoint);
    if (latency > 0) await delay(latency);
    let token: AccessTokenRecord | null = null;
    if (rt.scope !== 'none') {
      token = authenticate(ctx, req, query);
      if (!token) throw errors.authError();
      if (!hasScope(token, rt.scope)) throw errors.insufficientPermissions();
    }
    const injected = ctx.faults.injectedError(rt.endpoint);
    if (injected !== null) throw errors.backendError(injected);
    const reserved = ctx.quota.reserve(rt.endpoint, ctx.faults.quotaFlags());
    if (reserved instanceof ApiError) throw reserved;
    reservation = reserved;

    const apiRequest: ApiRequest = { req, res, url, query, endpoint: rt.endpoint, base: requestBaseUrl(req, ctx.baseUrl()), token };
    let outcome: Outcome;
    try {
      outcome = await rt.handler(ctx, apiRequest);
    } catch (e) {
      charged = ctx.quota.settle(reservation, e instanceof ApiError && e.code < 500 ? 'invalid' : 'void');
      throw e;
    }
    if (outcome.kind === 'dropped') {
      dropped = true;
      charged = ctx.quota.settle(reservation, outcome.completed ? 'success' : 'void');
    } else {
      status = outcome.status;
      charged = ctx.quota.settle(reservation, 'success');
      writeOutcome(res, outcome);
    }
  } catch (e) {
    const err = e instanceof ApiError ? e : errors.backendError(500);
    if (!(e instanceof ApiError)) console.error('[youtube-emulator] unexpected error in', rt.endpoint, e);
    status = err.code;
    if (!res.headersSent && !res.destroyed) sendApiError(res, err);
  } finally {
    ctx.changed();
    const call = {
      method,
      endpoint: rt.endpoint,
      path: url.pathname,
      query: query.toRecord(),
      status,
      units: charged.units,
      uploads: charged.uploads,
      at: ctx.now().toISOString(),
    };
    ctx.logCall(dropped ? { ...call, dropped: true } : call);
  }
}

/** OAuth endpoints get latency/5xx faults only when named in errorEndpoints. */
async function handleOAuth(
  ctx: EmulatorContext,
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
  endpoint: string,
  run: () => Promise<number> | number,
): Promise<void> {
  let status = 0;
  try {
    const latency = ctx.faults.latencyFor(endpoint);
    if (latency > 0) await delay(latency);
    const injected = ctx.faults.injectedError(endpoint);
    if (injected !== null) {
      status = injected;
      sendJson(res, injected, { error: 'internal_failure', error_description: 'Backend Error' });
      return;
    }
    status = await run();
  } catch (e) {
    console.error('[youtube-emulator] unexpected error in', endpoint, e);
    status = 500;
    if (!res.headersSent) sendJson(res, 500, { error: 'internal_failure', error_description: 'Backend Error' });
  } finally {
    ctx.logCall({ method: req.method ?? 'GET', endpoint, path: url.pathname, query: {}, status, units: 0, uploads: 0, at: ctx.now().toISOString() });
  }
}

export function createRequestHandler(ctx: EmulatorContext, controller: Controller): (req: IncomingMessage, res: ServerResponse) => void {
  return (req, res) => {
    const url = new URL(req.url ?? '/', 'http://emulator.invalid');
    const path = url.pathname.replace(/\/{2,}/g, '/');
    const method = req.method ?? 'GET';
    const run = async (): Promise<void> => {
      const api = resolveApiRoute(method, path, url.searchParams);
      if (api) return handleApi(ctx, req, res, new URL(path + url.search, url), api);
      if (path.startsWith('/__emulator')) {
        return handleControl(ctx, controller, req, res, url).catch((e: unknown) => {
          if (!(e instanceof ApiError)) throw e;
          sendApiError(res, e);
        });
      }
      if (path === '/token' || path === '/oauth2/v4/token') {
        if (method !== 'POST') return sendJson(res, 405, { error: 'invalid_request', error_description: 'Use POST.' });
        return handleOAuth(ctx, req, res, url, 'oauth2.token', () => handleToken(ctx, req, res));
      }
      if (path === '/revoke' || path === '/o/oauth2/revoke') {
        return handleOAuth(ctx, req, res, url, 'oauth2.revoke', () => handleRevoke(ctx, req, res, url));
      }
      if (path === '/tokeninfo' || path === '/oauth2/v3/tokeninfo') {
        return handleOAuth(ctx, req, res, url, 'oauth2.tokeninfo', () => handleTokenInfo(ctx, res, url));
      }
      if (path === '/o/oauth2/v2/auth' || path === '/o/oauth2/auth') {
        return handleOAuth(ctx, req, res, url, 'oauth2.auth', () => handleAuthPage(ctx, res, url));
      }
      if (path === '/o/oauth2/v2/auth/approve') {
        return handleOAuth(ctx, req, res, url, 'oauth2.approve', () => handleApprove(ctx, req, res, url));
      }
      if (path === '/' && method === 'GET') return sendHtml(res, 200, renderChannelPage(ctx));
      if (path === '/favicon.ico') return sendEmpty(res, 204);
      if (path.startsWith('/youtube/') || path.startsWith('/upload/')) return sendApiError(res, errors.notFound());
      return sendJson(res, 404, { error: 'not found', path });
    };
    run().catch((e: unknown) => {
      console.error('[youtube-emulator] request failed', e);
      if (!res.headersSent && !res.destroyed) sendApiError(res, errors.backendError(500));
    });
  };
}
