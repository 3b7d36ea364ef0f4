// /__emulator/* — JSON control API, so benchmarks and crash tests running in another process
// can inspect and steer the emulator. Never part of YouTube's surface; no auth, no quota.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { avatarSvg, placeholderSvg } from './channel-page';
import type { EmulatorContext } from './context';
import { asObject, readJson, sendJson } from './http';
import type { EmulatorRules, FaultSpec, VideoStats } from './types';

export interface ClockRequest {
  now?: string;
  frozen?: boolean;
  offsetMs?: number;
  reset?: boolean;
}

export interface Controller {
  reset(): void;
  setFaults(faults: FaultSpec): void;
  clearFaults(): void;
  setRules(rules: Partial<EmulatorRules>): void;
  rules(): EmulatorRules;
  setClock(request: ClockRequest): void;
  state(): unknown;
  calls(): unknown[];
  clearCalls(): void;
  revoke(token: string): boolean;
  addRefreshToken(token: string, scope?: string): void;
  deleteVideoByHand(id: string): boolean;
  deletePlaylistByHand(id: string): boolean;
  removePlaylistItemByHand(id: string): boolean;
  setVideoStats(id: string, stats: Partial<VideoStats>): boolean;
}

function parseFaults(raw: Record<string, unknown>): FaultSpec {
  const spec: FaultSpec = {};
  const num = (k: string): number | undefined => (typeof raw[k] === 'number' ? (raw[k] as number) : undefined);
  const bool = (k: string): boolean | undefined => (typeof raw[k] === 'boolean' ? (raw[k] as boolean) : undefined);
  const errorRate = num('errorRate');
  if (errorRate !== undefined) spec.errorRate = errorRate;
  if (Array.isArray(raw.errorEndpoints)) spec.errorEndpoints = raw.errorEndpoints.filter((e): e is string => typeof e === 'string');
  const latencyMs = num('latencyMs');
  if (latencyMs !== undefined) spec.latencyMs = latencyMs;
  const drop = num('dropUploadAfterBytes');
  if (drop !== undefined) spec.dropUploadAfterBytes = drop;
  const dropTimes = num('dropUploadTimes');
  if (dropTimes !== undefined) spec.dropUploadTimes = dropTimes;
  const lose = bool('loseUploadResponse');
  if (lose !== undefined) spec.loseUploadResponse = lose;
  const quota = bool('quotaExhausted');
  if (quota !== undefined) spec.quotaExhausted = quota;
  const uploads = bool('uploadLimitExhausted');
  if (uploads !== undefined) spec.uploadLimitExhausted = uploads;
  const lag = num('uploadsPlaylistLagMs');
  if (lag !== undefined) spec.uploadsPlaylistLagMs = lag;
  const expire = bool('expireUploadSessions');
  if (expire !== undefined) spec.expireUploadSessions = expire;
  const seed = num('seed');
  if (seed !== undefined) spec.seed = seed;
  return spec;
}

function parseRules(raw: Record<string, unknown>): Partial<EmulatorRules> {
  const rules: Partial<EmulatorRules> = {};
  if (typeof raw.channelVerified === 'boolean') rules.channelVerified = raw.channelVerified;
  if (typeof raw.rejectDuplicatePlaylistItems === 'boolean') rules.rejectDuplicatePlaylistItems = raw.rejectDuplicatePlaylistItems;
  return rules;
}

function notFound(res: ServerResponse): void {
  sendJson(res, 404, { error: 'not found' });
}

function serveThumbnail(ctx: EmulatorContext, res: ServerResponse, videoId: string): void {
  const stored = ctx.store.thumbnails.get(videoId);
  if (stored) {
    res.writeHead(200, { 'Content-Type': stored.mimeType, 'Content-Length': String(stored.bytes.length), 'Cache-Control': 'no-cache' });
    res.end(stored.bytes);
    return;
  }
  const video = ctx.store.videos.get(videoId);
  if (!video) return notFound(res);
  const svg = placeholderSvg(video.snippet.title);
  res.writeHead(200, { 'Content-Type': 'image/svg+xml', 'Content-Length': String(Buffer.byteLength(svg)), 'Cache-Control': 'no-cache' });
  res.end(svg);
}

export async function handleControl(
  ctx: EmulatorContext,
  controller: Controller,
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
): Promise<void> {
  const path = url.pathname.replace(/^\/__emulator\/?/, '').replace(/\/+$/, '');
  const segments = path.split('/').map((s) => decodeURIComponent(s));
  const method = req.method ?? 'GET';
  const route = `${method} ${segments[0] ?? ''}`;

  switch (route) {
    case 'GET state':
    case 'GET ':
      return sendJson(res, 200, controller.state());
    case 'GET quota':
      return sendJson(res, 200, ctx.quota.snapshot());
    case 'POST reset':
      controller.reset();
      return sendJson(res, 200, { ok: true });
    case 'POST faults': {
      const spec = parseFaults(asObject(await readJson(req)));
      controller.setFaults(spec);
      return sendJson(res, 200, { faults: ctx.faults.get() });
    }
    case 'GET faults':
      return sendJson(res, 200, { faults: ctx.faults.get() });
    case 'DELETE faults':
      controller.clearFaults();
      return sendJson(res, 200, { faults: {} });
    case 'POST rules':
      controller.setRules(parseRules(asObject(await readJson(req))));
      return sendJson(res, 200, { rules: controller.rules() });
    case 'GET rules':
      return sendJson(res, 200, { rules: controller.rules() });
    case 'POST clock': {
      const body = asObject(await readJson(req));
      const request: ClockRequest = {};
      if (typeof body.now === 'string') request.now = body.now;
      if (typeof body.frozen === 'boolean') request.frozen = body.frozen;
      if (typeof body.offsetMs === 'number') request.offsetMs = body.offsetMs;
      if (body.reset === true) request.reset = true;
      if (request.now !== undefined && Number.isNaN(Date.parse(request.now))) return sendJson(res, 400, { error: 'invalid now' });
      controller.setClock(request);
      return sendJson(res, 200, { now: ctx.now().toISOString(), quota: ctx.quota.snapshot() });
    }
    case 'GET clock':
      return sendJson(res, 200, { now: ctx.now().toISOString() });
    case 'POST revoke': {
      const body = asObject(await readJson(req));
      const token = typeof body.refreshToken === 'string' ? body.refreshToken : typeof body.token === 'string' ? body.token : '';
      return sendJson(res, 200, { revoked: controller.revoke(token) });
    }
    case 'POST refresh-tokens': {
      const body = asObject(await readJson(req));
      if (typeof body.refreshToken !== 'string') return sendJson(res, 400, { error: 'refreshToken required' });
      controller.addRefreshToken(body.refreshToken, typeof body.scope === 'string' ? body.scope : undefined);
      return sendJson(res, 200, { ok: true });
    }
    case 'GET calls':
      return sendJson(res, 200, { calls: controller.calls() });
    case 'DELETE calls':
      controller.clearCalls();
      return sendJson(res, 200, { ok: true });
    case 'GET thumbnails':
      return serveThumbnail(ctx, res, segments[1] ?? '');
    case 'GET channel-avatar.svg': {
      const svg = avatarSvg(ctx.store.channel.title);
      res.writeHead(200, { 'Content-Type': 'image/svg+xml', 'Content-Length': String(Buffer.byteLength(svg)) });
      res.end(svg);
      return;
    }
    case 'DELETE videos':
      return sendJson(res, 200, { deleted: controller.deleteVideoByHand(segments[1] ?? '') });
    case 'POST videos': {
      // POST /__emulator/videos/:id/stats {viewCount, likeCount, commentCount}
      if (segments[2] !== 'stats') return notFound(res);
      const body = asObject(await readJson(req));
      const stats: Partial<VideoStats> = {};
      for (const k of ['viewCount', 'likeCount', 'commentCount'] as const) {
        const v = body[k];
        if (typeof v === 'number' || typeof v === 'string') stats[k] = Number(v);
      }
      return sendJson(res, 200, { updated: controller.setVideoStats(segments[1] ?? '', stats) });
    }
    case 'DELETE playlists':
      return sendJson(res, 200, { deleted: controller.deletePlaylistByHand(segments[1] ?? '') });
    case 'DELETE playlist-items':
    case 'DELETE playlistItems':
      return sendJson(res, 200, { deleted: controller.removePlaylistItemByHand(segments[1] ?? '') });
    default:
      return notFound(res);
  }
}
