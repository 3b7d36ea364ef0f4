// Renders stored records as YouTube API resources, limited to the requested `part`s.
import type { EmulatorContext } from './context';
import { errors } from './errors';
import type { Query } from './http';
import { etagOf } from './store';
import type { CaptionRecord, PlaylistItemRecord, PlaylistRecord, VideoRecord } from './types';

export const PARTS = {
  video: [
    'contentDetails', 'fileDetails', 'id', 'liveStreamingDetails', 'localizations', 'paidProductPlacementDetails',
    'player', 'processingDetails', 'recordingDetails', 'snippet', 'statistics', 'status', 'suggestions', 'topicDetails',
  ],
  playlist: ['contentDetails', 'id', 'localizations', 'player', 'snippet', 'status'],
  playlistItem: ['contentDetails', 'id', 'snippet', 'status'],
  channel: [
    'auditDetails', 'brandingSettings', 'contentDetails', 'contentOwnerDetails', 'id', 'localizations', 'snippet',
    'statistics', 'status', 'topicDetails',
  ],
  caption: ['id', 'snippet'],
} as const;

/** `part` is required; each value must be a part the resource has. */
export function parseParts(query: Query, allowed: readonly string[]): Set<string> {
  const parts = query.list('part');
  if (parts.length === 0) throw errors.required('part');
  for (const p of parts) if (!allowed.includes(p)) throw errors.unknownPart(p);
  return new Set(parts);
}

interface Thumb {
  url: string;
  width: number;
  height: number;
}

const THUMB_SIZES: Array<[string, number, number]> = [
  ['default', 120, 90],
  ['medium', 320, 180],
  ['high', 480, 360],
  ['standard', 640, 480],
  ['maxres', 1280, 720],
];

/** Thumbnails are served by the emulator itself so nothing reaches out to i.ytimg.com. */
export function videoThumbnails(base: string, v: VideoRecord): Record<string, Thumb> {
  const out: Record<string, Thumb> = {};
  for (const [key, width, height] of THUMB_SIZES) {
    out[key] = { url: `${base}/__emulator/thumbnails/${v.id}?v=${v.thumbnailVersion}&size=${key}`, width, height };
  }
  return out;
}

function channelThumbnails(ctx: EmulatorContext, base: string): Record<string, Thumb> {
  const url = ctx.store.channel.thumbnailUrl ?? `${base}/__emulator/channel-avatar.svg`;
  return {
    default: { url, width: 88, height: 88 },
    medium: { url, width: 240, height: 240 },
    high: { url, width: 800, height: 800 },
  };
}

export function isoDuration(totalSeconds: number): string {
  const h = Math.floor(totalSeconds / 3600);
  const m = Math.floor((totalSeconds % 3600) / 60);
  const s = totalSeconds % 60;
  return `PT${h > 0 ? `${h}H` : ''}${m > 0 ? `${m}M` : ''}${s > 0 || (h === 0 && m === 0) ? `${s}S` : ''}`;
}

/** kind first, then etag, like Google's responses. */
function withEtag(resource: Record<string, unknown>): Record<string, unknown> {
  const { kind, ...rest } = resource;
  return { kind, etag: etagOf(rest), ...rest };
}

export function renderVideo(ctx: EmulatorContext, base: string, v: VideoRecord, parts: Set<string>): Record<string, unknown> {
  const r: Record<string, unknown> = { kind: 'youtube#video', id: v.id };
  const hasCaptions = [...ctx.store.captions.values()].some((c) => c.videoId === v.id && c.status === 'serving');
  if (parts.has('snippet')) {
    const snippet: Record<string, unknown> = {
      publishedAt: v.publishedAt,
      channelId: v.channelId,
      title: v.snippet.title,
      description: v.snippet.description,
      thumbnails: videoThumbnails(base, v),
      channelTitle: ctx.store.channel.title,
    };
    if (v.snippet.tags.length > 0) snippet.tags = [...v.snippet.tags];
    snippet.categoryId = v.snippet.categoryId;
    snippet.liveBroadcastContent = 'none';
    if (v.snippet.defaultLanguage) snippet.defaultLanguage = v.snippet.defaultLanguage;
    snippet.localized = { title: v.snippet.title, description: v.snippet.description };
    if (v.snippet.defaultAudioLanguage) snippet.defaultAudioLanguage = v.snippet.defaultAudioLanguage;
    r.snippet = snippet;
  }
  if (parts.has('contentDetails')) {
    r.contentDetails = {
      duration: isoDuration(v.durationSeconds),
      dimension: '2d',
      definition: 'hd',
      caption: hasCaptions ? 'true' : 'false',
      licensedContent: false,
      contentRating: {},
      projection: 'rectangular',
    };
  }
  if (parts.has('status')) {
    const status: Record<string, unknown> = {
      uploadStatus: 'processed',
      privacyStatus: v.status.privacyStatus,
      license: v.status.license,
      embeddable: v.status.embeddable,
      publicStatsViewable: v.status.publicStatsViewable,
      madeForKids: v.status.selfDeclaredMadeForKids ?? false,
    };
    if (v.status.selfDeclaredMadeForKids !== undefined) status.selfDeclaredMadeForKids = v.status.selfDeclaredMadeForKids;
    if (v.status.publishAt) status.publishAt = v.status.publishAt;
    r.status = status;
  }
  if (parts.has('statistics')) {
    r.statistics = {
      viewCount: String(v.statistics.viewCount),
      likeCount: String(v.statistics.likeCount),
      favoriteCount: '0',
      commentCount: String(v.statistics.commentCount),
    };
  }
  if (parts.has('player')) {
    r.player = {
      embedHtml: `<iframe width="480" height="270" src="//www.youtube.com/embed/${v.id}" frameborder="0" allow="accelerometer; autoplay; clipboard-write; encrypted-media; gyroscope; picture-in-picture; web-share" referrerpolicy="strict-origin-when-cross-origin" allowfullscreen></iframe>`,
    };
  }
  if (parts.has('processingDetails')) r.processingDetails = { processingStatus: 'succeeded' };
  if (parts.has('fileDetails')) {
    r.fileDetails = { fileSize: String(v.media.size), fileType: 'video', container: v.media.mimeType.split('/')[1] ?? 'mp4' };
  }
  if (parts.has('recordingDetails')) r.recordingDetails = {};
  if (parts.has('localizations')) r.localizations = {};
  return withEtag(r);
}

export function renderPlaylist(ctx: EmulatorContext, base: string, p: PlaylistRecord, parts: Set<string>): Record<string, unknown> {
  const r: Record<string, unknown> = { kind: 'youtube#playlist', id: p.id };
  const items = ctx.store.items.get(p.id) ?? [];
  if (parts.has('snippet')) {
    const first = items.map((i) => ctx.store.videos.get(i.videoId)).find((v) => v !== undefined);
    const snippet: Record<string, unknown> = {
      publishedAt: p.publishedAt,
      channelId: p.channelId,
      title: p.snippet.title,
      description: p.snippet.description,
      thumbnails: first ? videoThumbnails(base, first) : {},
      channelTitle: ctx.store.channel.title,
    };
    if (p.snippet.defaultLanguage) snippet.defaultLanguage = p.snippet.defaultLanguage;
    snippet.localized = { title: p.snippet.title, description: p.snippet.description };
    r.snippet = snippet;
  }
  if (parts.has('status')) r.status = { privacyStatus: p.status.privacyStatus };
  if (parts.has('contentDetails')) r.contentDetails = { itemCount: items.length };
  if (parts.has('player')) {
    r.player = {
      embedHtml: `<iframe width="640" height="360" src="http://www.youtube.com/embed/videoseries?list=${p.id}" frameborder="0" allow="accelerometer; autoplay; clipboard-write; encrypted-media; gyroscope; picture-in-picture; web-share" referrerpolicy="strict-origin-when-cross-origin" allowfullscreen></iframe>`,
    };
  }
  if (parts.has('localizations')) r.localizations = {};
  return withEtag(r);
}

export function renderPlaylistItem(
  ctx: EmulatorContext,
  base: string,
  item: PlaylistItemRecord,
  position: number,
  parts: Set<string>,
): Record<string, unknown> {
  const r: Record<string, unknown> = { kind: 'youtube#playlistItem', id: item.id };
  const v = ctx.store.videos.get(item.videoId);
  if (parts.has('snippet')) {
    // A video deleted after it was added stays in the playlist as "Deleted video", like on YouTube.
    const snippet: Record<string, unknown> = {
      publishedAt: item.publishedAt,
      channelId: ctx.store.channel.id,
      title: v ? v.snippet.title : 'Deleted video',
      description: v ? v.snippet.description : 'This video is unavailable.',
      thumbnails: v ? videoThumbnails(base, v) : {},
      channelTitle: ctx.store.channel.title,
      playlistId: item.playlistId,
      position,
      resourceId: { kind: 'youtube#video', videoId: item.videoId },
    };
    if (v) {
      snippet.videoOwnerChannelTitle = ctx.store.channel.title;
      snippet.videoOwnerChannelId = v.channelId;
    }
    r.snippet = snippet;
  }
  if (parts.has('contentDetails')) {
    const cd: Record<string, unknown> = { videoId: item.videoId };
    if (item.note) cd.note = item.note;
    if (v) cd.videoPublishedAt = v.publishedAt;
    r.contentDetails = cd;
  }
  if (parts.has('status')) r.status = { privacyStatus: v ? v.status.privacyStatus : 'privacyStatusUnspecified' };
  return withEtag(r);
}

export function renderChannel(ctx: EmulatorContext, base: string, parts: Set<string>): Record<string, unknown> {
  const ch = ctx.store.channel;
  const r: Record<string, unknown> = { kind: 'youtube#channel', id: ch.id };
  if (parts.has('snippet')) {
    r.snippet = {
      title: ch.title,
      description: ch.description,
      customUrl: '@zusammenmehr-emulator',
      publishedAt: '2024-01-15T09:00:00Z',
      thumbnails: channelThumbnails(ctx, base),
      localized: { title: ch.title, description: ch.description },
      country: 'DE',
    };
  }
  if (parts.has('contentDetails')) r.contentDetails = { relatedPlaylists: { likes: '', uploads: ctx.store.uploadsPlaylistId } };
  if (parts.has('statistics')) {
    const views = [...ctx.store.videos.values()].reduce((sum, v) => sum + v.statistics.viewCount, 0);
    r.statistics = {
      viewCount: String(views),
      subscriberCount: '0',
      hiddenSubscriberCount: false,
      videoCount: String([...ctx.store.videos.values()].filter((v) => v.status.privacyStatus === 'public').length),
    };
  }
  if (parts.has('status')) {
    r.status = { privacyStatus: 'public', isLinked: true, longUploadsStatus: 'allowed', madeForKids: false };
  }
  if (parts.has('brandingSettings')) r.brandingSettings = { channel: { title: ch.title, description: ch.description } };
  return withEtag(r);
}

export function renderCaption(c: CaptionRecord, parts: Set<string>): Record<string, unknown> {
  const r: Record<string, unknown> = { kind: 'youtube#caption', id: c.id };
  if (parts.has('snippet')) {
    const snippet: Record<string, unknown> = {
      videoId: c.videoId,
      lastUpdated: c.lastUpdated,
      trackKind: 'standard',
      language: c.language,
      name: c.name,
      audioTrackType: 'unknown',
      isCC: false,
      isLarge: false,
      isEasyReader: false,
      isDraft: c.isDraft,
      isAutoSynced: false,
      status: c.status,
    };
    if (c.failureReason) snippet.failureReason = c.failureReason;
    r.snippet = snippet;
  }
  return withEtag(r);
}

export function listResponse(kind: string, items: unknown[], total: number, perPage: number, tokens: { next?: string; prev?: string } = {}): Record<string, unknown> {
  const body: Record<string, unknown> = { kind };
  if (tokens.next) body.nextPageToken = tokens.next;
  if (tokens.prev) body.prevPageToken = tokens.prev;
  body.pageInfo = { totalResults: total, resultsPerPage: perPage };
  body.items = items;
  return { kind, etag: etagOf(body), ...body };
}
