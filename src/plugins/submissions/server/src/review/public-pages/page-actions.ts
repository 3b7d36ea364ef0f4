import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { formLimits } from '../../public-pages/form-limits';
import { SUBMITTER_VIA_LINK } from '../actor';
import { createNotice, MAX_CONTACT, MAX_MESSAGE, parseNotice, noticeableStory, type NoticeableStory } from '../content-notices';
import { accessProof, isValidAccessProof } from '../access-proof';
import { checkLink, type LinkSubject } from '../link-access';
import { checkAccessCode, CODE_PROBLEMS, issueNewLink, NO_ADDRESS, PROOF_EXPIRED, sendAccessCode, tooManyRequests, type SendOutcome } from '../personal-link';
import { personalData, recordAccess, type PersonalData } from '../personal-data';
import { noticeRateLimited } from '../notice-limit';
import { isWithdrawalScope, withdrawConsent } from '../withdrawal';
import { noticePages, type NoticeFormState } from './notice-page';
import { MAX_NOTE, withdrawalPages, type WithdrawalFormState } from './withdrawal-page';
import { site } from '../../dependencies';
import { sendDataDownload } from './data-download';

type Context = Parameters<Core.MiddlewareHandler>[0];

/** The address every public page names for questions (the same as the submission form's). */
const office = (strapi: Core.Strapi) => formLimits(strapi).officeEmail;

/** The pages of /widerruf and /melden, in the site's shell. */
const pages = (strapi: Core.Strapi) => ({ ...withdrawalPages(site(strapi)), ...noticePages(site(strapi)) });

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

async function storyOrNull(strapi: Core.Strapi, slug: string): Promise<NoticeableStory | null> {
  try {
    return await noticeableStory(strapi, slug);
  } catch (error) {
    if (error instanceof errors.NotFoundError) return null;
    throw error;
  }
}

/** The link of a request (query or form), checked; on a problem the page saying so is sent and null returned. */
async function linkOrProblemPage(strapi: Core.Strapi, ctx: Context, token: string): Promise<LinkSubject | null> {
  const link = await checkLink(strapi, token);
  if ('problem' in link) {
    sendHtml(ctx, link.problem.status, pages(strapi).renderLinkProblem(office(strapi), link.problem));
    return null;
  }
  return link.subject;
}

async function dataOrGonePage(strapi: Core.Strapi, ctx: Context, subject: LinkSubject): Promise<PersonalData | null> {
  const data = await personalData(strapi, subject.documentId);
  if (!data) sendHtml(ctx, 404, pages(strapi).renderLinkProblem(office(strapi), 'gone'));
  return data;
}

/** The page for a request by mail that was not sent (too many, no address, story gone); false when it was sent. */
function sendRefusal(strapi: Core.Strapi, ctx: Context, token: string, outcome: SendOutcome): boolean {
  if (outcome.status === 'sent') return false;
  if (outcome.status === 'gone') {
    sendHtml(ctx, 404, pages(strapi).renderLinkProblem(office(strapi), 'gone'));
  } else if (outcome.status === 'limited') {
    ctx.set('Retry-After', String(outcome.retryAfterSeconds));
    sendHtml(ctx, 429, pages(strapi).renderLinkNotice(office(strapi), token, { title: 'Zu viele Anfragen', english: 'Too many requests', text: tooManyRequests(outcome.retryAfterSeconds) }));
  } else {
    sendHtml(ctx, 409, pages(strapi).renderLinkNotice(office(strapi), token, { title: 'Keine E-Mail-Adresse', english: 'No e-mail address', text: NO_ADDRESS }));
  }
  return true;
}

/**
 * /widerruf: withdraw consent (one click from the mail, no code), see and download one's data after a one-time code
 * (/widerruf/code, /widerruf/daten), ask for a new link (/widerruf/neuer-link); and /melden ("Inhalt melden").
 * Plain form POSTs and server-rendered pages: nothing needs script.
 */
export const reviewPagesController = (strapi: Core.Strapi) => ({
  async withdrawalPage(ctx: Context) {
    const token = text(ctx.query.token);
    const subject = await linkOrProblemPage(strapi, ctx, token);
    if (!subject) return;
    const data = await dataOrGonePage(strapi, ctx, subject);
    if (data) sendHtml(ctx, 200, pages(strapi).renderWithdrawalPage(office(strapi), token, data));
  },

  async withdraw(ctx: Context) {
    const form = formOf(ctx);
    const token = text(form.token);
    const subject = await linkOrProblemPage(strapi, ctx, token);
    if (!subject) return;
    const state: WithdrawalFormState = { scope: text(form.scope), note: text(form.note), errors: {} };
    const problems = state.errors as NonNullable<WithdrawalFormState['errors']>;
    if (!isWithdrawalScope(form.scope)) problems.scope = 'Bitte wählen Sie, wofür Sie die Einwilligung widerrufen. / Please choose what to withdraw.';
    if (text(form.note).length > MAX_NOTE) problems.note = `Die Nachricht ist zu lang (höchstens ${MAX_NOTE} Zeichen). / The message is too long.`;
    if (form.confirm !== 'yes') problems.confirm = 'Bitte bestätigen Sie den Widerruf mit dem Häkchen. / Please tick the box to confirm.';
    if (isWithdrawalScope(form.scope) && !problems.note && !problems.confirm) {
      try {
        const result = await withdrawConsent(strapi, { documentId: subject.documentId, scope: form.scope, note: state.note, actor: SUBMITTER_VIA_LINK });
        return sendHtml(ctx, 200, pages(strapi).renderWithdrawalDone(office(strapi), token, result));
      } catch (error) {
        if (!(error instanceof errors.ValidationError)) throw error;
        problems.scope = error.message;
      }
    }
    const data = await dataOrGonePage(strapi, ctx, subject);
    if (data) sendHtml(ctx, 400, pages(strapi).renderWithdrawalPage(office(strapi), token, data, { state }));
  },

  async sendCode(ctx: Context) {
    const token = text(formOf(ctx).token);
    const subject = await linkOrProblemPage(strapi, ctx, token);
    if (!subject) return;
    if (sendRefusal(strapi, ctx, token, await sendAccessCode(strapi, subject))) return;
    sendHtml(ctx, 200, pages(strapi).renderCodeForm(office(strapi), token, { sent: true }));
  },

  /** With the right code (or the proof it gave) the stored data: as the page, or as the JSON file to download. */
  async showData(ctx: Context) {
    const form = formOf(ctx);
    const token = text(form.token);
    const subject = await linkOrProblemPage(strapi, ctx, token);
    if (!subject) return;
    let proof = text(form.proof);
    if (!isValidAccessProof(strapi, proof, token, subject)) {
      if (proof && !form.code) return sendHtml(ctx, 403, pages(strapi).renderCodeForm(office(strapi), token, { error: PROOF_EXPIRED }));
      const check = await checkAccessCode(strapi, subject, form.code);
      if (check !== 'ok') return sendHtml(ctx, CODE_PROBLEMS[check].status, pages(strapi).renderCodeForm(office(strapi), token, { error: CODE_PROBLEMS[check].message }));
      proof = accessProof(strapi, token, subject).proof;
    }
    const data = await dataOrGonePage(strapi, ctx, subject);
    if (!data) return;
    const download = form.format === 'download';
    await recordAccess(strapi, data, subject.documentId, SUBMITTER_VIA_LINK, download ? 'download' : 'page');
    if (download) return sendDataDownload(ctx, data);
    sendHtml(ctx, 200, pages(strapi).renderWithdrawalPage(office(strapi), token, data, { proof }));
  },

  async newLink(ctx: Context) {
    const token = text(formOf(ctx).token);
    const subject = await linkOrProblemPage(strapi, ctx, token);
    if (!subject) return;
    if (sendRefusal(strapi, ctx, token, await issueNewLink(strapi, subject.documentId, SUBMITTER_VIA_LINK))) return;
    sendHtml(
      ctx,
      200,
      pages(strapi).renderLinkNotice(office(strapi), null, {
        title: 'Neuer Link verschickt',
        english: 'New link sent',
        text: 'Wir haben Ihnen einen neuen persönlichen Link an Ihre E-Mail-Adresse geschickt. Dieser Link gilt ab jetzt nicht mehr. / We sent a new personal link to your e-mail address. This link no longer works.',
        success: true,
      })
    );
  },

  async noticePage(ctx: Context) {
    const story = await storyOrNull(strapi, text(ctx.query.story));
    if (!story) return sendHtml(ctx, 404, pages(strapi).renderStoryNotFound(office(strapi)));
    sendHtml(ctx, 200, pages(strapi).renderNoticeForm(office(strapi), story));
  },

  async notice(ctx: Context) {
    const wait = await noticeRateLimited(strapi, ctx.req);
    if (wait !== null) {
      ctx.set('Retry-After', String(wait));
      return sendHtml(ctx, 429, pages(strapi).renderTooManyNotices(wait));
    }
    const form = formOf(ctx);
    const story = await storyOrNull(strapi, text(form.story));
    if (!story) return sendHtml(ctx, 404, pages(strapi).renderStoryNotFound(office(strapi)));
    const state: NoticeFormState = { reason: text(form.reason), message: text(form.message), contact: text(form.contact) };
    try {
      const input = parseNotice({ reason: form.reason, message: state.message, contact: state.contact });
      // The honeypot field is invisible to people; a bot that fills it gets the thank-you page and nothing is stored.
      if (!form.website) await createNotice(strapi, story, input);
    } catch (error) {
      if (!(error instanceof errors.ValidationError)) throw error;
      const field = fieldOf(error) as keyof NonNullable<NoticeFormState['errors']>;
      return sendHtml(ctx, 400, pages(strapi).renderNoticeForm(office(strapi), story, { ...state, errors: { [field]: FIELD_MESSAGES[field] ?? error.message } }));
    }
    ctx.status = 303;
    ctx.redirect(`/melden/danke?story=${encodeURIComponent(story.slug)}`);
  },

  async noticeThanks(ctx: Context) {
    sendHtml(ctx, 200, pages(strapi).renderNoticeThanks(await storyOrNull(strapi, text(ctx.query.story))));
  },
});
