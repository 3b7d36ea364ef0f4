import type { Core } from '@strapi/strapi';
import type { YouTubeClient } from '../youtube/client';
import type { YouTubeError } from '../youtube/errors';
import type { DesiredPlaylist } from './plan';
import { PLAYLIST, type PlaylistMembership } from './state';

/** The channel's playlist for a key (channel, region:…, theme:…, project:…), created on YouTube when missing. */
export async function ensurePlaylist(strapi: Core.Strapi, client: YouTubeClient, wanted: DesiredPlaylist, privacyStatus: string): Promise<string> {
  const query = strapi.db.query(PLAYLIST);
  const row = await query.findOne({ where: { key: wanted.key } });
  if (row?.youtubePlaylistId) {
    if (row.title !== wanted.title) {
      await client.updatePlaylist(row.youtubePlaylistId, wanted.title, 'ZUSAMMEN. MEHR. – Erfolgsgeschichten gelungener Integration aus Niedersachsen.');
      await query.update({ where: { id: row.id }, data: { title: wanted.title } });
    }
    return row.youtubePlaylistId;
  }
  const created = await client.insertPlaylist(wanted.title, 'ZUSAMMEN. MEHR. – Erfolgsgeschichten gelungener Integration aus Niedersachsen.', privacyStatus);
  const id = created.id as string;
  if (row) await query.update({ where: { id: row.id }, data: { youtubePlaylistId: id, title: wanted.title } });
  else await query.create({ data: { key: wanted.key, youtubePlaylistId: id, title: wanted.title } });
  return id;
}

/** Forgets a playlist that was deleted on YouTube, so the next sync creates it again. */
export async function forgetPlaylist(strapi: Core.Strapi, youtubePlaylistId: string) {
  await strapi.db.query(PLAYLIST).updateMany({ where: { youtubePlaylistId }, data: { youtubePlaylistId: null } });
}

/** Adds the video; `videoAlreadyInPlaylist` (a retry after a lost answer) counts as success. */
export async function addToPlaylist(client: YouTubeClient, playlistId: string, videoId: string): Promise<PlaylistMembership> {
  try {
    const item = await client.insertPlaylistItem(playlistId, videoId);
    return { playlistId, itemId: item.id ?? null };
  } catch (error) {
    if ((error as YouTubeError).reason === 'videoAlreadyInPlaylist') return { playlistId, itemId: null };
    throw error;
  }
}

/** Removes the video; an item or playlist already gone counts as removed. */
export async function removeFromPlaylist(client: YouTubeClient, membership: PlaylistMembership, videoId: string) {
  let itemId = membership.itemId;
  try {
    if (!itemId) {
      const items = await client.playlistItems(membership.playlistId);
      itemId = items.find((i) => i.contentDetails?.videoId === videoId || i.snippet?.resourceId?.videoId === videoId)?.id ?? null;
    }
    if (itemId) await client.deletePlaylistItem(itemId);
  } catch (error) {
    const reason = (error as YouTubeError).reason;
    if (reason !== 'playlistItemNotFound' && reason !== 'playlistNotFound' && (error as YouTubeError).status !== 404) throw error;
  }
}
