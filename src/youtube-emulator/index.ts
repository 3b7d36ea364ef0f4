// Entry point: startEmulator() boots an in-process fake of the YouTube Data API v3 and
// Google OAuth2 on a local port. Only node built-ins; nothing from Strapi or the app.
import { createServer, type Server } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import type { ClockRequest, Controller } from './control';
import type { EmulatorContext, ResolvedOptions } from './context';
import { FaultState } from './faults';
import { StateFile } from './persistence';
import { QuotaLedger } from './quota';
import { createRequestHandler } from './server';
import { FULL_SCOPE, Store } from './store';
import { revokeToken } from './oauth';
import { UploadSessions } from './upload-sessions';
import type {
  CallRecord,
  ChannelOptions,
  Emulator,
  EmulatorOptions,
  EmulatorRules,
  FaultSpec,
  VideoStats,
} from './types';

export * from './types';
export { pacificDay, nextPacificMidnight } from './pacific';
export { costOf, LEGACY_VIDEO_INSERT_COST } from './quota';
export { CHUNK_GRANULARITY } from './upload-sessions';
export { seedChannelVideos } from './seed-videos';
export { tagsLength, LIMITS, ASSIGNABLE_CATEGORIES } from './validation';

export const DEFAULT_CLIENT = { clientId: 'emulator-client-id', clientSecret: 'emulator-client-secret' };
export const DEFAULT_REFRESH_TOKEN = 'emulator-refresh-token';
export const DEFAULT_CHANNEL: ChannelOptions = {
  id: 'UCzusammenMehrEmulator0',
  title: 'ZUSAMMEN. MEHR.',
  description: 'Erfolgsgeschichten der Integration in Niedersachsen (lokaler Emulator).',
};

/** Keep the call log bounded for long benchmark runs. */
const MAX_CALLS = 100_000;

function resolveOptions(options: EmulatorOptions): ResolvedOptions {
  const resolved: ResolvedOptions = {
    host: options.host ?? '127.0.0.1',
    port: options.port ?? 0,
    quotaModel: options.quotaModel ?? 'current',
    dailyUnits: options.dailyUnits ?? 10_000,
    dailyUploads: options.dailyUploads ?? 100,
    clients: options.clients && options.clients.length > 0 ? options.clients.map((c) => ({ ...c })) : [{ ...DEFAULT_CLIENT }],
    refreshTokens: (options.refreshTokens ?? [DEFAULT_REFRESH_TOKEN]).map((t) =>
      typeof t === 'string' ? { token: t, clientId: null, scope: FULL_SCOPE } : { token: t.token, clientId: t.clientId ?? null, scope: t.scope ?? FULL_SCOPE },
    ),
    forcePrivateUploads: options.forcePrivateUploads ?? false,
    accessTokenTtlSeconds: options.accessTokenTtlSeconds ?? 3600,
  };
  if (options.stateFile) resolved.stateFile = options.stateFile;
  if (options.publicUrl) resolved.publicUrl = options.publicUrl.replace(/\/+$/, '');
  return resolved;
}

/** YouTube's behaviour unless the options say otherwise. */
function resolveRules(options: EmulatorOptions): EmulatorRules {
  return { channelVerified: true, rejectDuplicatePlaylistItems: false, ...options.rules };
}

function resolveChannel(options: EmulatorOptions): ChannelOptions {
  const channel: ChannelOptions = { ...DEFAULT_CHANNEL, ...options.channel };
  return channel;
}

function freshStore(options: EmulatorOptions, resolved: ResolvedOptions): Store {
  const store = new Store(resolveChannel(options));
  for (const t of resolved.refreshTokens) store.refreshTokens.set(t.token, { ...t, revoked: false });
  return store;
}

function listen(server: Server, port: number, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve((server.address() as AddressInfo).port);
    });
  });
}

function urlHost(host: string): string {
  if (host === '0.0.0.0' || host === '::' || host === '') return '127.0.0.1';
  return host.includes(':') ? `[${host}]` : host;
}

export async function startEmulator(options: EmulatorOptions = {}): Promise<Emulator> {
  const resolved = resolveOptions(options);
  const realClock = options.now ?? ((): Date => new Date());
  let clock = realClock;
  const now = (): Date => clock();

  const stateFile = resolved.stateFile ? new StateFile(resolved.stateFile) : null;
  const persisted = stateFile?.load() ?? null;
  const store = freshStore(options, resolved);
  if (persisted) store.load(persisted);
  const quota = new QuotaLedger(resolved.quotaModel, resolved.dailyUnits, resolved.dailyUploads, now, persisted?.quota);
  const faults = new FaultState();
  let calls: CallRecord[] = [];
  let baseUrl = '';

  const ctx: EmulatorContext = {
    store,
    quota,
    faults,
    sessions: new UploadSessions(),
    options: resolved,
    rules: resolveRules(options),
    now,
    baseUrl: () => baseUrl,
    changed: () => {
      if (stateFile) stateFile.schedule(() => ctx.store.toJSON(ctx.quota.usageState()));
    },
    logCall: (call) => {
      calls.push(call);
      if (calls.length > MAX_CALLS) calls = calls.slice(-MAX_CALLS / 2);
    },
  };

  const api = {
    reset(): void {
      ctx.store = freshStore(options, resolved);
      ctx.sessions.clear();
      ctx.quota.resetUsage();
      ctx.rules = resolveRules(options);
      faults.clear();
      calls = [];
      clock = realClock;
      ctx.changed();
    },
    setNow(fn: () => Date): void {
      clock = fn;
    },
    setFaults(spec: FaultSpec): void {
      faults.set(spec);
    },
    clearFaults(): void {
      faults.clear();
    },
    setRules(rules: Partial<EmulatorRules>): void {
      ctx.rules = { ...ctx.rules, ...rules };
    },
    revokeRefreshToken(token: string): void {
      revokeToken(ctx, token);
    },
    addRefreshToken(token: string, scope?: string): void {
      ctx.store.refreshTokens.set(token, { token, clientId: null, scope: scope ?? FULL_SCOPE, revoked: false });
      ctx.changed();
    },
    deleteVideoByHand(id: string): boolean {
      const ok = ctx.store.deleteVideo(id);
      ctx.changed();
      return ok;
    },
    deletePlaylistByHand(id: string): boolean {
      const ok = ctx.store.deletePlaylist(id);
      ctx.changed();
      return ok;
    },
    removePlaylistItemByHand(id: string): boolean {
      const ok = ctx.store.removeItem(id);
      ctx.changed();
      return ok;
    },
    setVideoStats(id: string, stats: Partial<VideoStats>): boolean {
      const video = ctx.store.videos.get(id);
      if (!video) return false;
      for (const k of ['viewCount', 'likeCount', 'commentCount'] as const) {
        const v = stats[k];
        if (v !== undefined && Number.isFinite(v)) video.statistics[k] = Math.max(0, Math.floor(v));
      }
      ctx.changed();
      return true;
    },
  };

  const views = {
    videos: () => structuredClone([...ctx.store.videos.values()]),
    playlists: () => structuredClone([...ctx.store.playlists.values()]),
    playlistItems: () => structuredClone(ctx.store.allItems()),
    captions: () => structuredClone([...ctx.store.captions.values()]),
    thumbnails: () => [...ctx.store.thumbnails.values()].map(({ bytes: _bytes, ...rest }) => ({ ...rest })),
    uploadSessions: () => ctx.sessions.list().map((s) => s.snapshot()),
    calls: () => structuredClone(calls),
    quota: () => ctx.quota.snapshot(),
  };

  const controller: Controller = {
    reset: api.reset,
    setFaults: api.setFaults,
    clearFaults: api.clearFaults,
    setRules: api.setRules,
    rules: () => ({ ...ctx.rules }),
    setClock(request: ClockRequest): void {
      if (request.reset) {
        clock = realClock;
        return;
      }
      if (request.now !== undefined) {
        const anchor = Date.parse(request.now);
        const startedAt = Date.now();
        clock = request.frozen ? () => new Date(anchor) : () => new Date(anchor + (Date.now() - startedAt));
        return;
      }
      if (request.offsetMs !== undefined) {
        const base = clock;
        const offset = request.offsetMs;
        clock = () => new Date(base().getTime() + offset);
      }
    },
    state: () => ({
      now: now().toISOString(),
      channel: ctx.store.channel,
      videos: views.videos(),
      playlists: views.playlists(),
      playlistItems: views.playlistItems(),
      captions: views.captions(),
      thumbnails: views.thumbnails(),
      uploadSessions: views.uploadSessions(),
      quota: views.quota(),
      faults: faults.get(),
      rules: { ...ctx.rules },
    }),
    calls: views.calls,
    clearCalls: () => {
      calls = [];
    },
    revoke: (token: string) => revokeToken(ctx, token),
    addRefreshToken: api.addRefreshToken,
    deleteVideoByHand: api.deleteVideoByHand,
    deletePlaylistByHand: api.deletePlaylistByHand,
    removePlaylistItemByHand: api.removePlaylistItemByHand,
    setVideoStats: api.setVideoStats,
  };

  const server = createServer(createRequestHandler(ctx, controller));
  // Slow benchmark uploads must not be cut by Node's default 5-minute request timeout.
  server.requestTimeout = 0;
  // Track sockets so close() does not wait for idle keep-alive connections of test clients.
  const sockets = new Set<Socket>();
  server.on('connection', (socket: Socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  const port = await listen(server, resolved.port, resolved.host);
  baseUrl = resolved.publicUrl ?? `http://${urlHost(resolved.host)}:${port}`;

  let closed = false;
  const emulator: Emulator = {
    url: baseUrl,
    tokenUrl: `${baseUrl}/token`,
    authUrl: `${baseUrl}/o/oauth2/v2/auth`,
    revokeUrl: `${baseUrl}/revoke`,
    port,
    close: () =>
      new Promise<void>((resolve, reject) => {
        if (closed) return resolve();
        closed = true;
        stateFile?.flush();
        server.close((err) => (err ? reject(err) : resolve()));
        for (const s of sockets) s.destroy();
      }),
    reset: api.reset,
    setNow: api.setNow,
    setFaults: api.setFaults,
    clearFaults: api.clearFaults,
    setRules: api.setRules,
    rules: () => ({ ...ctx.rules }),
    revokeRefreshToken: api.revokeRefreshToken,
    addRefreshToken: api.addRefreshToken,
    videos: views.videos,
    playlists: views.playlists,
    playlistItems: views.playlistItems,
    captions: views.captions,
    thumbnails: views.thumbnails,
    uploadSessions: views.uploadSessions,
    calls: views.calls,
    clearCalls: controller.clearCalls,
    quota: views.quota,
    deleteVideoByHand: api.deleteVideoByHand,
    deletePlaylistByHand: api.deletePlaylistByHand,
    removePlaylistItemByHand: api.removePlaylistItemByHand,
    setVideoStats: api.setVideoStats,
  };
  return emulator;
}
