import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { SUBMITTER_VIA_LINK } from './actor';
import { createReport, parseReport, reportableStory } from './content-reports';
import { checkLink, type LinkProblem } from './link-access';
import { personalData, recordAccess } from './personal-data';
import { reportRateLimited } from './report-limit';
import { isWithdrawalScope, withdrawConsent, WITHDRAWAL_SCOPES } from './withdrawal';

type Context = Parameters<Core.MiddlewareHandler>[0];

const bodyOf = (ctx: Context) => ((ctx.request as unknown as { body?: unknown }).body ?? {}) as Record<string, unknown>;

/** A 400 for a bad link goes through Strapi's error envelope; an expired one is 410, which Strapi has no error class for. */
function refuseLink(ctx: Context, problem: LinkProblem) {
  if (problem.status === 400) {
    throw new errors.ValidationError(problem.message, { errors: [{ path: ['token'], message: problem.message, name: 'ValidationError' }] });
  }
  ctx.status = 410;
  ctx.set('Cache-Control', 'no-store');
  ctx.body = { data: null, error: { status: 410, name: 'GoneError', message: problem.message, details: {} } };
}

const GONE_STORY = 'Zu diesem Link sind keine Daten mehr gespeichert. / No data is stored for this link any more.';

/**
 * The JSON side of the personal link (GET /api/v1/consent, POST /api/v1/consent/withdraw) and of "Inhalt melden"
 * (POST /api/v1/stories/:slug/reports), the plugin's `review` controller. Nothing here is cached: every answer
 * concerns one person or one report.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => ({
  async consent(ctx: Context) {
    const link = checkLink(strapi, ctx.query.token);
    if ('problem' in link) return refuseLink(ctx, link.problem);
    const data = await personalData(strapi, link.subject.documentId);
    if (!data) throw new errors.NotFoundError(GONE_STORY);
    const download = ctx.query.format === 'download';
    await recordAccess(strapi, data, link.subject.documentId, SUBMITTER_VIA_LINK, download ? 'download' : 'api');
    ctx.set('Cache-Control', 'no-store');
    if (download) {
      ctx.set('Content-Disposition', `attachment; filename="zusammen-mehr-daten-${(data.referenceNumber ?? 'einreichung').replace(/[^A-Za-z0-9-]/g, '_')}.json"`);
      ctx.type = 'application/json; charset=utf-8';
      ctx.body = `${JSON.stringify(data, null, 2)}\n`;
      return;
    }
    ctx.body = { data };
  },

  async withdraw(ctx: Context) {
    const body = bodyOf(ctx);
    const link = checkLink(strapi, body.token);
    if ('problem' in link) return refuseLink(ctx, link.problem);
    if (!isWithdrawalScope(body.scope)) {
      const message = `scope must be one of ${WITHDRAWAL_SCOPES.join(', ')}`;
      throw new errors.ValidationError(message, { errors: [{ path: ['scope'], message, name: 'ValidationError' }] });
    }
    if (body.note !== undefined && body.note !== null && (typeof body.note !== 'string' || body.note.length > 2000)) {
      throw new errors.ValidationError('note must be text of at most 2000 characters', { errors: [{ path: ['note'], message: 'too long', name: 'ValidationError' }] });
    }
    const result = await withdrawConsent(strapi, { documentId: link.subject.documentId, scope: body.scope, note: body.note as string | undefined, actor: SUBMITTER_VIA_LINK });
    ctx.set('Cache-Control', 'no-store');
    ctx.body = { data: result };
  },

  async report(ctx: Context) {
    const wait = await reportRateLimited(strapi, ctx.req);
    if (wait !== null) {
      ctx.set('Retry-After', String(wait));
      throw new errors.RateLimitError(`Too many reports from this address; retry in ${wait} s.`);
    }
    const body = bodyOf(ctx);
    const story = await reportableStory(strapi, String(ctx.params.slug ?? ''));
    const input = parseReport(body);
    // The honeypot field is invisible to people; a bot that fills it is told "thank you" and nothing is stored.
    if (!body.website) await createReport(strapi, story, input);
    ctx.status = 201;
    ctx.set('Cache-Control', 'no-store');
    ctx.body = { data: { received: true, story: story.slug } };
  },
});
