import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { SUBMITTER_VIA_LINK } from './actor';
import { createNotice, parseNotice, noticeableStory } from './content-notices';
import { accessProof, isValidAccessProof } from './access-proof';
import { checkLink, type LinkProblem, type LinkSubject } from './link-access';
import { sendDataDownload } from './public-pages/data-download';
import { checkAccessCode, CODE_PROBLEMS, issueNewLink, NO_ADDRESS, sendAccessCode, tooManyRequests, type SendOutcome } from './personal-link';
import { personalData, recordAccess } from './personal-data';
import { noticeRateLimited } from './notice-limit';
import { isWithdrawalScope, withdrawConsent, WITHDRAWAL_SCOPES } from './withdrawal';

type Context = Parameters<Core.MiddlewareHandler>[0];

const bodyOf = (ctx: Context) => ((ctx.request as unknown as { body?: unknown }).body ?? {}) as Record<string, unknown>;

/** Strapi's error envelope, for statuses it has no error class for (409, 410) or whose message it hides (403). */
function refuse(ctx: Context, status: 403 | 409 | 410, name: string, message: string) {
  ctx.status = status;
  ctx.set('Cache-Control', 'no-store');
  ctx.body = { data: null, error: { status, name, message, details: {} } };
}

/** A 400 for a bad link goes through Strapi's error envelope; an expired or replaced one is 410. */
function refuseLink(ctx: Context, problem: LinkProblem) {
  if (problem.status === 400) {
    throw new errors.ValidationError(problem.message, { errors: [{ path: ['token'], message: problem.message, name: 'ValidationError' }] });
  }
  refuse(ctx, 410, 'GoneError', problem.message);
}

/** The link of the request, or null after answering why it cannot be used. */
async function linkOf(strapi: Core.Strapi, ctx: Context, token: unknown): Promise<LinkSubject | null> {
  const link = await checkLink(strapi, token);
  if ('problem' in link) {
    refuseLink(ctx, link.problem);
    return null;
  }
  return link.subject;
}

const GONE_STORY = 'Zu diesem Link sind keine Daten mehr gespeichert. / No data is stored for this link any more.';

const CODE_REQUIRED =
  'Um Ihre Daten zu sehen, brauchen Sie einen Code: POST /api/v1/consent/code schickt ihn an Ihre E-Mail-Adresse, POST /api/v1/consent/verify gibt dafür einen Nachweis (proof). / ' +
  'To see your data you need a code: POST /api/v1/consent/code mails it to you, POST /api/v1/consent/verify exchanges it for a proof.';

/** 202: the mail is queued in the outbox. */
function accepted(ctx: Context) {
  ctx.status = 202;
  ctx.set('Cache-Control', 'no-store');
  ctx.body = { data: { sent: true } };
}

/** Answers a request by mail that was not sent; false when it was sent. */
function refuseSend(ctx: Context, outcome: SendOutcome): boolean {
  if (outcome.status === 'sent') return false;
  if (outcome.status === 'gone') throw new errors.NotFoundError(GONE_STORY);
  if (outcome.status === 'limited') {
    ctx.set('Retry-After', String(outcome.retryAfterSeconds));
    throw new errors.RateLimitError(tooManyRequests(outcome.retryAfterSeconds));
  }
  refuse(ctx, 409, 'ConflictError', NO_ADDRESS);
  return true;
}

/**
 * The JSON side of the personal link (GET /api/v1/consent with a proof, POST /api/v1/consent/withdraw, …/code,
 * …/verify, …/link) and of "Inhalt melden"
 * (POST /api/v1/stories/:slug/reports), the plugin's `review` controller. Nothing here is cached: every answer
 * concerns one person or one content notice.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => ({
  /** The stored data, with the proof from /consent/verify for this link. */
  async consent(ctx: Context) {
    const token = ctx.query.token;
    const subject = await linkOf(strapi, ctx, token);
    if (!subject) return;
    if (!isValidAccessProof(strapi, ctx.query.proof, String(token), subject)) return refuse(ctx, 403, 'ForbiddenError', CODE_REQUIRED);
    const data = await personalData(strapi, subject.documentId);
    if (!data) throw new errors.NotFoundError(GONE_STORY);
    const download = ctx.query.format === 'download';
    await recordAccess(strapi, data, subject.documentId, SUBMITTER_VIA_LINK, download ? 'download' : 'api');
    if (download) return sendDataDownload(ctx, data);
    ctx.set('Cache-Control', 'no-store');
    ctx.body = { data };
  },

  async sendCode(ctx: Context) {
    const subject = await linkOf(strapi, ctx, bodyOf(ctx).token);
    if (!subject || refuseSend(ctx, await sendAccessCode(strapi, subject))) return;
    accepted(ctx);
  },

  async verifyCode(ctx: Context) {
    const body = bodyOf(ctx);
    const subject = await linkOf(strapi, ctx, body.token);
    if (!subject) return;
    const check = await checkAccessCode(strapi, subject, body.code);
    if (check === 'wrong') {
      const { message } = CODE_PROBLEMS.wrong;
      throw new errors.ValidationError(message, { errors: [{ path: ['code'], message, name: 'ValidationError' }] });
    }
    if (check === 'exhausted') throw new errors.RateLimitError(CODE_PROBLEMS.exhausted.message);
    if (check !== 'ok') return refuse(ctx, 410, 'GoneError', CODE_PROBLEMS[check].message);
    const { proof, expiresAt } = accessProof(strapi, String(body.token), subject);
    ctx.set('Cache-Control', 'no-store');
    ctx.body = { data: { proof, expiresAt: expiresAt.toISOString() } };
  },

  async newLink(ctx: Context) {
    const subject = await linkOf(strapi, ctx, bodyOf(ctx).token);
    if (!subject || refuseSend(ctx, await issueNewLink(strapi, subject.documentId, SUBMITTER_VIA_LINK))) return;
    accepted(ctx);
  },

  async withdraw(ctx: Context) {
    const body = bodyOf(ctx);
    const subject = await linkOf(strapi, ctx, body.token);
    if (!subject) return;
    if (!isWithdrawalScope(body.scope)) {
      const message = `scope must be one of ${WITHDRAWAL_SCOPES.join(', ')}`;
      throw new errors.ValidationError(message, { errors: [{ path: ['scope'], message, name: 'ValidationError' }] });
    }
    if (body.note !== undefined && body.note !== null && (typeof body.note !== 'string' || body.note.length > 2000)) {
      throw new errors.ValidationError('note must be text of at most 2000 characters', { errors: [{ path: ['note'], message: 'too long', name: 'ValidationError' }] });
    }
    const result = await withdrawConsent(strapi, { documentId: subject.documentId, scope: body.scope, note: body.note as string | undefined, actor: SUBMITTER_VIA_LINK });
    ctx.set('Cache-Control', 'no-store');
    ctx.body = { data: result };
  },

  async notice(ctx: Context) {
    const wait = await noticeRateLimited(strapi, ctx.req);
    if (wait !== null) {
      ctx.set('Retry-After', String(wait));
      throw new errors.RateLimitError(`Too many reports from this address; retry in ${wait} s.`);
    }
    const body = bodyOf(ctx);
    const story = await noticeableStory(strapi, String(ctx.params.slug ?? ''));
    const input = parseNotice(body);
    // The honeypot field is invisible to people; a bot that fills it is told "thank you" and nothing is stored.
    if (!body.website) await createNotice(strapi, story, input);
    ctx.status = 201;
    ctx.set('Cache-Control', 'no-store');
    ctx.body = { data: { received: true, story: story.slug } };
  },
});
