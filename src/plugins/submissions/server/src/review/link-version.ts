import type { Core } from '@strapi/strapi';

/**
 * The current version of a story's personal link. Every link carries the version it was issued with; issuing a new
 * link raises the version, and every link with a lower one is replaced. Stored per story in a plugin table (not on
 * the story, whose draft and published rows would both need it and whose changes trigger the sync): no row means
 * version 0, the version of links sent before links could be replaced.
 */

export const PERSONAL_LINK = 'plugin::submissions.personal-link';

const links = (strapi: Core.Strapi) => strapi.db.query(PERSONAL_LINK);

export async function currentLinkVersion(strapi: Core.Strapi, documentId: string): Promise<number> {
  const row = (await links(strapi).findOne({ where: { storyDocumentId: documentId }, select: ['version'] })) as { version: number } | null;
  return row?.version ?? 0;
}

/**
 * Raises the story's link version by one and returns it. A compare-and-set on the version (and the unique index on
 * the story for the first row) makes two concurrent requests yield two different versions, never the same one
 * twice; the loser of a race for the first row fails on the index (inside a PostgreSQL transaction nothing can
 * follow that) and its request is answered with an error, to be tried again.
 */
export async function raiseLinkVersion(strapi: Core.Strapi, documentId: string, now = new Date()): Promise<number> {
  for (let attempt = 0; attempt < 5; attempt++) {
    const row = (await links(strapi).findOne({ where: { storyDocumentId: documentId } })) as { id: number; version: number } | null;
    if (!row) {
      await links(strapi).create({ data: { storyDocumentId: documentId, version: 1, issuedAt: now.toISOString() } });
      return 1;
    }
    const { count } = await links(strapi).updateMany({
      where: { id: row.id, version: row.version },
      data: { version: row.version + 1, issuedAt: now.toISOString() },
    });
    if (count === 1) return row.version + 1;
  }
  throw new Error(`Story ${documentId}: the personal link could not be renewed (five concurrent changes in a row).`);
}
