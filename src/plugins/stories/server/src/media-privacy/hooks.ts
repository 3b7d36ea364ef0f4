import type { Core, Modules } from '@strapi/strapi';
import { runtimeOf } from '../public-api/runtime';
import { STORY_UID } from '../public-api/tables';
import { filesOfStory, placeFiles } from './story-media';
import type { FileRow } from './moves';

/**
 * Files follow their story: after every change of a story through the Document Service — publish, unpublish,
 * save, discard, delete, from the admin, REST or code — each file the story held before or holds now is moved to
 * where it belongs (public while a visible story shows it, private otherwise). Moving waits for the commit, so it
 * never acts on a change that is rolled back; when files moved, the public API's cache generation moves too, so no
 * instance serves an answer with their old addresses.
 */

const WATCHED_ACTIONS = new Set(['create', 'update', 'delete', 'publish', 'unpublish', 'discardDraft']);

async function place(strapi: Core.Strapi, files: FileRow[]) {
  const moved = await placeFiles(strapi, files);
  const runtime = runtimeOf(strapi);
  if (moved && runtime.started) await runtime.contentChanged();
}

/** Moves started after a commit and not finished yet, per instance. */
const running = new WeakMap<Core.Strapi, Set<Promise<void>>>();

/** Resolves once every move started so far has finished (a shutdown, or a test that puts files in place itself). */
export async function movesSettled(strapi: Core.Strapi): Promise<void> {
  await Promise.all([...(running.get(strapi) ?? [])]);
}

/** Runs once the surrounding transaction (if any) has committed; without one, before the caller goes on. */
async function afterCommit(strapi: Core.Strapi, work: () => Promise<void>) {
  const run = () => {
    let moves = running.get(strapi);
    if (!moves) running.set(strapi, (moves = new Set()));
    const started = moves;
    const done: Promise<void> = work()
      .catch((error: Error) => {
        strapi.log.error(`Private media: could not move the files of a changed story: ${error.stack ?? error.message}`);
      })
      .finally(() => started.delete(done));
    started.add(done);
    return done;
  };
  if (!strapi.db.inTransaction()) return run();
  await strapi.db.transaction(async ({ onCommit }) => {
    onCommit(() => void run());
  });
}

/** Re-places every file of the story, e.g. after its consent changed below the Document Service. */
export const storyVisibilityChanged = (strapi: Core.Strapi, documentId: string) =>
  afterCommit(strapi, async () => place(strapi, await filesOfStory(strapi, documentId)));

/** Called from the plugin's register(), after the public API's middleware so moves finish inside its bookkeeping. */
export function registerMediaPrivacyMiddleware(strapi: Core.Strapi) {
  const middleware: Modules.Documents.Middleware.Middleware = async (context, next) => {
    if (context.uid !== STORY_UID || !WATCHED_ACTIONS.has(context.action)) return next();
    const documentId = (context.params as { documentId?: string }).documentId;
    const before = documentId ? await filesOfStory(strapi, documentId) : [];
    const result = await next();
    const changed = documentId ?? (result as { documentId?: string } | null)?.documentId;
    await afterCommit(strapi, async () => {
      const now = changed ? await filesOfStory(strapi, changed) : [];
      const ids = new Set(now.map((f) => f.id));
      await place(strapi, [...now, ...before.filter((f) => !ids.has(f.id))]);
    });
    return result;
  };
  strapi.documents.use(middleware);
}
