import type { Core } from '@strapi/strapi';
import type { PluginConfig } from '../config';
import { PLAYLIST, STATE, type PlaylistMembership } from '../sync/state';
import { playlistUrl } from './video-links';

const PAGE = 1000;
const KIND_ORDER = ['channel', 'region', 'theme', 'project'];

export interface PlaylistView {
  key: string;
  kind: string;
  title: string;
  url: string | null;
  videos: number;
}

/** Videos per playlist as the plugin put them there (from each story's sync state; no YouTube call). */
async function membershipCounts(strapi: Core.Strapi): Promise<Map<string, number>> {
  const counts = new Map<string, number>();
  for (let offset = 0; ; offset += PAGE) {
    const rows = (await strapi.db.query(STATE).findMany({ select: ['playlistItems'], orderBy: { id: 'asc' }, offset, limit: PAGE })) as {
      playlistItems: Record<string, PlaylistMembership> | null;
    }[];
    for (const row of rows) for (const key of Object.keys(row.playlistItems ?? {})) counts.set(key, (counts.get(key) ?? 0) + 1);
    if (rows.length < PAGE) return counts;
  }
}

export async function playlistsView(strapi: Core.Strapi, config: PluginConfig): Promise<PlaylistView[]> {
  const [rows, counts] = await Promise.all([
    strapi.db.query(PLAYLIST).findMany({ select: ['key', 'title', 'youtubePlaylistId'] }) as Promise<{ key: string; title: string | null; youtubePlaylistId: string | null }[]>,
    membershipCounts(strapi),
  ]);
  const kind = (key: string) => key.split(':')[0];
  return rows
    .map((row) => ({
      key: row.key,
      kind: kind(row.key),
      title: row.title ?? row.key,
      url: row.youtubePlaylistId ? playlistUrl(config, row.youtubePlaylistId) : null,
      videos: counts.get(row.key) ?? 0,
    }))
    .sort((a, b) => KIND_ORDER.indexOf(a.kind) - KIND_ORDER.indexOf(b.kind) || a.title.localeCompare(b.title, 'de'));
}
