// playlists.list / insert / update / delete.
import type { Handler } from './context';
import { errors } from './errors';
import { asObject, asString, readJson } from './http';
import { paginate } from './paging';
import { PARTS, listResponse, parseParts, renderPlaylist } from './resources';
import { googleTime, randomId } from './store';
import type { PlaylistRecord } from './types';
import { validatePlaylistPrivacy, validatePlaylistSnippet } from './validation';

export const listPlaylists: Handler = async (ctx, r) => {
  const parts = parseParts(r.query, PARTS.playlist);
  let all: PlaylistRecord[];
  if (r.query.has('id')) {
    all = r.query
      .list('id')
      .map((id) => ctx.store.playlists.get(id))
      .filter((p): p is PlaylistRecord => p !== undefined);
  } else if (r.query.bool('mine') || r.query.get('channelId') === ctx.store.channel.id) {
    // Newest first, as YouTube lists a channel's playlists.
    all = [...ctx.store.playlists.values()].reverse();
  } else if (r.query.has('channelId')) {
    all = [];
  } else {
    throw errors.missingFilter('channelId, id, mine');
  }
  const page = paginate(all, r.query);
  const items = page.items.map((p) => renderPlaylist(ctx, r.base, p, parts));
  return {
    kind: 'json',
    status: 200,
    body: listResponse('youtube#playlistListResponse', items, all.length, page.perPage, page),
  };
};

export const insertPlaylist: Handler = async (ctx, r) => {
  const parts = parseParts(r.query, PARTS.playlist);
  const body = asObject(await readJson(r.req));
  const snippet = validatePlaylistSnippet(body.snippet);
  // A status the request's `part` does not name is ignored, as on YouTube.
  const privacyStatus = validatePlaylistPrivacy(parts.has('status') ? body.status : undefined);
  const playlist: PlaylistRecord = {
    id: `PL${randomId(32)}`,
    channelId: ctx.store.channel.id,
    publishedAt: googleTime(ctx.now()),
    snippet,
    status: { privacyStatus },
  };
  ctx.store.playlists.set(playlist.id, playlist);
  ctx.store.items.set(playlist.id, []);
  ctx.changed();
  return { kind: 'json', status: 200, body: renderPlaylist(ctx, r.base, playlist, parts) };
};

export const updatePlaylist: Handler = async (ctx, r) => {
  const parts = parseParts(r.query, PARTS.playlist);
  const body = asObject(await readJson(r.req));
  const id = asString(body.id);
  if (!id) throw errors.required('id');
  const playlist = ctx.store.playlists.get(id);
  if (!playlist) throw errors.playlistNotFound('body.id');
  const snippet = parts.has('snippet') ? validatePlaylistSnippet(body.snippet) : null;
  const privacy = parts.has('status') ? validatePlaylistPrivacy(body.status) : null;
  if (snippet) playlist.snippet = snippet;
  if (privacy) playlist.status = { privacyStatus: privacy };
  ctx.changed();
  return { kind: 'json', status: 200, body: renderPlaylist(ctx, r.base, playlist, parts) };
};

export const deletePlaylist: Handler = async (ctx, r) => {
  const id = r.query.get('id');
  if (!id) throw errors.required('id');
  if (!ctx.store.deletePlaylist(id)) throw errors.playlistNotFound('id');
  ctx.changed();
  return { kind: 'empty', status: 204 };
};
