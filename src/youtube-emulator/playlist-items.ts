// playlistItems.list / insert / update / delete. The channel's uploads playlist (UU…) is
// virtual: it lists every video, newest first, as YouTube does.
import type { EmulatorContext, Handler } from './context';
import { errors } from './errors';
import { asObject, asString, readJson } from './http';
import { paginate } from './paging';
import { PARTS, listResponse, parseParts, renderPlaylistItem } from './resources';
import { googleTime, randomId } from './store';
import type { PlaylistItemRecord } from './types';

interface Positioned {
  item: PlaylistItemRecord;
  position: number;
}

function uploadsItems(ctx: EmulatorContext): Positioned[] {
  const playlistId = ctx.store.uploadsPlaylistId;
  const listedBefore = ctx.now().getTime() - ctx.faults.uploadsPlaylistLagMs();
  const listed = ctx.store.videosNewestFirst().filter((v) => Date.parse(v.publishedAt) <= listedBefore);
  return listed.map((v, position) => ({
    item: { id: Buffer.from(`${playlistId}.${v.id}`).toString('base64url'), playlistId, videoId: v.id, publishedAt: v.publishedAt },
    position,
  }));
}

export const listPlaylistItems: Handler = async (ctx, r) => {
  const parts = parseParts(r.query, PARTS.playlistItem);
  let all: Positioned[];
  const playlistId = r.query.get('playlistId');
  if (r.query.has('id')) {
    const ids = new Set(r.query.list('id'));
    all = [];
    for (const [pid, list] of ctx.store.items) {
      if (!ctx.store.playlists.has(pid)) continue;
      list.forEach((item, position) => {
        if (ids.has(item.id)) all.push({ item, position });
      });
    }
  } else if (playlistId) {
    if (playlistId === ctx.store.uploadsPlaylistId) {
      all = uploadsItems(ctx);
    } else {
      if (!ctx.store.playlists.has(playlistId)) throw errors.playlistNotFound('playlistId');
      all = ctx.store.itemsOf(playlistId).map((item, position) => ({ item, position }));
    }
    const videoId = r.query.get('videoId');
    if (videoId) all = all.filter((p) => p.item.videoId === videoId);
  } else {
    throw errors.missingFilter('id, playlistId');
  }
  const page = paginate(all, r.query);
  const items = page.items.map((p) => renderPlaylistItem(ctx, r.base, p.item, p.position, parts));
  return {
    kind: 'json',
    status: 200,
    body: listResponse('youtube#playlistItemListResponse', items, all.length, page.perPage, page),
  };
};

function parsePosition(raw: unknown, max: number): number | null {
  if (raw === undefined || raw === null) return null;
  const n = typeof raw === 'number' ? raw : Number(raw);
  if (!Number.isInteger(n) || n < 0 || n > max) {
    throw errors.playlistItem('invalidPlaylistItemPosition', 'Playlist item position specified in the request is invalid or unsupported.');
  }
  return n;
}

export const insertPlaylistItem: Handler = async (ctx, r) => {
  const parts = parseParts(r.query, PARTS.playlistItem);
  const body = asObject(await readJson(r.req));
  const snippet = asObject(body.snippet);
  const playlistId = asString(snippet.playlistId);
  if (!playlistId) throw errors.playlistItem('playlistIdRequired', 'The playlist item must specify a playlist ID.');
  const resource = asObject(snippet.resourceId);
  const videoId = asString(resource.videoId);
  if (!videoId || (resource.kind !== undefined && resource.kind !== 'youtube#video')) {
    throw errors.playlistItem('invalidResourceType', 'The type specified for the resource ID is not supported for this operation.');
  }
  if (playlistId === ctx.store.uploadsPlaylistId) {
    throw errors.playlistItem('playlistOperationUnsupported', 'The playlist does not support the ability to insert a video.');
  }
  if (!ctx.store.playlists.has(playlistId)) throw errors.playlistNotFound('body.snippet.playlistId');
  if (!ctx.store.videos.has(videoId)) throw errors.videoNotFoundParam('Video not found.', 'body.snippet.resourceId.videoId');
  const list = ctx.store.itemsOf(playlistId);
  if (ctx.rules.rejectDuplicatePlaylistItems && list.some((i) => i.videoId === videoId)) throw errors.videoAlreadyInPlaylist();
  const position = parsePosition(snippet.position, list.length) ?? list.length;
  const item: PlaylistItemRecord = {
    id: Buffer.from(`${playlistId}.${randomId(16)}`).toString('base64url'),
    playlistId,
    videoId,
    publishedAt: googleTime(ctx.now()),
  };
  const note = asString(asObject(body.contentDetails).note);
  if (note) item.note = note;
  list.splice(position, 0, item);
  ctx.changed();
  return { kind: 'json', status: 200, body: renderPlaylistItem(ctx, r.base, item, position, parts) };
};

export const updatePlaylistItem: Handler = async (ctx, r) => {
  const parts = parseParts(r.query, PARTS.playlistItem);
  const body = asObject(await readJson(r.req));
  const id = asString(body.id);
  if (!id) throw errors.required('id');
  const found = ctx.store.findItem(id);
  if (!found) throw errors.playlistItemNotFound();
  const item = found.list[found.index] as PlaylistItemRecord;
  const snippet = asObject(body.snippet);
  let position = found.index;
  if (parts.has('snippet')) {
    const wanted = parsePosition(snippet.position, found.list.length - 1);
    if (wanted !== null && wanted !== found.index) {
      found.list.splice(found.index, 1);
      found.list.splice(wanted, 0, item);
      position = wanted;
    }
  }
  if (parts.has('contentDetails')) {
    const note = asString(asObject(body.contentDetails).note);
    if (note) item.note = note;
    else delete item.note;
  }
  ctx.changed();
  return { kind: 'json', status: 200, body: renderPlaylistItem(ctx, r.base, item, position, parts) };
};

export const deletePlaylistItem: Handler = async (ctx, r) => {
  const id = r.query.get('id');
  if (!id) throw errors.required('id');
  if (!ctx.store.removeItem(id)) throw errors.playlistItemNotFound();
  ctx.changed();
  return { kind: 'empty', status: 204 };
};
