import type { Core, Modules } from '@strapi/strapi';
import type { Knex } from 'knex';
import { recordRemoval } from '../sync/removals';
import { registerPartnerKeyMiddleware } from './partner-keys';
import { PublicQueries } from './query';
import { runtimeOf, type PublicApiRuntime } from './runtime';
import { refreshSearchEntry } from './search-index';
import { PLAYLIST_UID, PROJECT_UID, REGION_UID, REMOVAL_UID, STORY_UID, SYNC_STATE_UID, THEME_UID } from './tables';

/**
 * Keeps the public API honest about changes: every change of a story, region, project or theme — from the admin,
 * REST or code — refreshes the story's search entry and moves the cache generation once the change is committed.
 * A published story that loses its consent becomes a removal partners can see.
 */

const WATCHED_TYPES = new Set([STORY_UID, REGION_UID, PROJECT_UID, THEME_UID]);
const WATCHED_ACTIONS = new Set(['create', 'update', 'delete', 'publish', 'unpublish', 'discardDraft']);

/** Runs `work` once the surrounding transaction (if any) has committed: other instances must see the change first. */
async function afterCommit(strapi: Core.Strapi, work: () => Promise<void>) {
  const run = () => {
    const done = work().catch((error: Error) => {
      strapi.log.error(`Public API: could not apply a content change: ${error.stack ?? error.message}`);
    });
    runtimeOf(strapi).track(done);
    return done;
  };
  if (!strapi.db.inTransaction()) return run();
  await strapi.db.transaction(async ({ onCommit }) => {
    onCommit(() => void run());
  });
}

/** A read that joins the caller's transaction when there is one (SQLite has a single connection to wait for). */
async function readInContext<T>(strapi: Core.Strapi, read: (knex: Knex) => Promise<T>): Promise<T> {
  if (!strapi.db.inTransaction()) return read(strapi.db.connection);
  return strapi.db.transaction(({ trx }) => read(trx));
}

const visibleNow = (strapi: Core.Strapi, runtime: PublicApiRuntime, documentId: string) =>
  readInContext(strapi, (knex) => new PublicQueries(knex, runtime.tables).isVisible(documentId));

/** Once committed: the story's search entry, a removal if it was visible and is not anymore, and a new generation. */
async function storyChanged(strapi: Core.Strapi, runtime: PublicApiRuntime, documentId: string, wasVisible: boolean) {
  await afterCommit(strapi, async () => {
    await refreshSearchEntry(runtime.knex, runtime.tables, documentId);
    if (wasVisible && !(await runtime.queries.isVisible(documentId))) {
      const s = runtime.tables.stories;
      const row = await runtime.knex(s.table).where(s.col.documentId, documentId).first({ slug: s.col.slug });
      await recordRemoval(strapi, { storyDocumentId: documentId, slug: row?.slug ?? null, reason: 'consent_withdrawn', removedAt: new Date() });
    }
    await runtime.contentChanged();
  });
}

function registerContentMiddleware(strapi: Core.Strapi) {
  const middleware: Modules.Documents.Middleware.Middleware = async (context, next) => {
    if (!WATCHED_TYPES.has(context.uid) || !WATCHED_ACTIONS.has(context.action)) return next();
    const runtime = runtimeOf(strapi);
    if (!runtime.started) return next();
    const documentId = (context.params as { documentId?: string }).documentId;
    const isStory = context.uid === STORY_UID;
    const wasVisible = isStory && context.action === 'publish' && documentId ? await visibleNow(strapi, runtime, documentId) : false;
    const result = await next();
    const changed = documentId ?? (result as { documentId?: string } | null)?.documentId;
    if (isStory && changed) await storyChanged(strapi, runtime, changed, wasVisible);
    else await afterCommit(strapi, () => runtime.contentChanged());
    return result;
  };
  strapi.documents.use(middleware);
}

/**
 * For a consent change written below the Document Service (the withdrawal service updates the consent record of
 * every version of a story at once): the same bookkeeping as a change through it, a removal when the story stops
 * being visible, and a new cache generation so no instance serves it (or its video) any longer.
 */
export async function applyConsentChange(strapi: Core.Strapi, documentId: string, change: () => Promise<void>) {
  const runtime = runtimeOf(strapi);
  if (!runtime.started) return change();
  const wasVisible = await visibleNow(strapi, runtime, documentId);
  await change();
  await storyChanged(strapi, runtime, documentId, wasVisible);
}

/**
 * What the public sees also depends on rows the sync worker writes directly (the video id and its privacy on
 * YouTube, the playlists) and on removal records; those go through the query engine, so database lifecycles see them.
 */
export function watchSyncedRows(strapi: Core.Strapi) {
  const relevant: Record<string, string[]> = {
    [SYNC_STATE_UID]: ['youtubeVideoId', 'privacyStatus', 'status'],
    [PLAYLIST_UID]: ['youtubePlaylistId', 'title'],
    [REMOVAL_UID]: [],
  };
  const changed = (event: { model: { uid: string }; params?: { data?: Record<string, unknown> } }) => {
    const fields = relevant[event.model.uid];
    const data = event.params?.data;
    // An update that touches only bookkeeping (upload progress, sync times) changes nothing the public sees.
    if (data && fields.length && !fields.some((f) => f in data)) return;
    void afterCommit(strapi, () => runtimeOf(strapi).contentChanged());
  };
  strapi.db.lifecycles.subscribe({
    models: Object.keys(relevant),
    afterCreate: changed,
    afterCreateMany: changed,
    afterUpdate: changed,
    afterUpdateMany: changed,
    afterDelete: changed,
    afterDeleteMany: changed,
  });
}

/** Called from the plugin's register(): the Document Service middlewares of the public API. */
export function registerPublicApiHooks(strapi: Core.Strapi) {
  registerContentMiddleware(strapi);
  registerPartnerKeyMiddleware(strapi, () => {
    const runtime = runtimeOf(strapi);
    if (runtime.started) runtime.keys.forget();
  });
}
