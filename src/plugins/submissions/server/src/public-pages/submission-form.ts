import { CAPTION_LANGUAGES } from '../../../../../shared/submission-form';
import type { SiteService } from '../../../../../shared/story-services';

/** What the form needs to know from the submission API's options (GET /api/v1/submissions/options). */
export interface FormLimits {
  video: { extensions: string[]; mimeTypes: string[]; maxBytes: number };
  image: { extensions: string[]; mimeTypes: string[]; maxBytes: number };
  captions: { extensions: string[]; maxBytes: number };
  consentTextVersion: string;
  credit: string[];
  honeypotField: string;
  /** Where people without JavaScript can send their story instead. */
  officeEmail: string;
}

export interface RegionOption {
  slug: string;
  key: string;
  name: string;
  kind: string;
  statisticalRegion: string;
}

export interface FormChoices {
  regions: RegionOption[];
  themes: { slug: string; name: string }[];
  projects: { slug: string; name: string }[];
}

/** The scripts of the page, in load order: tus-js-client's browser bundle first, then the form's own code. */
const SUBMISSION_SCRIPTS = (tusVersion: string) => [`/assets/vendor/tus.min.js?v=${encodeURIComponent(tusVersion)}`, '/assets/mitmachen.js'];

const STATISTICAL_REGIONS: Record<string, string> = {
  braunschweig: 'Braunschweig',
  hannover: 'Hannover',
  lueneburg: 'Lüneburg',
  weser_ems: 'Weser-Ems',
};

const CREDIT_LABELS: Record<string, [string, string, string]> = {
  full: ['Mit vollem Namen', 'Full name', ''],
  'first-name': ['Nur mit Vornamen', 'First name only', ''],
  organisation: ['Mit dem Namen der Organisation', 'Name of the organisation', ''],
  anonymous: ['Anonym', 'Anonymous', 'Ihr Name erscheint nirgends öffentlich – nicht auf der Website, nicht auf YouTube, nicht in sozialen Medien.'],
};

/** A district as people say it: "Landkreis Celle", "Stadt Emden", "Region Hannover". */
function regionLabel(region: Pick<RegionOption, 'name' | 'kind'>): string {
  if (/^(Landkreis|Region|Stadt) /.test(region.name)) return region.name;
  return region.kind === 'kreisfreie_stadt' ? `Stadt ${region.name}` : `Landkreis ${region.name}`;
}

const megabytes = (bytes: number) => {
  const mb = bytes / (1024 * 1024);
  return mb >= 1024 ? `${(mb / 1024).toLocaleString('de-DE', { maximumFractionDigits: 1 })} GB` : `${Math.round(mb).toLocaleString('de-DE')} MB`;
};
const formatList = (extensions: string[]) => extensions.map((e) => e.replace(/^\./, '').toUpperCase()).join(', ');

const REQUIRED = ' <span class="required">(Pflicht)</span>';
const OPTIONAL = ' <span class="optional">(freiwillig)</span>';

interface FieldOptions {
  id: string;
  label: string;
  english: string;
  required?: boolean;
  hint?: string;
  control: (describedBy: string) => string;
}

/** The /mitmachen page in the site's shell (stories' site service), which also escapes every value and names the languages. */
export function submissionFormPage({ escapeHtml, renderPage, languageNames }: SiteService) {
  /** The caption languages the submission API takes, named as the story pages name languages; the form adds Dari to Persian. */
  const CAPTION_LANGUAGE_NAMES: Record<(typeof CAPTION_LANGUAGES)[number], string> = { ...languageNames, fa: 'Persisch (Farsi, Dari)' };

  const en = (text: string) => ` <span class="en" lang="en">/ ${escapeHtml(text)}</span>`;
  /** A labelled control with its hint and an (empty) error slot, both bound through aria-describedby. */
  function field({ id, label, english, required, hint, control }: FieldOptions): string {
    const describedBy = [hint ? `${id}-hint` : '', `${id}-error`].filter(Boolean).join(' ');
    return `<div class="field" data-field="${id}">
  <label for="${id}">${escapeHtml(label)}${en(english)}${required ? REQUIRED : OPTIONAL}</label>
  ${hint ? `<span class="hint" id="${id}-hint">${hint}</span>` : ''}
  <span class="field-error" id="${id}-error" hidden></span>
  ${control(describedBy)}
</div>`;
  }

  function textField(options: Omit<FieldOptions, 'control'> & { type?: string; autocomplete?: string; maxLength?: number }) {
    const { id, type = 'text', autocomplete, maxLength } = options;
    return field({
      ...options,
      control: (describedBy) =>
        `<input type="${type}" id="${id}" name="${id}"${autocomplete ? ` autocomplete="${autocomplete}"` : ''}${maxLength ? ` maxlength="${maxLength}"` : ''} aria-describedby="${describedBy}">`,
    });
  }

  /** A group of radios or checkboxes under one legend, with its hint and error slot. */
  function choiceGroup(options: { id: string; legend: string; english: string; required?: boolean; hint?: string; inputs: string; grid?: boolean }) {
    const { id, legend, english, required, hint, inputs, grid } = options;
    const describedBy = [hint ? `${id}-hint` : '', `${id}-error`].filter(Boolean).join(' ');
    return `<fieldset class="field" id="${id}" data-field="${id}" aria-describedby="${describedBy}" tabindex="-1">
  <legend>${escapeHtml(legend)}${en(english)}${required ? REQUIRED : OPTIONAL}</legend>
  ${hint ? `<span class="hint" id="${id}-hint">${hint}</span>` : ''}
  <span class="field-error" id="${id}-error" hidden></span>
  <div class="${grid ? 'choice-grid' : 'choice-list'}">${inputs}</div>
</fieldset>`;
  }

  function choice(type: 'radio' | 'checkbox', name: string, value: string, id: string, label: string, english?: string, hint?: string) {
    const hintId = hint ? `${id}-hint` : '';
    return `<div class="choice">
  <input type="${type}" id="${id}" name="${name}" value="${escapeHtml(value)}"${hint ? ` aria-describedby="${hintId}"` : ''}>
  <label for="${id}">${escapeHtml(label)}${english ? en(english) : ''}${hint ? `<span class="hint" id="${hintId}">${escapeHtml(hint)}</span>` : ''}</label>
</div>`;
  }

  function regionSelect(regions: RegionOption[]): string {
    const groups = Object.entries(STATISTICAL_REGIONS).map(([value, label]) => {
      const options = regions
        .filter((r) => r.statisticalRegion === value)
        .sort((a, b) => regionLabel(a).localeCompare(regionLabel(b), 'de'))
        .map((r) => `<option value="${escapeHtml(r.slug)}" data-key="${escapeHtml(r.key)}">${escapeHtml(regionLabel(r))}</option>`)
        .join('');
      return options ? `<optgroup label="Statistische Region ${escapeHtml(label)}">${options}</optgroup>` : '';
    });
    return `<select id="region" name="region" aria-describedby="region-hint region-error"><option value="">Bitte wählen / Please choose</option>${groups.join('')}</select>`;
  }

  function aboutYou(limits: FormLimits): string {
    const credits = limits.credit
      .map((value) => {
        const [label, english, hint] = CREDIT_LABELS[value] ?? [value, value, ''];
        return choice('radio', 'credit', value, `credit-${value}`, label, english, hint || undefined);
      })
      .join('');
    return `<fieldset class="step">
<legend><span class="step-number" aria-hidden="true">1</span>Über Sie${en('About you')}</legend>
${textField({ id: 'name', label: 'Ihr Name', english: 'Your name', required: true, autocomplete: 'name', maxLength: 120 })}
${textField({ id: 'email', label: 'E-Mail-Adresse', english: 'E-mail address', required: true, type: 'email', autocomplete: 'email', maxLength: 200, hint: 'Für Rückfragen und für den Link, mit dem Sie die Einwilligung widerrufen können. Wird nie veröffentlicht.' })}
${textField({ id: 'phone', label: 'Telefon', english: 'Phone', type: 'tel', autocomplete: 'tel', maxLength: 40, hint: 'Falls wir Sie lieber anrufen sollen. Wird nie veröffentlicht.' })}
${textField({ id: 'organisation', label: 'Organisation, Verein oder Projekt', english: 'Organisation', autocomplete: 'organization', maxLength: 150 })}
${choiceGroup({
  id: 'credit',
  legend: 'Wie sollen wir Sie nennen, wenn die Geschichte erscheint?',
  english: 'How should we credit you?',
  required: true,
  hint: 'Viele Menschen dürfen nicht erkennbar sein. Wählen Sie im Zweifel „Anonym“.',
  inputs: credits,
})}
</fieldset>`;
  }

  function yourStory(choices: FormChoices): string {
    const themes = choices.themes.map((t) => choice('checkbox', 'themes', t.slug, `theme-${t.slug}`, t.name)).join('');
    const projects = choices.projects.map((p) => `<option value="${escapeHtml(p.slug)}">${escapeHtml(p.name)}</option>`).join('');
    return `<fieldset class="step">
<legend><span class="step-number" aria-hidden="true">2</span>Ihre Geschichte${en('Your story')}</legend>
${textField({ id: 'title', label: 'Titel', english: 'Title', required: true, maxLength: 100, hint: 'Ein kurzer Satz, höchstens 100 Zeichen. Zum Beispiel: „Amal lernt Pflege in Göttingen“.' })}
${field({
  id: 'story',
  label: 'Was ist passiert?',
  english: 'What happened?',
  required: true,
  hint: 'Erzählen Sie in eigenen Worten: Wer? Was? Was hat geholfen? Ein paar Sätze reichen. <span lang="en" class="en">Tell us in your own words – a few sentences are enough.</span>',
  control: (describedBy) => `<textarea id="story" name="story" rows="8" maxlength="10000" aria-describedby="${describedBy}"></textarea>`,
})}
<fieldset class="field" id="region-group" data-field="region">
  <legend>Wo ist das passiert?${en('Where did it happen?')}${REQUIRED}</legend>
  <div class="field place-search" data-places="/mitmachen/orte.json" hidden>
    <label for="place">Ort eingeben${en('Type a town')}</label>
    <span class="hint" id="place-hint">Zum Beispiel „Celle“ oder „Lingen“. Wir suchen den passenden Landkreis heraus.</span>
    <input type="text" id="place" name="place" autocomplete="address-level2" maxlength="120" aria-describedby="place-hint place-status" aria-controls="place-results">
    <p id="place-status" class="hint" aria-live="polite"></p>
    <ul id="place-results" class="place-results" hidden></ul>
  </div>
  <div class="field">
    <label for="region">Landkreis oder kreisfreie Stadt${en('District')}</label>
    <span class="hint" id="region-hint">Ort nicht gefunden? Bitte wählen Sie hier den Landkreis. <span lang="en" class="en">Town not found? Please choose the district.</span></span>
    <span class="field-error" id="region-error" hidden></span>
    ${regionSelect(choices.regions)}
  </div>
</fieldset>
${
  projects
    ? field({
        id: 'project',
        label: 'Gehört die Geschichte zu einem Projekt?',
        english: 'Project',
        hint: 'Wenn Ihr Projekt fehlt, schreiben Sie es einfach in die Geschichte.',
        control: (describedBy) =>
          `<select id="project" name="project" aria-describedby="${describedBy}"><option value="">Kein Projekt / none</option>${projects}</select>`,
      })
    : ''
}
${themes ? choiceGroup({ id: 'themes', legend: 'Um welche Themen geht es?', english: 'Themes', hint: 'Wählen Sie eines oder mehrere.', inputs: themes, grid: true }) : ''}
</fieldset>`;
  }

  function videoStep(limits: FormLimits): string {
    const videoAccept = [...limits.video.extensions, ...limits.video.mimeTypes].join(',');
    const imageAccept = [...limits.image.extensions, ...limits.image.mimeTypes].join(',');
    const captionAccept = limits.captions.extensions.join(',');
    return `<fieldset class="step">
<legend><span class="step-number" aria-hidden="true">3</span>Video</legend>
<div class="notice" id="video-limits">
  <p><strong>Videos:</strong> ${escapeHtml(formatList(limits.video.extensions))}, höchstens ${escapeHtml(megabytes(limits.video.maxBytes))}.
  Große Videos vom Handy gehen auch: Das Video wird in Teilen hochgeladen. Bricht die Verbindung ab, geht es danach weiter.</p>
  <p lang="en" class="en">Videos: ${escapeHtml(formatList(limits.video.extensions))}, up to ${escapeHtml(megabytes(limits.video.maxBytes))}. Large phone videos work: the upload resumes after a network drop.</p>
</div>
${choiceGroup({
  id: 'videoChoice',
  legend: 'Haben Sie ein Video?',
  english: 'Do you have a video?',
  required: true,
  inputs: [
    choice('radio', 'videoChoice', 'file', 'videoChoice-file', 'Ja, ich lade eine Videodatei hoch', 'Yes, I upload a video file'),
    choice('radio', 'videoChoice', 'youtube', 'videoChoice-youtube', 'Ja, das Video ist schon auf YouTube', 'Yes, it is on YouTube'),
    choice('radio', 'videoChoice', 'none', 'videoChoice-none', 'Nein, ich schreibe nur die Geschichte auf', 'No, a written story only'),
  ].join(''),
})}
<div class="video-branch" data-branch="file" hidden>
${field({
  id: 'video',
  label: 'Videodatei',
  english: 'Video file',
  required: true,
  hint: 'Das Hochladen beginnt gleich nach der Auswahl. Sie können in der Zeit weiter schreiben.',
  control: (describedBy) => `<input type="file" id="video" name="video" accept="${escapeHtml(videoAccept)}" aria-describedby="${describedBy}">`,
})}
<div class="upload-status" id="upload-status" hidden>
  <label for="upload-progress" class="field-label">Hochladen${en('Upload')}</label>
  <progress id="upload-progress" max="100" value="0"></progress>
  <p class="upload-status__text" id="upload-text">0 %</p>
  <p class="visually-hidden" id="upload-announce" aria-live="polite"></p>
  <div class="actions">
    <button type="button" class="button button--secondary button--small" id="upload-cancel">Hochladen abbrechen${en('Cancel upload')}</button>
  </div>
</div>
${field({
  id: 'captions',
  label: 'Untertitel-Datei',
  english: 'Captions file',
  hint: `Wenn Sie schon Untertitel haben: ${escapeHtml(formatList(limits.captions.extensions))}.`,
  control: (describedBy) => `<input type="file" id="captions" name="captions" accept="${escapeHtml(captionAccept)}" aria-describedby="${describedBy}">`,
})}
${field({
  id: 'captionsLanguage',
  label: 'Sprache der Untertitel',
  english: 'Language of the captions',
  hint: 'Nur nötig, wenn Sie eine Untertitel-Datei mitschicken.',
  control: (describedBy) =>
    `<select id="captionsLanguage" name="captionsLanguage" aria-describedby="${describedBy}">${CAPTION_LANGUAGES.map((code) => `<option value="${code}">${escapeHtml(CAPTION_LANGUAGE_NAMES[code])}</option>`).join('')}</select>`,
})}
</div>
<div class="video-branch" data-branch="youtube" hidden>
${textField({ id: 'youtubeUrl', label: 'Link zum YouTube-Video', english: 'YouTube link', required: true, type: 'url', maxLength: 200, hint: 'Zum Beispiel https://youtu.be/… oder https://www.youtube.com/watch?v=…' })}
</div>
<div class="video-branch" data-branch="none" hidden>
${choiceGroup({
  id: 'help',
  legend: 'Brauchen Sie Hilfe beim Video?',
  english: 'Do you need help with a video?',
  hint: 'Das Bündnis hilft beim Filmen und verleiht Geräte kostenlos.',
  inputs: [
    choice('checkbox', 'needsFilmingHelp', 'true', 'needsFilmingHelp', 'Wir möchten Hilfe beim Filmen', 'We would like help to film it'),
    choice('checkbox', 'needsEquipment', 'true', 'needsEquipment', 'Wir möchten Geräte ausleihen (Kamera, Mikrofon, Stativ)', 'We need to borrow equipment'),
  ].join(''),
})}
</div>
${field({
  id: 'cover',
  label: 'Titelbild',
  english: 'Cover photo',
  hint: `Ein Foto zur Geschichte: ${escapeHtml(formatList(limits.image.extensions))}, höchstens ${escapeHtml(megabytes(limits.image.maxBytes))}. Auch hier müssen alle, die zu sehen sind, einverstanden sein.`,
  control: (describedBy) => `<input type="file" id="cover" name="cover" accept="${escapeHtml(imageAccept)}" aria-describedby="${describedBy}">`,
})}
</fieldset>`;
  }

  /**
   * One person shown, as a template the script clones for "Person hinzufügen" ("__i__" becomes the index, "__n__"
   * the number people read). Consent boxes are never ticked in advance: consent must be an active choice.
   */
  function personTemplate(): string {
    const id = (name: string) => `person-__i__-${name}`;
    return `<template id="person-template">
<section class="person" data-person="__i__" aria-labelledby="${id('heading')}">
  <h3 id="${id('heading')}">Person <span class="person-number">__n__</span></h3>
  ${textField({ id: id('nameOrRole'), label: 'Name oder Rolle', english: 'Name or role', required: true, maxLength: 120, hint: 'Zum Beispiel „Amal“ oder „Lehrerin“. Es reicht eine Rolle, wenn die Person nicht genannt werden möchte.' })}
  ${choiceGroup({
    id: id('age'),
    legend: 'Wie alt ist die Person?',
    english: 'Age',
    required: true,
    inputs: [
      choice('radio', id('age'), 'adult', id('age-adult'), '18 Jahre oder älter', '18 or older'),
      choice('radio', id('age'), 'minor14', id('age-minor14'), '14 bis 17 Jahre', '14 to 17'),
      choice('radio', id('age'), 'child', id('age-child'), 'Unter 14 Jahre', 'Under 14'),
    ].join(''),
  })}
  <div class="person-minor" hidden>
    ${textField({ id: id('guardians'), label: 'Name der Sorgeberechtigten', english: 'Parents or guardians', required: true, maxLength: 200, hint: 'Eltern, Vormund oder andere Sorgeberechtigte.' })}
    ${choiceGroup({
      id: id('guardianConsentGroup'),
      legend: 'Einwilligung der Sorgeberechtigten',
      english: 'Guardian consent',
      required: true,
      inputs: choice('checkbox', id('guardianConsent'), 'true', id('guardianConsent'), 'Die Sorgeberechtigten sind einverstanden.', 'The guardians agree.'),
    })}
  </div>
  ${choiceGroup({
    id: id('ownConsentGroup'),
    legend: 'Einwilligung der Person selbst',
    english: 'Own consent',
    required: true,
    hint: 'Ab 14 Jahren muss die junge Person auch selbst zustimmen.',
    inputs: choice('checkbox', id('ownConsent'), 'true', id('ownConsent'), 'Die Person ist selbst einverstanden.', 'The person agrees.'),
  })}
  ${choiceGroup({
    id: id('channels'),
    legend: 'Wo darf die Person zu sehen sein?',
    english: 'Where may the person be shown?',
    required: true,
    hint: 'Mindestens eins ankreuzen.',
    inputs: [
      choice(
        'checkbox',
        id('channelWebsite'),
        'true',
        id('channelWebsite'),
        'Auf dieser Website und auf Websites von Partnern',
        'This website and partner websites'
      ),
      choice('checkbox', id('channelYoutube'), 'true', id('channelYoutube'), 'Auf YouTube', 'YouTube'),
      choice('checkbox', id('channelSocial'), 'true', id('channelSocial'), 'In sozialen Medien des Bündnisses', 'Social media'),
    ].join(''),
  })}
  <div class="actions"><button type="button" class="button button--secondary button--small" data-remove-person>Person <span class="person-number">__n__</span> entfernen${en('Remove')}</button></div>
</section>
</template>`;
  }

  function peopleStep(limits: FormLimits): string {
    return `<fieldset class="step">
<legend><span class="step-number" aria-hidden="true">4</span>Wer ist zu sehen? – Einwilligung${en('Who is shown? – Consent')}</legend>
<p>Tragen Sie jede Person ein, die im Video oder auf dem Foto zu erkennen ist – auch sich selbst. Ist niemand zu sehen, lassen Sie diesen Teil leer.</p>
<p lang="en" class="en en-block">Add every person who can be recognised in the video or photo, including yourself. If nobody is shown, leave this part empty.</p>
<div class="consent-text" id="consent-text">
  <p><strong>Das gilt für jede Einwilligung:</strong></p>
  <ul>
    <li>Die Person darf nur auf den Kanälen gezeigt werden, die Sie bei ihr ankreuzen: diese Website und Websites von Partnern, YouTube, soziale Medien des Bündnisses.</li>
    <li>Die Teilnahme ist freiwillig und <strong>unbezahlt</strong>.</li>
    <li>Die Einwilligung kann <strong>jederzeit für die Zukunft widerrufen</strong> werden – ganz oder für einzelne Kanäle. Den Link dazu bekommen Sie per E-Mail.</li>
    <li>Bei Kindern und Jugendlichen unter 18 Jahren willigen die Sorgeberechtigten ein. Ab 14 Jahren muss die junge Person auch selbst einverstanden sein.</li>
  </ul>
  <p lang="en" class="en">Each person is shown only on the channels ticked for them. Taking part is voluntary and unpaid. Consent can be withdrawn for the future at any time. Under 18: the guardians consent; from 14 the young person must agree too.</p>
  <p class="hint">Fassung des Einwilligungstexts: <span id="consent-version">${escapeHtml(limits.consentTextVersion)}</span></p>
</div>
<span class="field-error" id="people-error" hidden></span>
<div id="people" data-field="people" tabindex="-1"></div>
<div class="actions"><button type="button" class="button button--secondary" id="add-person">+ Person hinzufügen${en('Add person')}</button></div>
${personTemplate()}
</fieldset>`;
  }

  function statement(name: string, label: string, english: string, extra = '') {
    return `<div class="field" data-field="${name}">
  <span class="field-error" id="${name}-error" hidden></span>
  <div class="choice">
    <input type="checkbox" id="${name}" name="${name}" value="true" aria-describedby="${name}-error">
    <label for="${name}">${label}${REQUIRED}${en(english)}${extra}</label>
  </div>
</div>`;
  }

  /** The partner link's source travels as a hidden field: in the page, never in a cookie or the browser's storage. */
  const referralField = (referralSource: string | undefined) =>
    referralSource ? `<input type="hidden" id="referralSource" name="referralSource" value="${escapeHtml(referralSource)}">` : '';

  function submitStep(limits: FormLimits, referralSource: string | undefined): string {
    const newTab = '<span class="visually-hidden"> (öffnet in neuem Tab)</span>';
    return `<fieldset class="step">
<legend><span class="step-number" aria-hidden="true">5</span>Absenden${en('Send')}</legend>
${statement('consentPeople', 'Alle Personen, die zu sehen sind, haben zugestimmt – bei Kindern und Jugendlichen auch die Sorgeberechtigten. Ich darf die Musik, Bilder und Aufnahmen verwenden.', 'Everyone shown agreed, and I may use the music and footage.')}
${statement('acceptTerms', `Ich akzeptiere die <a href="/teilnahmebedingungen" target="_blank" rel="noopener">Teilnahmebedingungen${newTab}</a>.`, 'I accept the conditions of participation.')}
${statement('consentPrivacy', `Ich habe die <a href="/datenschutz" target="_blank" rel="noopener">Datenschutzerklärung${newTab}</a> gelesen. Meine Angaben dürfen für die Prüfung und Veröffentlichung verarbeitet werden.`, 'I have read the privacy notice.')}
<p class="hint">Die Links öffnen sich in einem neuen Tab. Ihre Eingaben hier bleiben erhalten.</p>
<div class="trap" aria-hidden="true">
  <label for="${escapeHtml(limits.honeypotField)}">Bitte dieses Feld leer lassen</label>
  <input type="text" id="${escapeHtml(limits.honeypotField)}" name="${escapeHtml(limits.honeypotField)}" tabindex="-1" autocomplete="off">
</div>
${referralField(referralSource)}
<div class="actions">
  <button type="submit" class="button button--primary" id="submit-button" disabled>Geschichte absenden${en('Send story')}</button>
</div>
<p id="submit-status" aria-live="polite"></p>
</fieldset>`;
  }

  /**
   * The whole /mitmachen page. Everything dynamic is escaped; the limits travel to the script as one data attribute.
   * `referralSource` is the already validated `quelle` of the link that led here.
   */
  function renderSubmissionForm(limits: FormLimits, choices: FormChoices, tusVersion: string, referralSource?: string): string {
    const scriptOptions = escapeHtml(JSON.stringify(limits));
    return renderPage({
      title: 'Mitmachen: Ihre Geschichte',
      scripts: SUBMISSION_SCRIPTS(tusVersion),
      main: `<h1>Mitmachen: Erzählen Sie Ihre Geschichte<span class="en en-block" lang="en">Take part: tell your story</span></h1>
<p class="intro">Sie kennen eine Geschichte gelungener Integration in Niedersachsen? Schicken Sie uns ein Video – oder schreiben Sie die Geschichte einfach auf. Die Redaktion prüft alles, bevor etwas veröffentlicht wird.</p>
<p lang="en" class="en">Do you know a story of successful integration in Lower Saxony? Send us a video – or simply write the story down. Our editors check everything before anything is published.</p>
<div class="notice">
  <p><strong>Das brauchen Sie</strong> (etwa 10 Minuten):</p>
  <ul>
    <li>Ihre E-Mail-Adresse,</li>
    <li>die Geschichte in ein paar Sätzen,</li>
    <li>wenn Sie haben: ein Video und ein Foto,</li>
    <li>die Namen oder Rollen aller Personen, die zu sehen sind, und ihre Zustimmung.</li>
  </ul>
  <p>Pflichtfelder sind mit „(Pflicht)“ markiert. <span lang="en" class="en">Required fields are marked “(Pflicht)”.</span></p>
</div>
<noscript><div class="notice notice--warning"><p><strong>Bitte schalten Sie JavaScript ein.</strong> Das Formular braucht JavaScript, um große Videos sicher hochzuladen und Personen hinzuzufügen. Sie können uns Ihre Geschichte auch per E-Mail schicken: <a href="mailto:${escapeHtml(limits.officeEmail)}">${escapeHtml(limits.officeEmail)}</a>.</p>
<p lang="en" class="en">Please enable JavaScript: the form needs it to upload videos. You can also e-mail us your story.</p></div></noscript>
<div class="error-summary" id="error-summary" tabindex="-1" aria-labelledby="error-summary-title" hidden>
  <h2 id="error-summary-title">Bitte prüfen Sie Ihre Angaben<span class="en en-block" lang="en">Please check your entries</span></h2>
  <ul id="error-summary-list"></ul>
</div>
<form id="submission-form" novalidate data-options="${scriptOptions}">
${aboutYou(limits)}
${yourStory(choices)}
${videoStep(limits)}
${peopleStep(limits)}
${submitStep(limits, referralSource)}
</form>`,
    });
  }

  return { renderSubmissionForm };
}
