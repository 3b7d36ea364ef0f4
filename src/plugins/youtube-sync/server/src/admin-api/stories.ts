import type { Core } from '@strapi/strapi';

const STORY = 'api::story.story';

/** Titles of stories by document id (the published version's when there is one), for lists of jobs. */
export async function storyTitles(strapi: Core.Strapi, documentIds: string[]): Promise<Map<string, string>> {
  if (documentIds.length === 0) return new Map();
  const rows = (await strapi.db.query(STORY).findMany({
    where: { documentId: { $in: [...new Set(documentIds)] } },
    select: ['documentId', 'title', 'publishedAt'],
  })) as { documentId: string; title: string; publishedAt: string | null }[];
  const titles = new Map<string, string>();
  for (const row of rows) if (row.publishedAt || !titles.has(row.documentId)) titles.set(row.documentId, row.title);
  return titles;
}

export const countPublishedStories = (strapi: Core.Strapi) => strapi.db.query(STORY).count({ where: { publishedAt: { $notNull: true } } });

export async function isPublished(strapi: Core.Strapi, documentId: string) {
  return (await strapi.db.query(STORY).count({ where: { documentId, publishedAt: { $notNull: true } } })) > 0;
}

export async function storyExists(strapi: Core.Strapi, documentId: string) {
  return (await strapi.db.query(STORY).count({ where: { documentId } })) > 0;
}

/** Document ids of published stories, a page at a time, in a stable order. */
export async function publishedStoryIds(strapi: Core.Strapi, offset: number, limit: number): Promise<string[]> {
  const rows = (await strapi.db.query(STORY).findMany({
    where: { publishedAt: { $notNull: true } },
    select: ['documentId'],
    orderBy: { id: 'asc' },
    offset,
    limit,
  })) as { documentId: string }[];
  return rows.map((r) => r.documentId);
}

export async function recentlyPublished(strapi: Core.Strapi, limit: number) {
  return (await strapi.db.query(STORY).findMany({
    where: { publishedAt: { $notNull: true } },
    select: ['documentId', 'title'],
    orderBy: { publishedAt: 'desc' },
    limit,
  })) as { documentId: string; title: string }[];
}
