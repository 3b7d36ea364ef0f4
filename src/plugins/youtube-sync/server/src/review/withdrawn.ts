import type { Core } from '@strapi/strapi';

/** Whether the story's consent was withdrawn for everything: its removal is then reported as `consent_withdrawn`. */
export async function isWithdrawn(strapi: Core.Strapi, documentId: string): Promise<boolean> {
  return (await strapi.db.query('api::story.story').count({ where: { documentId, editorialStatus: 'withdrawn' } })) > 0;
}
