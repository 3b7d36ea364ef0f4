import { escapeHtml, renderPage } from '../../pages/layout';
import { germanDate } from '../consent-completeness';
import type { LinkProblem } from '../link-access';
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

const mailto = (office: string) => `<a href="mailto:${escapeHtml(office)}">${escapeHtml(office)}</a>`;

const contactOffice = (office: string) =>
  `<p>Fragen? Schreiben Sie uns an ${mailto(office)} und nennen Sie Ihre Vorgangsnummer.${en(
    `Questions? Write to us at ${escapeHtml(office)} and give your reference number.`
  )}</p>`;

const CREDIT_LABELS: Record<string, string> = {
  full: 'mit vollem Namen',
  'first-name': 'nur mit Vornamen',
  organisation: 'mit dem Namen der Organisation',
  anonymous: 'ohne Namen',
};

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

type Consent = NonNullable<PersonalData['consent']> & {
  people?: Record<string, unknown>[];
};

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

export interface WithdrawalFormState {
  scope?: string;
  note?: string;
  errors?: { scope?: string; note?: string; confirm?: string };
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

export function renderWithdrawalPage(office: string, token: string, data: PersonalData, state: WithdrawalFormState = {}): string {
  const download = `/api/v1/consent?token=${encodeURIComponent(token)}&format=download`;
  const story = data.story;
  return renderPage({
    title: 'Ihre Daten und Ihre Einwilligung',
    head: NO_INDEX,
    main: `<h1>Ihre Daten und Ihre Einwilligung${enBlock('Your data and your consent')}</h1>
<p class="intro">Hier sehen Sie alles, was wir zu Ihrer Einreichung gespeichert haben, und können Ihre Einwilligung widerrufen.${en(
      'Here you see everything we keep about your submission, and you can withdraw your consent.'
    )}</p>
${definitionList([
  ['Vorgangsnummer', `<span class="reference">${value(data.referenceNumber)}</span>`],
  ['Status', value(data.status.label)],
  ['Veröffentlicht', data.status.published ? `ja, seit ${date(data.status.publishedAt)}` : 'nein'],
])}
<p><a class="button button--secondary" href="${escapeHtml(download)}" download>Daten herunterladen (JSON-Datei)${en('Download data (JSON file)')}</a></p>

<h2>Einwilligung widerrufen${enBlock('Withdraw consent')}</h2>
${withdrawalForm(token, data, state)}

<h2>Ihre Kontaktdaten${enBlock('Your contact details')}</h2>
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
${history(data.history)}
${contactOffice(office)}`,
  });
}

export function renderWithdrawalDone(office: string, token: string, result: WithdrawalResult): string {
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

export function renderLinkProblem(office: string, problem: LinkProblem | 'gone'): string {
  const expired = problem !== 'gone' && problem.reason === 'expired';
  const title = problem === 'gone' ? 'Keine Daten mehr gespeichert' : expired ? 'Der Link ist abgelaufen' : 'Der Link ist ungültig';
  const english = problem === 'gone' ? 'No data stored any more' : expired ? 'The link has expired' : 'The link is not valid';
  const explanation =
    problem === 'gone'
      ? 'Zu diesem Link sind bei uns keine Daten mehr gespeichert.'
      : expired
        ? 'Aus Sicherheitsgründen gilt der persönliche Link nur eine bestimmte Zeit. Sie können Ihre Einwilligung trotzdem jederzeit widerrufen: Schreiben Sie uns einfach.'
        : 'Der Link ist unvollständig oder wurde verändert. Bitte kopieren Sie ihn vollständig aus der E-Mail, die wir Ihnen geschickt haben.';
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
