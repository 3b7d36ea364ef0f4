import type { Core } from '@strapi/strapi';
import type { ReportRequest } from './filters';
import { scopeContext } from './figures';
import { storyUrl, youtubeUrl } from './links';
import { publishedStories } from './scope';
import { toDate, toNullableCount } from './values';
import { site } from './dependencies';

/**
 * Every published story in scope with its links, read in pages by id (keyset paging on the primary key: each page is
 * an index range, however far into the table), so an export of 100,000 stories never holds more than one page.
 */

export interface StoryListRow {
  documentId: string;
  title: string;
  slug: string;
  districtKey: string | null;
  district: string | null;
  statisticalRegion: string | null;
  themes: string[];
  project: string | null;
  editorialStatus: string | null;
  createdAt: Date | null;
  publishedAt: Date | null;
  syncStatus: string | null;
  youtubeVideoId: string | null;
  views: number | null;
  likes: number | null;
  comments: number | null;
  statsAt: Date | null;
  storyUrl: string;
  youtubeUrl: string | null;
}

const STORY_PAGE_SIZE = 1000;

export async function* storyPages(strapi: Core.Strapi, request: ReportRequest, pageSize = STORY_PAGE_SIZE): AsyncGenerator<StoryListRow[]> {
  const ctx = scopeContext(strapi, request);
  const { knex, t } = ctx;
  const s = t.stories.col;
  const ss = t.syncStates.col;
  const publicUrl = site(strapi).publicUrl();
  let after = 0;
  for (;;) {
    const rows = (await publishedStories(ctx)
      .leftJoin(`${t.storyRegion.table} as rl`, `rl.${t.storyRegion.story}`, `s.${s.id}`)
      .leftJoin(`${t.regions.table} as r`, `r.${t.regions.col.id}`, `rl.${t.storyRegion.target}`)
      .leftJoin(`${t.storyProject.table} as pl`, `pl.${t.storyProject.story}`, `s.${s.id}`)
      .leftJoin(`${t.projects.table} as p`, `p.${t.projects.col.id}`, `pl.${t.storyProject.target}`)
      .leftJoin(`${t.syncStates.table} as ss`, `ss.${ss.storyDocumentId}`, `s.${s.documentId}`)
      .where(`s.${s.id}`, '>', after)
      .select({
        id: `s.${s.id}`,
        documentId: `s.${s.documentId}`,
        title: `s.${s.title}`,
        slug: `s.${s.slug}`,
        storyVideoId: `s.${s.youtubeVideoId}`,
        editorialStatus: `s.${s.editorialStatus}`,
        createdAt: `s.${s.createdAt}`,
        publishedAt: `s.${s.publishedAt}`,
        districtKey: `r.${t.regions.col.key}`,
        district: `r.${t.regions.col.name}`,
        statisticalRegion: `r.${t.regions.col.statisticalRegion}`,
        project: `p.${t.projects.col.name}`,
        syncStatus: `ss.${ss.status}`,
        syncVideoId: `ss.${ss.youtubeVideoId}`,
        views: `ss.${ss.viewCount}`,
        likes: `ss.${ss.likeCount}`,
        comments: `ss.${ss.commentCount}`,
        statsAt: `ss.${ss.statsAt}`,
      })
      .orderBy(`s.${s.id}`, 'asc')
      .limit(pageSize)) as Record<string, unknown>[];
    if (rows.length === 0) return;
    const ids = rows.map((row) => Number(row.id));
    const themeRows = (await knex
      .from(`${t.storyThemes.table} as tl`)
      .join(`${t.themes.table} as th`, `th.${t.themes.col.id}`, `tl.${t.storyThemes.target}`)
      .whereIn(`tl.${t.storyThemes.story}`, ids)
      .select({ storyId: `tl.${t.storyThemes.story}`, name: `th.${t.themes.col.name}` })
      .orderBy([`tl.${t.storyThemes.story}`, ...(t.storyThemes.order ? [`tl.${t.storyThemes.order}`] : [])])) as { storyId: unknown; name: string }[];
    const themes = new Map<number, string[]>();
    for (const row of themeRows) {
      const id = Number(row.storyId);
      themes.set(id, [...(themes.get(id) ?? []), row.name]);
    }
    yield rows.map((row) => {
      const videoId = ((row.syncVideoId ?? row.storyVideoId) as string | null) ?? null;
      return {
        documentId: String(row.documentId),
        title: String(row.title),
        slug: String(row.slug),
        districtKey: (row.districtKey as string | null) ?? null,
        district: (row.district as string | null) ?? null,
        statisticalRegion: (row.statisticalRegion as string | null) ?? null,
        themes: themes.get(Number(row.id)) ?? [],
        project: (row.project as string | null) ?? null,
        editorialStatus: (row.editorialStatus as string | null) ?? null,
        createdAt: toDate(row.createdAt),
        publishedAt: toDate(row.publishedAt),
        syncStatus: (row.syncStatus as string | null) ?? null,
        youtubeVideoId: videoId,
        views: toNullableCount(row.views),
        likes: toNullableCount(row.likes),
        comments: toNullableCount(row.comments),
        statsAt: toDate(row.statsAt),
        storyUrl: storyUrl(publicUrl, String(row.slug)),
        youtubeUrl: youtubeUrl(videoId),
      };
    });
    after = ids[ids.length - 1];
  }
}
