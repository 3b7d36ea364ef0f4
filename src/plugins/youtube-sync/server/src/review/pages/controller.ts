import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { formLimits } from '../../pages/form-limits';
import { SUBMITTER_VIA_LINK } from '../actor';
import { createReport, MAX_CONTACT, MAX_MESSAGE, parseReport, reportableStory, type ReportableStory } from '../content-reports';
import { checkLink } from '../link-access';
import { personalData, recordAccess } from '../personal-data';
import { reportRateLimited } from '../report-limit';
import { isWithdrawalScope, withdrawConsent } from '../withdrawal';
import { renderReportForm, renderReportThanks, renderStoryNotFound, renderTooManyReports, type ReportFormState } from './report-page';
import { MAX_NOTE, renderLinkProblem, renderWithdrawalDone, renderWithdrawalPage, type WithdrawalFormState } from './withdrawal-page';

type Context = Parameters<Core.MiddlewareHandler>[0];

/** The address every public page names for questions (the same as the submission form's). */
const office = (strapi: Core.Strapi) => formLimits(strapi).officeEmail;

/** Personal pages are never cached by browsers or proxies. */
function sendHtml(ctx: Context, status: number, html: string) {
  ctx.status = status;
  ctx.type = 'text/html; charset=utf-8';
  ctx.set('Cache-Control', 'no-store');
  ctx.body = html;
}

const formOf = (ctx: Context) => ((ctx.request as unknown as { body?: unknown }).body ?? {}) as Record<string, unknown>;
const text = (value: unknown) => (typeof value === 'string' ? value : '');

/** The field a ValidationError names (its first path entry), for showing the message beside that field. */
const fieldOf = (error: unknown) => (error as { details?: { errors?: { path?: string[] }[] } }).details?.errors?.[0]?.path?.[0];

const FIELD_MESSAGES: Record<string, string> = {
  reason: 'Bitte wählen Sie einen Grund. / Please choose a reason.',
  message: `Die Beschreibung ist zu lang (höchstens ${MAX_MESSAGE} Zeichen). / The description is too long.`,
  contact: `Die Kontaktangabe ist zu lang (höchstens ${MAX_CONTACT} Zeichen). / The contact is too long.`,
};

async function storyOrNull(strapi: Core.Strapi, slug: string): Promise<ReportableStory | null> {
  try {
    return await reportableStory(strapi, slug);
  } catch (error) {
    if (error instanceof errors.NotFoundError) return null;
    throw error;
  }
}

/** /widerruf (see and download one's data, withdraw consent) and /melden ("Inhalt melden"), as server-rendered pages. */
export const reviewPagesController = (strapi: Core.Strapi) => ({
  async withdrawalPage(ctx: Context) {
    const link = checkLink(strapi, ctx.query.token);
    if ('problem' in link) return sendHtml(ctx, link.problem.status, renderLinkProblem(office(strapi), link.problem));
    const data = await personalData(strapi, link.subject.documentId);
    if (!data) return sendHtml(ctx, 404, renderLinkProblem(office(strapi), 'gone'));
    await recordAccess(strapi, data, link.subject.documentId, SUBMITTER_VIA_LINK, 'page');
    sendHtml(ctx, 200, renderWithdrawalPage(office(strapi), text(ctx.query.token), data));
  },

  async withdraw(ctx: Context) {
    const form = formOf(ctx);
    const token = text(form.token);
    const link = checkLink(strapi, token);
    if ('problem' in link) return sendHtml(ctx, link.problem.status, renderLinkProblem(office(strapi), link.problem));
    const state: WithdrawalFormState = { scope: text(form.scope), note: text(form.note), errors: {} };
    const problems = state.errors as NonNullable<WithdrawalFormState['errors']>;
    if (!isWithdrawalScope(form.scope)) problems.scope = 'Bitte wählen Sie, wofür Sie die Einwilligung widerrufen. / Please choose what to withdraw.';
    if (text(form.note).length > MAX_NOTE) problems.note = `Die Nachricht ist zu lang (höchstens ${MAX_NOTE} Zeichen). / The message is too long.`;
    if (form.confirm !== 'yes') problems.confirm = 'Bitte bestätigen Sie den Widerruf mit dem Häkchen. / Please tick the box to confirm.';
    if (isWithdrawalScope(form.scope) && !problems.note && !problems.confirm) {
      try {
        const result = await withdrawConsent(strapi, { documentId: link.subject.documentId, scope: form.scope, note: state.note, actor: SUBMITTER_VIA_LINK });
        return sendHtml(ctx, 200, renderWithdrawalDone(office(strapi), token, result));
      } catch (error) {
        if (!(error instanceof errors.ValidationError)) throw error;
        problems.scope = error.message;
      }
    }
    const data = await personalData(strapi, link.subject.documentId);
    if (!data) return sendHtml(ctx, 404, renderLinkProblem(office(strapi), 'gone'));
    sendHtml(ctx, 400, renderWithdrawalPage(office(strapi), token, data, state));
  },

  async reportPage(ctx: Context) {
    const story = await storyOrNull(strapi, text(ctx.query.story));
    if (!story) return sendHtml(ctx, 404, renderStoryNotFound(office(strapi)));
    sendHtml(ctx, 200, renderReportForm(office(strapi), story));
  },

  async report(ctx: Context) {
    const wait = await reportRateLimited(strapi, ctx.req);
    if (wait !== null) {
      ctx.set('Retry-After', String(wait));
      return sendHtml(ctx, 429, renderTooManyReports(wait));
    }
    const form = formOf(ctx);
    const story = await storyOrNull(strapi, text(form.story));
    if (!story) return sendHtml(ctx, 404, renderStoryNotFound(office(strapi)));
    const state: ReportFormState = { reason: text(form.reason), message: text(form.message), contact: text(form.contact) };
    try {
      const input = parseReport({ reason: form.reason, message: state.message, contact: state.contact });
      // The honeypot field is invisible to people; a bot that fills it gets the thank-you page and nothing is stored.
      if (!form.website) await createReport(strapi, story, input);
    } catch (error) {
      if (!(error instanceof errors.ValidationError)) throw error;
      const field = fieldOf(error) as keyof NonNullable<ReportFormState['errors']>;
      return sendHtml(ctx, 400, renderReportForm(office(strapi), story, { ...state, errors: { [field]: FIELD_MESSAGES[field] ?? error.message } }));
    }
    ctx.status = 303;
    ctx.redirect(`/melden/danke?story=${encodeURIComponent(story.slug)}`);
  },

  async reportThanks(ctx: Context) {
    sendHtml(ctx, 200, renderReportThanks(await storyOrNull(strapi, text(ctx.query.story))));
  },
});
