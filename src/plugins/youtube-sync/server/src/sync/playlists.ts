import type { Core } from '@strapi/strapi';
import type { YouTubeClient } from '../youtube/client';
import { YouTubeError } from '../youtube/errors';
import type { DesiredPlaylist } from './plan';
import { PLAYLIST, type PlaylistMembership } from './state';

const DESCRIPTION = 'ZUSAMMEN. MEHR. – Erfolgsgeschichten gelungener Integration aus Niedersachsen.';
const CREATE_WINDOW_MS = 30_000;
const WAIT_STEP_MS = 200;

interface PlaylistRow {
  id: number;
  key: string;
  youtubePlaylistId: string | null;
  title: string | null;
  /** Null for playlists made before privacy was recorded: those were all created public. */
  privacyStatus: string | null;
  creatingUntil: string | null;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Claims the right to create the playlist for a key. Several instances may need the same new playlist at once;
 * the unique key row and a compare-and-swap on `creatingUntil` let exactly one of them call playlists.insert,
 * while the others wait for its id (or take over when the creator died and its window ran out).
 */
async function claimCreation(strapi: Core.Strapi, key: string, now: Date): Promise<PlaylistRow | 'wait'> {
  const query = strapi.db.query(PLAYLIST);
  const until = new Date(now.getTime() + CREATE_WINDOW_MS).toISOString();
  const row = (await query.findOne({ where: { key } })) as PlaylistRow | null;
  if (!row) {
    try {
      return (await query.create({ data: { key, creatingUntil: until } })) as PlaylistRow;
    } catch {
      return 'wait';
    }
  }
  if (row.youtubePlaylistId) return row;
  if (row.creatingUntil && new Date(row.creatingUntil) > now) return 'wait';
  const { count } = await query.updateMany({ where: { id: row.id, creatingUntil: row.creatingUntil }, data: { creatingUntil: until } });
  return count === 1 ? { ...row, creatingUntil: until } : 'wait';
}

/**
 * The channel's playlist for a key (channel, region:…, theme:…, project:…), created on YouTube when missing, with
 * the videos' privacy: a public playlist would list unlisted videos for everyone, and a private video's playlist
 * has no business being public. An existing playlist whose title or privacy is not the wanted one is updated.
 */
export async function ensurePlaylist(strapi: Core.Strapi, client: YouTubeClient, wanted: DesiredPlaylist, privacyStatus: string): Promise<string> {
  const query = strapi.db.query(PLAYLIST);
  for (let waited = 0; waited <= CREATE_WINDOW_MS; waited += WAIT_STEP_MS) {
    const claim = await claimCreation(strapi, wanted.key, new Date());
    if (claim === 'wait') {
      await sleep(WAIT_STEP_MS);
      continue;
    }
    if (claim.youtubePlaylistId) {
      if (claim.title !== wanted.title || (claim.privacyStatus ?? 'public') !== privacyStatus) {
        try {
          await client.updatePlaylist(claim.youtubePlaylistId, wanted.title, DESCRIPTION, privacyStatus);
        } catch (error) {
          if ((error as YouTubeError).reason !== 'playlistNotFound') throw error;
          await forgetPlaylist(strapi, claim.youtubePlaylistId);
          continue;
        }
        await query.update({ where: { id: claim.id }, data: { title: wanted.title, privacyStatus } });
      }
      return claim.youtubePlaylistId;
    }
    let created;
    try {
      created = await client.insertPlaylist(wanted.title, DESCRIPTION, privacyStatus);
    } catch (error) {
      // A failed insert gives the claim up at once: the job's retry (here or on another instance) need not sit out
      // the window; a claim another instance has taken over meanwhile is left alone.
      await query.updateMany({ where: { id: claim.id, creatingUntil: claim.creatingUntil }, data: { creatingUntil: null } });
      throw error;
    }
    await query.update({ where: { id: claim.id }, data: { youtubePlaylistId: created.id, title: wanted.title, privacyStatus, creatingUntil: null } });
    return created.id as string;
  }
  throw new YouTubeError(`playlist "${wanted.key}" is still being created by another worker`, 'retryable');
}

/** Forgets a playlist that was deleted on YouTube, so the next sync creates it again. */
export async function forgetPlaylist(strapi: Core.Strapi, youtubePlaylistId: string) {
  await strapi.db.query(PLAYLIST).updateMany({ where: { youtubePlaylistId }, data: { youtubePlaylistId: null } });
}

/**
 * Adds the video unless it is there already. YouTube takes the same video twice in a channel's own playlist, so
 * the guard against a duplicate (a retry after a lost answer, a worker that died before recording the item) is
 * a look at the playlist for this video first (one unit), never a 409 from the server.
 */
export async function addToPlaylist(client: YouTubeClient, playlistId: string, videoId: string, position?: number): Promise<PlaylistMembership> {
  const [present] = await client.playlistItemsOfVideo(playlistId, videoId);
  if (present?.id) return { playlistId, itemId: present.id };
  const item = await client.insertPlaylistItem(playlistId, videoId, position);
  return { playlistId, itemId: item.id ?? null };
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
