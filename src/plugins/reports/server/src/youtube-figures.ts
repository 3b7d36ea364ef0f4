import { publishedStories, type ScopeContext } from './scope';
import { toCount, toDate } from './values';

/**
 * What the channel says about the stories in scope, as the scheduled reconciliation last pulled it into the sync
 * state (views, likes, comments per video), and which stories YouTube sync failed for.
 */

export interface YouTubeTotals {
  views: number;
  likes: number;
  comments: number;
  storiesWithVideo: number;
  storiesWithStats: number;
  /** When the newest counts were pulled; null when the reconciliation never ran. */
  statsAt: Date | null;
}

export interface TopStory {
  title: string;
  slug: string;
  district: string | null;
  youtubeVideoId: string | null;
  views: number;
  likes: number;
  comments: number;
}

export interface SyncFailure {
  title: string;
  slug: string;
  district: string | null;
  youtubeVideoId: string | null;
  lastError: string | null;
  failedAt: Date | null;
}

/** Failures are listed up to this many (the newest first); the count is always complete. */
export const SYNC_FAILURE_LIST_LIMIT = 1000;
export const TOP_STORIES = 10;

function withState(ctx: ScopeContext) {
  const { t } = ctx;
  return publishedStories(ctx).join(`${t.syncStates.table} as ss`, `ss.${t.syncStates.col.storyDocumentId}`, `s.${t.stories.col.documentId}`);
}

function withDistrict(ctx: ScopeContext) {
  const { t } = ctx;
  return withState(ctx)
    .leftJoin(`${t.storyRegion.table} as rl`, `rl.${t.storyRegion.story}`, `s.${t.stories.col.id}`)
    .leftJoin(`${t.regions.table} as r`, `r.${t.regions.col.id}`, `rl.${t.storyRegion.target}`);
}

export async function youtubeTotals(ctx: ScopeContext): Promise<YouTubeTotals> {
  const { knex } = ctx;
  const c = ctx.t.syncStates.col;
  const [row] = (await withState(ctx).select(
    knex.raw('SUM(??) as views, SUM(??) as likes, SUM(??) as comments', [`ss.${c.viewCount}`, `ss.${c.likeCount}`, `ss.${c.commentCount}`]),
    knex.raw('COUNT(??) as with_video, COUNT(??) as with_stats, MAX(??) as stats_at', [`ss.${c.youtubeVideoId}`, `ss.${c.statsAt}`, `ss.${c.statsAt}`])
  )) as Record<string, unknown>[];
  return {
    views: toCount(row?.views),
    likes: toCount(row?.likes),
    comments: toCount(row?.comments),
    storiesWithVideo: toCount(row?.with_video),
    storiesWithStats: toCount(row?.with_stats),
    statsAt: toDate(row?.stats_at),
  };
}

export async function topStories(ctx: ScopeContext): Promise<TopStory[]> {
  const { t } = ctx;
  const c = t.syncStates.col;
  const rows = (await withDistrict(ctx)
    .whereNotNull(`ss.${c.viewCount}`)
    .select({
      title: `s.${t.stories.col.title}`,
      slug: `s.${t.stories.col.slug}`,
      district: `r.${t.regions.col.name}`,
      youtubeVideoId: `ss.${c.youtubeVideoId}`,
      views: `ss.${c.viewCount}`,
      likes: `ss.${c.likeCount}`,
      comments: `ss.${c.commentCount}`,
    })
    .orderBy(`ss.${c.viewCount}`, 'desc')
    .orderBy(`s.${t.stories.col.id}`, 'asc')
    .limit(TOP_STORIES)) as Record<string, unknown>[];
  return rows.map((row) => ({
    title: String(row.title),
    slug: String(row.slug),
    district: (row.district as string | null) ?? null,
    youtubeVideoId: (row.youtubeVideoId as string | null) ?? null,
    views: toCount(row.views),
    likes: toCount(row.likes),
    comments: toCount(row.comments),
  }));
}

export async function syncFailures(ctx: ScopeContext): Promise<{ total: number; rows: SyncFailure[] }> {
  const { t } = ctx;
  const c = t.syncStates.col;
  const failed = () => withDistrict(ctx).where(`ss.${c.status}`, 'failed');
  const [count] = await failed().count({ n: '*' });
  const rows = (await failed()
    .select({
      title: `s.${t.stories.col.title}`,
      slug: `s.${t.stories.col.slug}`,
      district: `r.${t.regions.col.name}`,
      youtubeVideoId: `ss.${c.youtubeVideoId}`,
      lastError: `ss.${c.lastError}`,
      failedAt: `ss.${c.updatedAt}`,
    })
    .orderBy(`ss.${c.updatedAt}`, 'desc')
    .orderBy(`s.${t.stories.col.id}`, 'asc')
    .limit(SYNC_FAILURE_LIST_LIMIT)) as Record<string, unknown>[];
  return {
    total: toCount(count.n),
    rows: rows.map((row) => ({
      title: String(row.title),
      slug: String(row.slug),
      district: (row.district as string | null) ?? null,
      youtubeVideoId: (row.youtubeVideoId as string | null) ?? null,
      lastError: (row.lastError as string | null) ?? null,
      failedAt: toDate(row.failedAt),
    })),
  };
}
