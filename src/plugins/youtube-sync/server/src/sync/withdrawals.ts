import type { Core } from '@strapi/strapi';
import { STORY_EVENTS, type StoryWithdrawn } from '../../../../../shared/events';
import { effectiveSettings } from '../config/settings';
import { enqueue } from '../sync-jobs/enqueue';
import { pluginConfig } from '../utils/plugin-config';
import { STATE } from './state';

/** Whether anything of the story may be on YouTube: it was published (a sync is due) or the sync has handled it. */
async function mayBeOnYouTube(strapi: Core.Strapi, documentId: string, wasPublished: boolean) {
  return wasPublished || (await strapi.db.query(STATE).count({ where: { storyDocumentId: documentId } })) > 0;
}

async function takedownText(strapi: Core.Strapi) {
  const { takedown } = await effectiveSettings(strapi, pluginConfig(strapi));
  return takedown === 'delete'
    ? 'Das YouTube-Video wird gelöscht (ein nur verlinktes, fremdes Video wird auf privat gestellt).'
    : 'Das YouTube-Video wird auf privat gestellt.';
}

/**
 * A withdrawal for everything or for YouTube takes the video down: the sync job is recorded in the withdrawal's
 * own transaction (the event's emit awaits this), the worker does the YouTube work later. A full withdrawal of a
 * published story has unpublished it through the Document Service, which recorded the job already (register.ts).
 */
export function subscribeToWithdrawals(strapi: Core.Strapi) {
  strapi.eventHub.on(STORY_EVENTS.withdrawn, async ({ documentId, scope, wasPublished, at, report }: StoryWithdrawn) => {
    if (scope !== 'all' && scope !== 'youtube') return;
    if (!(await mayBeOnYouTube(strapi, documentId, wasPublished))) return;
    if (scope === 'youtube' || !wasPublished) await enqueue(strapi, documentId, 'withdrawn', at);
    report(await takedownText(strapi));
  });
}
