import type { Core, Modules } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { currentActor, reviewNote } from './actor';
import { recordAudit } from './audit';
import { isEditorialStatus, refusedMove, type EditorialStatus } from './transitions';

const STORY = 'api::story.story';

interface StatusRow {
  editorialStatus: string | null;
  referenceNumber: string | null;
}

const draftOf = (strapi: Core.Strapi, documentId: string) =>
  strapi.db.query(STORY).findOne({ where: { documentId, publishedAt: null }, select: ['editorialStatus', 'referenceNumber'] }) as Promise<StatusRow | null>;

const isPublished = async (strapi: Core.Strapi, documentId: string) =>
  (await strapi.db.query(STORY).count({ where: { documentId, publishedAt: { $notNull: true } } })) > 0;

const noteDetails = () => {
  const note = reviewNote();
  return note ? { note } : {};
};

/** A new story enters the workflow; a submission records its own "submitted" entry (submissions service). */
async function recordCreation(strapi: Core.Strapi, created: { documentId?: string; editorialStatus?: string | null; referenceNumber?: string | null } | null) {
  if (!created?.documentId || !created.editorialStatus || created.editorialStatus === 'submitted') return;
  await recordAudit(strapi, {
    storyDocumentId: created.documentId,
    referenceNumber: created.referenceNumber,
    action: 'status_changed',
    fromStatus: null,
    toStatus: created.editorialStatus,
    ...currentActor(strapi),
    details: { created: true, ...noteDetails() },
  });
}

/**
 * A rejected story leaves the website and YouTube: the published version is taken down (the sync and removal hooks
 * see the unpublish like any other).
 */
async function applyStatus(strapi: Core.Strapi, documentId: string, to: EditorialStatus) {
  if (to !== 'rejected' || !(await isPublished(strapi, documentId))) return {};
  await strapi.documents(STORY).unpublish({ documentId });
  return { unpublished: true };
}

/**
 * "Discard changes" puts the published version back in place of the draft, and with it that version's status
 * (an editor who had moved a published story back to review gets "approved" again): recorded like any other change.
 */
async function discardDraft<T>(strapi: Core.Strapi, documentId: string, next: () => T): Promise<Awaited<T>> {
  const before = await draftOf(strapi, documentId);
  const result = await next();
  const after = await draftOf(strapi, documentId);
  if (before && after && before.editorialStatus !== after.editorialStatus) {
    await recordAudit(strapi, {
      storyDocumentId: documentId,
      referenceNumber: after.referenceNumber,
      action: 'status_changed',
      fromStatus: before.editorialStatus,
      toStatus: after.editorialStatus,
      ...currentActor(strapi),
      details: { discardedDraft: true },
    });
  }
  return result;
}

/**
 * Every change of a story's editorial status — from the review queue, the content manager, REST or code — passes
 * here: a move the workflow does not allow is refused with a message naming the field, an allowed one is
 * recorded in the audit trail (who, when, from → to).
 */
export function registerReviewMiddleware(strapi: Core.Strapi) {
  const middleware: Modules.Documents.Middleware.Middleware = async (context, next) => {
    if (context.uid !== STORY) return next();
    const params = context.params as { data?: Record<string, unknown>; documentId?: string };
    if (context.action === 'create') {
      const created = await next();
      await recordCreation(strapi, created as Parameters<typeof recordCreation>[1]);
      return created;
    }
    if (context.action === 'discardDraft' && params.documentId) return discardDraft(strapi, params.documentId, next);
    const to = params.data?.editorialStatus;
    if (context.action !== 'update' || !params.documentId || !isEditorialStatus(to)) return next();
    const current = await draftOf(strapi, params.documentId);
    const from = current && isEditorialStatus(current.editorialStatus) ? current.editorialStatus : null;
    if (!current || !from || from === to) return next();
    const refused = refusedMove(from, to);
    if (refused) throw new errors.ValidationError(refused, { errors: [{ path: ['editorialStatus'], message: refused, name: 'ValidationError' }] });
    const result = await next();
    const effects = await applyStatus(strapi, params.documentId, to);
    await recordAudit(strapi, {
      storyDocumentId: params.documentId,
      referenceNumber: current.referenceNumber,
      action: 'status_changed',
      fromStatus: from,
      toStatus: to,
      ...currentActor(strapi),
      details: { ...noteDetails(), ...effects },
    });
    return result;
  };
  strapi.documents.use(middleware);
}
