import { AsyncLocalStorage } from 'async_hooks';
import type { Core, Modules } from '@strapi/strapi';
import type { Knex } from 'knex';
import { recordRemoval } from './removals';
import { registerPartnerKeyMiddleware } from './partner-keys';
import { PublicQueries } from './query';
import { runtimeOf, type PublicApiRuntime } from './runtime';
import { refreshSearchEntry } from './search-index';
import { PROJECT_UID, REGION_UID, REMOVAL_UID, STORY_UID, THEME_UID } from './tables';
import { videoSourceOf } from './video-source';

/**
 * Keeps the public API honest about changes: every change of a story, region, project or theme — from the admin,
 * REST or code — moves the cache generation once the change is committed and refreshes the story's search entry.
 * A story the public saw and no longer sees becomes a removal partners can see; a story that was never public
 * never does.
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

const shownAsNow = (strapi: Core.Strapi, runtime: PublicApiRuntime, documentId: string) =>
  readInContext(strapi, (knex) => new PublicQueries(knex, runtime.tables).visibleSlug(documentId));

/**
 * The stories whose change is under way in this async context. A change often makes nested ones (rejecting a
 * published story unpublishes it, a withdrawal unpublishes it): only the outermost compares what the public saw
 * before with what it sees after, so one disappearance is one removal.
 */
const changesUnderWay = new AsyncLocalStorage<ReadonlySet<string>>();

async function asOutermostChange<T>(documentId: string | undefined, run: (outermost: boolean) => Promise<T>): Promise<T> {
  const open = changesUnderWay.getStore() ?? new Set<string>();
  if (!documentId || open.has(documentId)) return run(false);
  return changesUnderWay.run(new Set([...open, documentId]), () => run(true));
}

type StoryAction = 'create' | 'update' | 'delete' | 'publish' | 'unpublish' | 'discardDraft' | 'consent';

interface StoryChange {
  documentId: string;
  action: StoryAction;
  /** The slug the public saw before the change; null when the story was not public or a nested change. */
  shownAs: string | null;
}

/** A removal partners can see, when the public saw the story before the change and does not anymore. */
async function recordRemovalIfHidden(strapi: Core.Strapi, runtime: PublicApiRuntime, change: StoryChange) {
  if (change.shownAs === null) return;
  const queries = (knex: Knex) => new PublicQueries(knex, runtime.tables);
  if (await readInContext(strapi, (knex) => queries(knex).isVisible(change.documentId))) return;
  const withdrawn = await readInContext(strapi, (knex) => queries(knex).withdrawnForWebsite(change.documentId));
  const reason = change.action === 'delete' ? 'deleted' : withdrawn ? 'consent_withdrawn' : 'unpublished';
  await recordRemoval(strapi, { storyDocumentId: change.documentId, slug: change.shownAs, reason, removedAt: new Date() });
}

/** Bookkeeping after a commit that must not keep the cache generation from moving: a failure is logged, not thrown. */
async function bookkeeping(strapi: Core.Strapi, what: string, change: StoryChange, work: () => Promise<void>) {
  try {
    await work();
  } catch (error) {
    const { stack, message } = error as Error;
    strapi.log.error(`Public API: could not ${what} of story ${change.documentId} after its ${change.action}: ${stack ?? message}`);
  }
}

/**
 * Inside the caller's transaction the removal is part of it: it commits with the change or not at all. Once
 * committed, this instance drops its answers at once, the search entry (and a removal written after a change that
 * had its own transaction) follow, and the cache generation moves for every instance — also when that bookkeeping
 * failed, because the commit already changed what the public may see.
 */
async function storyChanged(strapi: Core.Strapi, runtime: PublicApiRuntime, change: StoryChange) {
  const inTransaction = strapi.db.inTransaction();
  if (inTransaction) await recordRemovalIfHidden(strapi, runtime, change);
  await afterCommit(strapi, async () => {
    runtime.forgetAnswers();
    if (!inTransaction) await bookkeeping(strapi, 'record the removal', change, () => recordRemovalIfHidden(strapi, runtime, change));
    await bookkeeping(strapi, 'refresh the search entry', change, () => refreshSearchEntry(runtime.knex, runtime.tables, change.documentId));
    await runtime.contentChanged();
  });
}

/** Runs a change of a story and, once it is committed, its bookkeeping and a new cache generation. */
async function changeStory<T>(strapi: Core.Strapi, documentId: string | undefined, action: StoryAction, change: () => Promise<T>): Promise<T> {
  const runtime = runtimeOf(strapi);
  return asOutermostChange(documentId, async (outermost) => {
    const shownAs = outermost && documentId ? await shownAsNow(strapi, runtime, documentId) : null;
    const result = await change();
    const changed = documentId ?? (result as { documentId?: string } | null)?.documentId;
    if (changed) await storyChanged(strapi, runtime, { documentId: changed, action, shownAs });
    else await afterCommit(strapi, () => runtime.contentChanged());
    return result;
  });
}

function registerContentMiddleware(strapi: Core.Strapi) {
  const middleware: Modules.Documents.Middleware.Middleware = async (context, next) => {
    if (!WATCHED_TYPES.has(context.uid) || !WATCHED_ACTIONS.has(context.action)) return next();
    const runtime = runtimeOf(strapi);
    if (!runtime.started) return next();
    if (context.uid !== STORY_UID) {
      const result = await next();
      await afterCommit(strapi, () => runtime.contentChanged());
      return result;
    }
    const documentId = (context.params as { documentId?: string }).documentId;
    return changeStory(strapi, documentId, context.action as StoryAction, async () => next());
  };
  strapi.documents.use(middleware);
}

/**
 * For a consent change written below the Document Service (the withdrawal service updates the consent record of
 * every version of a story at once, and may unpublish it too): the same bookkeeping as a change through it — a
 * removal when the story stops being visible, and a new cache generation so no instance serves it (or its video)
 * any longer.
 */
export async function applyConsentChange(strapi: Core.Strapi, documentId: string, change: () => Promise<void>) {
  if (!runtimeOf(strapi).started) return change();
  await changeStory(strapi, documentId, 'consent', change);
}

/**
 * What the public sees also depends on rows the sync worker writes directly (the video id and its privacy on
 * YouTube, the playlists) and on removal records; those go through the query engine, so database lifecycles see them.
 */
export function watchSyncedRows(strapi: Core.Strapi) {
  const { videoStateUid, playlistUid } = videoSourceOf(strapi);
  const relevant: Record<string, string[]> = {
    [videoStateUid]: ['youtubeVideoId', 'privacyStatus', 'status'],
    [playlistUid]: ['youtubePlaylistId', 'title'],
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
