import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { withReviewContext } from './actor';
import type { Actor } from './audit';
import { EDITORIAL_STATUSES, isEditorialStatus, STATUS_LABELS } from './transitions';

const STORY = 'api::story.story';

/**
 * An editor moves a story on in the workflow from the review queue. The change goes through the Document Service
 * like one made in the content manager, so the review middleware checks the move and records it (with the note).
 */
export async function changeStatus(strapi: Core.Strapi, request: { documentId: string; to: unknown; note?: string | null; actor: Actor }) {
  const { documentId, to } = request;
  if (!isEditorialStatus(to)) {
    throw new errors.ValidationError(`to must be one of ${EDITORIAL_STATUSES.join(', ')}`, { errors: [{ path: ['to'], message: 'unknown status', name: 'ValidationError' }] });
  }
  const draft = await strapi.db.query(STORY).findOne({ where: { documentId, publishedAt: null }, select: ['editorialStatus'] });
  if (!draft) throw new errors.NotFoundError(`There is no story ${documentId}.`);
  if (draft.editorialStatus === to) throw new errors.ValidationError(`Der Redaktionsstatus ist bereits „${STATUS_LABELS[to]}“.`);
  const note = request.note?.trim() || null;
  await withReviewContext({ actor: request.actor, note }, () => strapi.documents(STORY).update({ documentId, data: { editorialStatus: to } as never }));
}
