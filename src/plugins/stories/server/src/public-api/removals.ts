import type { Core } from '@strapi/strapi';

export interface Removal {
  storyDocumentId: string;
  slug: string | null;
  reason: 'unpublished' | 'deleted' | 'consent_withdrawn';
  removedAt: Date;
}

/** Partners that cached a story learn of its removal from these rows (GDPR Art. 17(2)). */
export async function recordRemoval(strapi: Core.Strapi, removal: Removal) {
  await strapi.db.query('plugin::stories.removal').create({ data: { ...removal, removedAt: removal.removedAt.toISOString() } });
}
