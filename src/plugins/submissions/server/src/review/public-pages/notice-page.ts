import type { SiteService } from '../../../../../../shared/story-services';
import { MAX_CONTACT, MAX_MESSAGE, REASON_LABELS, NOTICE_REASONS } from '../content-notices';

/**
 * /melden?story=<slug>: "Inhalt melden" for a published story — a reason, an optional message and contact — as a
 * plain form POST (no script), and its thank-you page. The widget and partner sites link here.
 */

const NO_INDEX = '<meta name="robots" content="noindex">';
const en = (text: string) => ` <span lang="en" class="en">${text}</span>`;
const enBlock = (text: string) => `<span class="en en-block" lang="en">${text}</span>`;

export interface NoticeFormState {
  reason?: string;
  message?: string;
  contact?: string;
  errors?: Partial<Record<'reason' | 'message' | 'contact', string>>;
}

/** The pages of /melden in the site's shell (stories' site service), which also escapes every value. */
export function noticePages({ escapeHtml, renderPage }: SiteService) {
  const mailto = (office: string) => `<a href="mailto:${escapeHtml(office)}">${escapeHtml(office)}</a>`;
  function renderNoticeForm(office: string, story: { slug: string; title: string }, state: NoticeFormState = {}): string {
    const errors = state.errors ?? {};
    const summary = Object.values(errors).filter(Boolean);
    const reasons = NOTICE_REASONS.map(
      (reason) => `<div class="choice">
  <input type="radio" name="reason" id="reason-${reason}" value="${reason}"${state.reason === reason ? ' checked' : ''}>
  <label for="reason-${reason}">${escapeHtml(REASON_LABELS[reason].de)}${en(escapeHtml(REASON_LABELS[reason].en))}</label>
</div>`
    ).join('\n');
    const error = (field: keyof NonNullable<NoticeFormState['errors']>) =>
      errors[field] ? `<span class="field-error" id="${field}-error">${escapeHtml(errors[field])}</span>` : '';
    return renderPage({
      title: 'Inhalt melden',
      head: NO_INDEX,
      main: `<h1>Inhalt melden${enBlock('Report content')}</h1>
<p class="intro">Sie möchten uns auf ein Problem mit der Geschichte <strong>„${escapeHtml(story.title)}“</strong> hinweisen? Danke! Die Redaktion sieht sich jede Meldung an.${en(
        'You want to tell us about a problem with this story? Thank you – our editors look at every report.'
      )}</p>
${
  summary.length
    ? `<div class="error-summary" role="alert" tabindex="-1"><h2>Bitte prüfen Sie Ihre Angaben${enBlock('Please check')}</h2><ul>${summary.map((m) => `<li>${escapeHtml(m)}</li>`).join('')}</ul></div>`
    : ''
}
<form method="post" action="/melden" novalidate>
  <input type="hidden" name="story" value="${escapeHtml(story.slug)}">
  <fieldset class="field${errors.reason ? ' field--invalid' : ''}"${errors.reason ? ' aria-describedby="reason-error"' : ''}>
    <legend>Was ist das Problem? <span class="required">(Pflichtfeld)</span>${enBlock('What is the problem? (required)')}</legend>
    ${error('reason')}
    ${reasons}
  </fieldset>
  <div class="field${errors.message ? ' field--invalid' : ''}">
    <label for="message">Beschreibung (freiwillig)${en('Description (optional)')}</label>
    <span class="hint" id="message-hint">Was genau stimmt nicht? Höchstens ${MAX_MESSAGE} Zeichen.</span>
    ${error('message')}
    <textarea id="message" name="message" rows="5" maxlength="${MAX_MESSAGE}" aria-describedby="message-hint">${escapeHtml(state.message ?? '')}</textarea>
  </div>
  <div class="field${errors.contact ? ' field--invalid' : ''}">
    <label for="contact">Ihre E-Mail-Adresse oder Telefonnummer (freiwillig)${en('Your e-mail or phone (optional)')}</label>
    <span class="hint" id="contact-hint">Nur wenn Sie eine Antwort möchten. Wir nutzen sie nur für diese Meldung.</span>
    ${error('contact')}
    <input type="text" id="contact" name="contact" maxlength="${MAX_CONTACT}" autocomplete="email" value="${escapeHtml(state.contact ?? '')}" aria-describedby="contact-hint">
  </div>
  <div class="trap" aria-hidden="true">
    <label for="website">Bitte leer lassen</label>
    <input type="text" id="website" name="website" tabindex="-1" autocomplete="off">
  </div>
  <div class="actions"><button type="submit" class="button button--primary">Meldung absenden${en('Send report')}</button></div>
</form>
<p>Sie können uns auch schreiben: ${mailto(office)}.</p>`,
    });
  }

  function renderNoticeThanks(story: { slug: string; title: string } | null): string {
    return renderPage({
      title: 'Danke für Ihre Meldung',
      head: NO_INDEX,
      main: `<h1>Danke für Ihre Meldung${enBlock('Thank you for your report')}</h1>
<div class="notice notice--success" role="status"><p>Ihre Meldung ist bei der Redaktion angekommen. Wir prüfen sie so bald wie möglich.${en(
        'Your report has reached our editors. We will look into it as soon as possible.'
      )}</p></div>
${story ? `<p>Gemeldet: „${escapeHtml(story.title)}“</p>` : ''}`,
    });
  }

  function renderStoryNotFound(office: string): string {
    return renderPage({
      title: 'Geschichte nicht gefunden',
      head: NO_INDEX,
      main: `<h1>Diese Geschichte gibt es nicht (mehr)${enBlock('This story does not exist (any more)')}</h1>
<p>Vielleicht wurde sie schon von der Website genommen. Wenn Sie trotzdem etwas melden möchten, schreiben Sie uns an ${mailto(office)}.${en(
        `It may have been taken down already. To report something anyway, write to ${escapeHtml(office)}.`
      )}</p>`,
    });
  }

  function renderTooManyNotices(seconds: number): string {
    return renderPage({
      title: 'Zu viele Meldungen',
      head: NO_INDEX,
      main: `<h1>Bitte kurz warten${enBlock('Please wait a moment')}</h1>
<p>Von Ihrem Anschluss kamen gerade sehr viele Meldungen. Bitte versuchen Sie es in ${seconds} Sekunden noch einmal.${en(
        `Too many reports came from your connection. Please try again in ${seconds} seconds.`
      )}</p>`,
    });
  }

  return { renderNoticeForm, renderNoticeThanks, renderStoryNotFound, renderTooManyNotices };
}
