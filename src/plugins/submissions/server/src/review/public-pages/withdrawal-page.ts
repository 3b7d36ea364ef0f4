import type { SiteService } from '../../../../../../shared/story-services';
import { germanDate } from '../consent-completeness';
import type { LinkProblem } from '../link-access';
import { CODE_VALID_MINUTES } from '../personal-link';
import type { HistoryEntry, PersonalData } from '../personal-data';
import { SCOPE_LABELS, WITHDRAWAL_SCOPES, type WithdrawalResult, type WithdrawalScope } from '../withdrawal';

/**
 * /widerruf: what is stored about a submission (GDPR Art. 15) with its download, and the form to withdraw consent —
 * for everything or one channel. A plain form POST: no script is needed, so it works under the CSP and without
 * JavaScript. German first, English alongside.
 */

const NO_INDEX = '<meta name="robots" content="noindex">';
export const MAX_NOTE = 2000;
const en = (text: string) => ` <span lang="en" class="en">${text}</span>`;
const enBlock = (text: string) => `<span class="en en-block" lang="en">${text}</span>`;

const SCOPE_ENGLISH: Record<WithdrawalScope, string> = {
  all: 'for everything (website, partner sites, YouTube and social media)',
  website: 'for the website and our partners’ sites',
  youtube: 'for YouTube',
  social: 'for social media',
};

const SCOPE_HINTS: Record<WithdrawalScope, string> = {
  all: 'Wir nehmen die Geschichte überall herunter und veröffentlichen sie nicht wieder.',
  website: 'Die Geschichte verschwindet von unserer Website und den Seiten unserer Partner. Auf YouTube bleibt das Video.',
  youtube: 'Das Video wird auf YouTube gelöscht oder auf privat gestellt. Auf der Website bleibt die Geschichte, ohne Video.',
  social: 'Die Redaktion entfernt Beiträge über Ihre Geschichte in sozialen Medien.',
};

const CREDIT_LABELS: Record<string, string> = {
  full: 'mit vollem Namen',
  'first-name': 'nur mit Vornamen',
  organisation: 'mit dem Namen der Organisation',
  anonymous: 'ohne Namen',
};

type Consent = NonNullable<PersonalData['consent']> & {
  people?: Record<string, unknown>[];
};

export interface WithdrawalFormState {
  scope?: string;
  note?: string;
  errors?: { scope?: string; note?: string; confirm?: string };
}

export interface PageOptions {
  state?: WithdrawalFormState;
  /** Present once the right one-time code was entered: the stored data is shown, and can be downloaded with it. */
  proof?: string;
}

export interface CodeFormState {
  /** Shown above the form: why the code was refused, or that it was sent. */
  error?: string;
  sent?: boolean;
}

const LINK_PROBLEM_TEXTS: Record<'gone' | 'invalid' | 'expired' | 'replaced', { title: string; english: string; explanation: string }> = {
  gone: { title: 'Keine Daten mehr gespeichert', english: 'No data stored any more', explanation: 'Zu diesem Link sind bei uns keine Daten mehr gespeichert.' },
  expired: {
    title: 'Der Link ist abgelaufen',
    english: 'The link has expired',
    explanation:
      'Aus Sicherheitsgründen gilt der persönliche Link nur eine bestimmte Zeit. Sie können Ihre Einwilligung trotzdem jederzeit widerrufen: Schreiben Sie uns einfach.',
  },
  replaced: {
    title: 'Dieser Link wurde ersetzt',
    english: 'This link was replaced',
    explanation:
      'Für Ihre Einreichung wurde ein neuer persönlicher Link verschickt; dieser ältere gilt nicht mehr. Bitte nutzen Sie den neuesten Link aus Ihren E-Mails.',
  },
  invalid: {
    title: 'Der Link ist ungültig',
    english: 'The link is not valid',
    explanation: 'Der Link ist unvollständig oder wurde verändert. Bitte kopieren Sie ihn vollständig aus der E-Mail, die wir Ihnen geschickt haben.',
  },
};

/** The pages of /widerruf in the site's shell (stories' site service), which also escapes every value. */
export function withdrawalPages({ escapeHtml, renderPage }: SiteService) {
  const mailto = (office: string) => `<a href="mailto:${escapeHtml(office)}">${escapeHtml(office)}</a>`;

  const contactOffice = (office: string) =>
    `<p>Fragen? Schreiben Sie uns an ${mailto(office)} und nennen Sie Ihre Vorgangsnummer.${en(
      `Questions? Write to us at ${escapeHtml(office)} and give your reference number.`
    )}</p>`;

  const value = (v: unknown) => (v === null || v === undefined || v === '' ? '<span class="hint">–</span>' : escapeHtml(v));
  const yesNo = (v: unknown) => (v ? 'ja' : 'nein');
  const date = (v: string | null | undefined) => (v ? escapeHtml(germanDate(v)) : '<span class="hint">–</span>');

  function definitionList(rows: [string, string][]): string {
    return `<dl>${rows.map(([term, description]) => `<dt>${term}</dt><dd>${description}</dd>`).join('')}</dl>`;
  }

  function paragraphs(text: string): string {
    return text
      .split(/\n{2,}/)
      .filter((p) => p.trim())
      .map((p) => `<p>${escapeHtml(p)}</p>`)
      .join('');
  }

  function history(entries: HistoryEntry[]): string {
    if (!entries.length) return '<p>Noch keine Einträge.</p>';
    return `<ol>${entries
      .map((e) => {
        const change = e.from || e.to ? ` (${value(e.from)} → ${value(e.to)})` : '';
        return `<li><strong>${date(e.at)}</strong>: ${escapeHtml(e.what)}${change} – ${escapeHtml(e.by)}</li>`;
      })
      .join('')}</ol>`;
  }

  function consentSection(consent: Consent | null): string {
    if (!consent) return '<p>Zu dieser Einreichung ist keine Einwilligung gespeichert.</p>';
    const people = consent.people ?? [];
    const peopleList = people.length
      ? `<ul>${people
          .map((p) => {
            const parts = [
              p.minor ? `minderjährig${p.aged14OrOver ? ', ab 14 Jahren' : ''}` : 'volljährig',
              p.guardians ? `Sorgeberechtigte: ${escapeHtml(p.guardians)}` : '',
              p.minor ? `Einwilligung der Sorgeberechtigten: ${yesNo(p.guardianConsent)}` : '',
              p.aged14OrOver ? `eigene Einwilligung: ${yesNo(p.ownConsent)}` : '',
              `Website: ${yesNo(p.channelWebsite)}, YouTube: ${yesNo(p.channelYoutube)}, soziale Medien: ${yesNo(p.channelSocial)}`,
            ].filter(Boolean);
            return `<li><strong>${value(p.nameOrRole)}</strong> – ${parts.join(' · ')}</li>`;
          })
          .join('')}</ul>`
      : '<p>Keine gezeigten Personen eingetragen.</p>';
    return `${definitionList([
      ['Eingewilligt von', value(consent.consentedBy)],
      ['Eingewilligt am', date(consent.consentedAt as string | null)],
      ['Fassung des Einwilligungstexts', value(consent.textVersion)],
      ['Alle gezeigten Personen sind einverstanden', yesNo(consent.peopleAgreed)],
      ['Rechte an Video, Bildern und Text bestätigt', yesNo(consent.rightsConfirmed)],
      ['Teilnahmebedingungen akzeptiert', yesNo(consent.termsAccepted)],
      ['Datenschutzhinweise gelesen', yesNo(consent.privacyAccepted)],
      ['Widerrufen (alles)', date(consent.withdrawnAt as string | null)],
      ['Widerrufen für Website', date(consent.websiteWithdrawnAt as string | null)],
      ['Widerrufen für YouTube', date(consent.youtubeWithdrawnAt as string | null)],
      ['Widerrufen für soziale Medien', date(consent.socialWithdrawnAt as string | null)],
    ])}
<h3>Gezeigte Personen<span class="en en-block" lang="en">People shown</span></h3>
${peopleList}`;
  }

  function filesSection(files: PersonalData['files']): string {
    const items = [
      files.video && `Video: ${escapeHtml(files.video.name)}`,
      files.youtubeVideoId && `YouTube-Video: ${escapeHtml(files.youtubeVideoId)}`,
      files.cover && `Titelbild: ${escapeHtml(files.cover.name)}`,
      ...files.captions.map((c) => c.file && `Untertitel (${escapeHtml(c.language)}): ${escapeHtml(c.file.name)}`),
      files.signedForm && `Unterschriebenes Formular: ${escapeHtml(files.signedForm.name)}`,
    ].filter(Boolean);
    return items.length ? `<ul>${items.map((i) => `<li>${i}</li>`).join('')}</ul>` : '<p>Keine Dateien gespeichert.</p>';
  }

  function withdrawalForm(token: string, data: PersonalData, state: WithdrawalFormState): string {
    const consent = data.consent as Consent | null;
    const everything = (consent?.withdrawnAt as string | null) ?? null;
    if (everything || data.status.editorialStatus === 'withdrawn') {
      return `<div class="notice notice--success"><p>Sie haben Ihre Einwilligung${everything ? ` am ${escapeHtml(germanDate(everything))}` : ''} vollständig widerrufen. Wir veröffentlichen Ihre Geschichte nicht mehr.${en('You withdrew your consent for everything. We no longer publish your story.')}</p></div>`;
    }
    const done: Record<WithdrawalScope, string | null> = {
      all: null,
      website: (consent?.websiteWithdrawnAt as string | null) ?? null,
      youtube: (consent?.youtubeWithdrawnAt as string | null) ?? null,
      social: (consent?.socialWithdrawnAt as string | null) ?? null,
    };
    const errors = state.errors ?? {};
    const summary = Object.values(errors).filter(Boolean);
    const choices = WITHDRAWAL_SCOPES.map((scope) => {
      const id = `scope-${scope}`;
      const already = done[scope];
      const checked = state.scope === scope ? ' checked' : '';
      const disabled = already ? ' disabled' : '';
      const note = already ? ` <span class="hint">Bereits am ${escapeHtml(germanDate(already))} widerrufen.</span>` : '';
      return `<div class="choice">
  <input type="radio" name="scope" id="${id}" value="${scope}"${checked}${disabled} aria-describedby="${id}-hint">
  <label for="${id}">Einwilligung ${escapeHtml(SCOPE_LABELS[scope])} widerrufen${en(`Withdraw ${SCOPE_ENGLISH[scope]}`)}<span class="hint" id="${id}-hint">${escapeHtml(SCOPE_HINTS[scope])}</span>${note}</label>
</div>`;
    }).join('\n');
    return `${
      summary.length
        ? `<div class="error-summary" role="alert" tabindex="-1"><h3>Bitte prüfen Sie Ihre Angaben<span class="en en-block" lang="en">Please check</span></h3><ul>${summary.map((m) => `<li>${m}</li>`).join('')}</ul></div>`
        : ''
    }
<form method="post" action="/widerruf" novalidate>
  <input type="hidden" name="token" value="${escapeHtml(token)}">
  <fieldset class="field${errors.scope ? ' field--invalid' : ''}" id="scope" aria-describedby="scope-error">
    <legend>Wofür möchten Sie die Einwilligung widerrufen?${enBlock('What do you withdraw your consent for?')}</legend>
    ${errors.scope ? `<span class="field-error" id="scope-error">${errors.scope}</span>` : ''}
    ${choices}
  </fieldset>
  <div class="field${errors.note ? ' field--invalid' : ''}">
    <label for="note">Nachricht an die Redaktion (freiwillig)${en('Message to the editors (optional)')}</label>
    ${errors.note ? `<span class="field-error" id="note-error">${errors.note}</span>` : ''}
    <textarea id="note" name="note" rows="4" maxlength="${MAX_NOTE}">${escapeHtml(state.note ?? '')}</textarea>
  </div>
  <div class="field${errors.confirm ? ' field--invalid' : ''}">
    ${errors.confirm ? `<span class="field-error" id="confirm-error">${errors.confirm}</span>` : ''}
    <div class="choice">
      <input type="checkbox" name="confirm" id="confirm" value="yes"${errors.confirm ? ' aria-describedby="confirm-error"' : ''}>
      <label for="confirm">Ja, ich widerrufe meine Einwilligung wie oben gewählt. Der Widerruf gilt für die Zukunft.${en(
        'Yes, I withdraw my consent as chosen above. The withdrawal applies from now on.'
      )}</label>
    </div>
  </div>
  <div class="actions"><button type="submit" class="button button--primary">Widerruf absenden${en('Send withdrawal')}</button></div>
</form>`;
  }

  /** Seeing the stored data needs the one-time code; requesting a new link needs nothing but the link. */
  function codeRequest(token: string): string {
    return `<h2>Ihre gespeicherten Daten${enBlock('Your stored data')}</h2>
<p>Damit niemand außer Ihnen Ihre Daten sieht, auch wenn jemand diesen Link hat, schicken wir Ihnen zuerst einen Code an die E-Mail-Adresse, die Sie bei der Einreichung angegeben haben.${en(
      'So that nobody but you sees your data, even if someone has this link, we first send a code to the e-mail address you gave with your submission.'
    )}</p>
<form method="post" action="/widerruf/code">
  <input type="hidden" name="token" value="${escapeHtml(token)}">
  <div class="actions"><button type="submit" class="button button--secondary">Code per E-Mail senden${en('Send code by e-mail')}</button></div>
</form>`;
  }

  function newLinkRequest(token: string): string {
    return `<h2>Neuer Link${enBlock('New link')}</h2>
<p>Sie glauben, jemand anderes hat diesen Link? Fordern Sie einen neuen an: Wir schicken ihn an Ihre E-Mail-Adresse, und dieser Link gilt danach nicht mehr.${en(
      'You think someone else has this link? Ask for a new one: we send it to your e-mail address, and this link stops working.'
    )}</p>
<form method="post" action="/widerruf/neuer-link">
  <input type="hidden" name="token" value="${escapeHtml(token)}">
  <div class="actions"><button type="submit" class="button button--secondary">Neuen Link anfordern${en('Request a new link')}</button></div>
</form>`;
  }

  function downloadForm(token: string, proof: string): string {
    return `<form method="post" action="/widerruf/daten">
  <input type="hidden" name="token" value="${escapeHtml(token)}">
  <input type="hidden" name="proof" value="${escapeHtml(proof)}">
  <input type="hidden" name="format" value="download">
  <button type="submit" class="button button--secondary">Daten herunterladen (JSON-Datei)${en('Download data (JSON file)')}</button>
</form>`;
  }

  function storedData(data: PersonalData): string {
    const story = data.story;
    return `<h2>Ihre Kontaktdaten${enBlock('Your contact details')}</h2>
${
  data.contact
    ? definitionList([
        ['Name', value(data.contact.name)],
        ['E-Mail', value(data.contact.email)],
        ['Telefon', value(data.contact.phone)],
        ['Organisation', value(data.contact.organisation)],
      ])
    : '<p>Keine Kontaktdaten gespeichert.</p>'
}

<h2>Ihre Geschichte${enBlock('Your story')}</h2>
${definitionList([
  ['Titel', value(story.title)],
  ['Kurzbeschreibung', value(story.teaser)],
  ['Region', value(story.region)],
  ['Ort', value(story.place)],
  ['Themen', value(story.themes.join(', '))],
  ['Wie Sie genannt werden möchten', value(story.creditPreference && (CREDIT_LABELS[story.creditPreference] ?? story.creditPreference))],
  ['Eingereicht am', date(story.submittedAt)],
])}
${story.text ? `<div class="prose">${paragraphs(story.text)}</div>` : ''}

<h2>Dateien${enBlock('Files')}</h2>
${filesSection(data.files)}

<h2>Einwilligung${enBlock('Consent')}</h2>
${consentSection(data.consent as Consent | null)}

${data.internalNotes ? `<h2>Notizen der Redaktion${enBlock('Editors’ notes')}</h2><div class="prose">${paragraphs(data.internalNotes)}</div>` : ''}

<h2>Verlauf${enBlock('History')}</h2>
${history(data.history)}`;
  }

  /**
   * The page the link opens: the withdrawal choices at once, and — only with a proof from the one-time code — the
   * stored data. Without the proof it shows nothing personal: the reference number, the status, the consent state.
   */
  function renderWithdrawalPage(office: string, token: string, data: PersonalData, options: PageOptions = {}): string {
    const { proof } = options;
    return renderPage({
      title: 'Ihre Daten und Ihre Einwilligung',
      head: NO_INDEX,
      main: `<h1>Ihre Daten und Ihre Einwilligung${enBlock('Your data and your consent')}</h1>
<p class="intro">Hier können Sie Ihre Einwilligung widerrufen und sehen, was wir zu Ihrer Einreichung gespeichert haben.${en(
        'Here you can withdraw your consent and see what we keep about your submission.'
      )}</p>
${definitionList([
  ['Vorgangsnummer', `<span class="reference">${value(data.referenceNumber)}</span>`],
  ['Status', value(data.status.label)],
  ['Veröffentlicht', data.status.published ? `ja, seit ${date(data.status.publishedAt)}` : 'nein'],
])}
${proof ? downloadForm(token, proof) : ''}

<h2>Einwilligung widerrufen${enBlock('Withdraw consent')}</h2>
${withdrawalForm(token, data, options.state ?? {})}

${proof ? storedData(data) : codeRequest(token)}

${newLinkRequest(token)}
${contactOffice(office)}`,
    });
  }

  /** "Code eingeben": a plain form, so it works without script. */
  function renderCodeForm(office: string, token: string, state: CodeFormState): string {
    return renderPage({
      title: 'Code eingeben',
      head: NO_INDEX,
      main: `<h1>Code eingeben${enBlock('Enter the code')}</h1>
${
  state.sent
    ? `<div class="notice notice--success" role="status"><p>Wir haben Ihnen einen Code an Ihre E-Mail-Adresse geschickt. Er gilt ${CODE_VALID_MINUTES} Minuten.${en(
        `We sent a code to your e-mail address. It works for ${CODE_VALID_MINUTES} minutes.`
      )}</p></div>`
    : ''
}
${state.error ? `<div class="error-summary" role="alert" tabindex="-1"><p>${escapeHtml(state.error)}</p></div>` : ''}
<form method="post" action="/widerruf/daten" novalidate>
  <input type="hidden" name="token" value="${escapeHtml(token)}">
  <div class="field${state.error ? ' field--invalid' : ''}">
    <label for="code">Code aus der E-Mail (6 Ziffern)${en('Code from the e-mail (6 digits)')}</label>
    <input type="text" id="code" name="code" inputmode="numeric" autocomplete="one-time-code" maxlength="12" required>
  </div>
  <div class="actions"><button type="submit" class="button button--primary">Daten anzeigen${en('Show my data')}</button></div>
</form>
<form method="post" action="/widerruf/code">
  <input type="hidden" name="token" value="${escapeHtml(token)}">
  <p><button type="submit" class="button button--secondary">Neuen Code senden${en('Send a new code')}</button></p>
</form>
<p><a href="/widerruf?token=${escapeHtml(encodeURIComponent(token))}">Zurück${en('Back')}</a></p>
${contactOffice(office)}`,
    });
  }

  /** A short page with one message: a new link was sent, too many requests, no address stored. */
  function renderLinkNotice(office: string, token: string | null, notice: { title: string; english: string; text: string; success?: boolean }): string {
    return renderPage({
      title: notice.title,
      head: NO_INDEX,
      main: `<h1>${escapeHtml(notice.title)}${enBlock(escapeHtml(notice.english))}</h1>
<div class="notice notice--${notice.success ? 'success' : 'warning'}" role="status"><p>${escapeHtml(notice.text)}</p></div>
${token ? `<p><a href="/widerruf?token=${escapeHtml(encodeURIComponent(token))}">Zurück${en('Back')}</a></p>` : ''}
${contactOffice(office)}`,
    });
  }

  function renderWithdrawalDone(office: string, token: string, result: WithdrawalResult): string {
    return renderPage({
      title: result.changed ? 'Widerruf erhalten' : 'Bereits widerrufen',
      head: NO_INDEX,
      main: `<h1>${result.changed ? 'Ihr Widerruf ist angekommen' : 'Schon erledigt'}${enBlock(result.changed ? 'Your withdrawal has arrived' : 'Already done')}</h1>
<div class="notice notice--success" role="status">
  <p>${result.changed ? `Sie haben Ihre Einwilligung ${escapeHtml(SCOPE_LABELS[result.scope])} widerrufen.` : ''}${en(
    result.changed ? `You withdrew your consent ${SCOPE_ENGLISH[result.scope]}.` : 'Nothing was changed.'
  )}</p>
  <ul>${result.done.map((line) => `<li>${escapeHtml(line)}</li>`).join('')}</ul>
</div>
<p><a class="button button--secondary" href="/widerruf?token=${escapeHtml(encodeURIComponent(token))}">Zurück zu Ihren Daten${en('Back to your data')}</a></p>
${contactOffice(office)}`,
    });
  }

  function renderLinkProblem(office: string, problem: LinkProblem | 'gone'): string {
    const reason = problem === 'gone' ? 'gone' : problem.reason === 'missing' ? 'invalid' : problem.reason;
    const { title, english, explanation } = LINK_PROBLEM_TEXTS[reason];
    return renderPage({
      title,
      head: NO_INDEX,
      main: `<h1>${title}${enBlock(english)}</h1>
<div class="notice notice--warning"><p>${explanation}</p></div>
<p>Sie erreichen die Redaktion unter ${mailto(office)}. Nennen Sie bitte Ihre Vorgangsnummer (sie steht in der E-Mail), dann widerrufen wir für Sie oder schicken Ihnen einen neuen Link.${en(
        `Write to us at ${escapeHtml(office)} with your reference number: we will withdraw your consent for you or send you a new link.`
      )}</p>`,
    });
  }

  return { renderWithdrawalPage, renderCodeForm, renderLinkNotice, renderWithdrawalDone, renderLinkProblem };
}
