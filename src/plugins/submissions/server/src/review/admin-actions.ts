import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { editorActor } from './actor';
import { closeNotice, listNotices } from './content-notices';
import { NOTICE_STATUSES, type NoticeStatus } from '../../../../../shared/review';
import { issueNewLink } from './personal-link';
import { parseQueueFilter, reviewDetail, reviewQueue } from './submission-list';
import { changeStatus } from './status-change';
import { isWithdrawalScope, withdrawConsent, WITHDRAWAL_SCOPES } from './withdrawal';

type Context = Parameters<Core.MiddlewareHandler>[0];

const documentIdParam = (ctx: Context) => {
  const id = String(ctx.params.documentId ?? '');
  if (!/^[a-z0-9]{1,64}$/i.test(id)) throw new errors.ValidationError('documentId must be a story document id');
  return id;
};

const bodyOf = (ctx: Context) => ((ctx.request as unknown as { body?: unknown }).body ?? {}) as Record<string, unknown>;

const noteOf = (body: Record<string, unknown>) => {
  if (body.note === undefined || body.note === null) return null;
  if (typeof body.note !== 'string' || body.note.length > 2000) throw new errors.ValidationError('note must be text of at most 2000 characters');
  return body.note;
};

const editor = (ctx: Context) => editorActor(ctx.state.user as Parameters<typeof editorActor>[0]);

/** The admin routes of the review queue: parse, call one review service, answer. */
export const reviewAdminController = (strapi: Core.Strapi) => ({
  async queue(ctx: Context) {
    ctx.body = await reviewQueue(strapi, parseQueueFilter(ctx.query as Record<string, unknown>));
  },

  async detail(ctx: Context) {
    ctx.body = { data: await reviewDetail(strapi, documentIdParam(ctx)) };
  },

  async changeStatus(ctx: Context) {
    const documentId = documentIdParam(ctx);
    const body = bodyOf(ctx);
    await changeStatus(strapi, { documentId, to: body.to, note: noteOf(body), actor: editor(ctx) });
    ctx.body = { data: await reviewDetail(strapi, documentId) };
  },

  async withdraw(ctx: Context) {
    const documentId = documentIdParam(ctx);
    const body = bodyOf(ctx);
    if (!isWithdrawalScope(body.scope)) throw new errors.ValidationError(`scope must be one of ${WITHDRAWAL_SCOPES.join(', ')}`);
    const result = await withdrawConsent(strapi, { documentId, scope: body.scope, note: noteOf(body), actor: editor(ctx) });
    ctx.body = { data: await reviewDetail(strapi, documentId), meta: { withdrawal: result } };
  },

  /** Mails the submitter a new personal link (to the stored address, never shown); every older link stops working. */
  async newPersonalLink(ctx: Context) {
    const documentId = documentIdParam(ctx);
    const outcome = await issueNewLink(strapi, documentId, editor(ctx));
    if (outcome.status === 'gone') throw new errors.NotFoundError(`Es gibt keine Geschichte mit der Kennung ${documentId}.`);
    if (outcome.status === 'no_address') throw new errors.ValidationError('Zu dieser Einreichung ist keine E-Mail-Adresse gespeichert: Ein neuer Link kann nicht verschickt werden.');
    ctx.body = { data: { sent: true } };
  },

  async notices(ctx: Context) {
    const status = ctx.query.status;
    if (status !== undefined && status !== '' && !NOTICE_STATUSES.includes(status as NoticeStatus)) {
      throw new errors.ValidationError(`status must be one of ${NOTICE_STATUSES.join(', ')}`);
    }
    ctx.body = { data: await listNotices(strapi, { status: (status || undefined) as NoticeStatus | undefined }) };
  },

  async closeNotice(ctx: Context) {
    const id = Number(ctx.params.id);
    if (!Number.isInteger(id) || id < 1) throw new errors.ValidationError('id must be a content notice id');
    ctx.body = { data: await closeNotice(strapi, id, bodyOf(ctx).status, editor(ctx)) };
  },
});
