import { escapeHtml, renderPage } from '../site/layout';
import { NO_INDEX } from '../story-pages/head';
import { chosenRegion, projectSelect, regionSelect, themeSelect } from '../story-pages/list-page';
import { listHref } from '../story-pages/params';
import type { FilterChoices } from '../story-pages/public-data';
import { BANNERS, bannerPath, bannerSnippet } from './banners';
import { CALL, CLAIM } from './call';
import { PRINT_FORMATS, printPath } from './print';
import { MAX_LIMIT } from '../embed/params';
import { QUELLE_MAX, selectionSearch, site, type PartnerParams } from './selection';
import { iframeSnippet, previewScript, scriptSnippet } from './snippets';

/**
 * /partner: the kit for the alliance's supporters, in German with English alongside. A plain GET form chooses the
 * selection and the page answers with everything for it — live preview, snippets, banners, newsletter block, print
 * files and feeds — so it works without JavaScript; /assets/partner.js swaps the results in place as the choice
 * changes and adds the copy buttons.
 */

export const PREVIEW_TARGET = 'partner-preview';

const en = (text: string) => `<span class="en" lang="en">${text}</span>`;
const heading = (id: string, de: string, english: string) => `<h2 id="${id}">${de} ${en(`/ ${english}`)}</h2>`;

const LAYOUT_LABELS: Record<PartnerParams['layout'], [string, string]> = {
  grid: ['Geschichten als Kacheln', 'story cards'],
  banner: ['Nur der Aufruf als Banner', 'the call as a banner'],
  map: ['Karte der 45 Kreise', 'map of the 45 districts'],
};

/** A snippet to copy: visible and selectable without JavaScript; the copy button appears with it. */
function snippet(id: string, label: string, code: string, rows = 3): string {
  return `<div class="snippet">
<label for="${id}">${label}</label>
<textarea id="${id}" class="snippet__code" readonly rows="${rows}" spellcheck="false">${escapeHtml(code)}</textarea>
<p class="snippet__actions"><button type="button" class="button button--small" data-copy="${id}" hidden>Kopieren ${en('Copy')}</button>
<span class="snippet__status" role="status" aria-live="polite"></span></p>
</div>`;
}

function chooser(params: PartnerParams, choices: FilterChoices): string {
  const region = chosenRegion(choices.regions.body, params.region);
  const layouts = (Object.keys(LAYOUT_LABELS) as PartnerParams['layout'][])
    .map((layout) => {
      const [de, english] = LAYOUT_LABELS[layout];
      return `<div class="choice"><input type="radio" id="layout-${layout}" name="layout" value="${layout}"${params.layout === layout ? ' checked' : ''}>
<label for="layout-${layout}">${de} ${en(english)}</label></div>`;
    })
    .join('\n');
  return `<form class="kit-chooser" method="get" action="/partner" aria-labelledby="auswahl-titel" data-kit-form>
${heading('auswahl-titel', '1. Auswahl', 'Choose')}
<div class="kit-chooser__grid">
<div class="field"><label for="filter-region">Kreis oder Region ${en('District or region')}</label>
${regionSelect(choices.regions.body, region?.value)}</div>
<div class="field"><label for="filter-theme">Thema ${en('Theme')}</label>
${themeSelect(choices.themes.body, params.theme)}</div>
${choices.projects.body.data.length ? `<div class="field"><label for="filter-project">Projekt ${en('Project')}</label>\n${projectSelect(choices.projects.body, params.project)}</div>` : ''}
<div class="field"><label for="kit-limit">Anzahl Geschichten ${en('Number of stories')}</label>
<input type="number" id="kit-limit" name="limit" min="1" max="${MAX_LIMIT}" value="${params.limit}" inputmode="numeric"></div>
</div>
<fieldset><legend>Darstellung ${en('Layout')}</legend>
${layouts}
</fieldset>
<div class="field"><label for="kit-quelle">Ihr Quellenname ${en('Your source name')} <span class="optional">(freiwillig)</span></label>
<span class="hint" id="kit-quelle-hint">Kleinbuchstaben, Ziffern und Bindestriche, z. B. <code>awo-goettingen</code>. Er steht in den Links zum Mitmachen, damit das Bündnis sieht, wie viele Geschichten über Sie kamen – ohne Cookies.</span>
<input type="text" id="kit-quelle" name="quelle" value="${escapeHtml(params.quelle ?? '')}" maxlength="${QUELLE_MAX}" pattern="[a-z0-9]+([\\-_][a-z0-9]+)*" aria-describedby="kit-quelle-hint" autocomplete="off"></div>
<p class="kit-chooser__error notice notice--error" role="alert" hidden></p>
<div class="actions"><button type="submit" class="button">Übernehmen ${en('Apply')}</button></div>
</form>`;
}

function preview(params: PartnerParams): string {
  return `<section aria-labelledby="vorschau-titel">
${heading('vorschau-titel', '2. Vorschau', 'Live preview')}
<p>So erscheint das Widget mit Ihrer Auswahl – mit den Geschichten, wie sie gerade veröffentlicht sind. ${en('This is the real widget with your selection.')}</p>
<div class="kit-preview" data-kit-preview><div id="${PREVIEW_TARGET}"></div>${previewScript(params, PREVIEW_TARGET)}</div>
</section>`;
}

function embedSnippets(params: PartnerParams, publicUrl: string, title: string): string {
  return `<section aria-labelledby="einbinden-titel">
${heading('einbinden-titel', '3. Einbinden', 'Embed')}
<p>Kopieren Sie einen der beiden Bausteine in Ihre Website. Das Script zeichnet das Widget direkt in Ihre Seite; der iframe passt in Baukästen, die keine Scripts erlauben. ${en('Copy one of the two snippets into your website.')}</p>
${snippet('snippet-script', `Script-Tag ${en('script tag')}`, scriptSnippet(params, publicUrl), 3)}
${snippet('snippet-iframe', `iframe ${en('iframe')} <span class="hint">zeigt immer die Kacheln / always shows the cards</span>`, iframeSnippet(params, publicUrl, title), 4)}
</section>`;
}

function banners(params: PartnerParams, publicUrl: string): string {
  const items = BANNERS.map(
    (banner) => `<li class="kit-banner">
<h3>${banner.width} × ${banner.height} <span class="kit-banner__use">${escapeHtml(banner.use)}</span></h3>
<div class="kit-banner__picture"><img src="${bannerPath(banner, 'png')}" alt="" width="${banner.width}" height="${banner.height}" loading="lazy"></div>
<p class="kit-banner__files"><a href="${bannerPath(banner, 'png')}" download>PNG herunterladen</a> · <a href="${bannerPath(banner, 'svg')}" download>SVG herunterladen</a></p>
${snippet(`snippet-banner-${banner.name}`, `HTML für dieses Banner ${en('HTML for this banner')}`, bannerSnippet(banner, publicUrl, params.quelle), 3)}
</li>`
  ).join('\n');
  return `<section aria-labelledby="banner-titel">
${heading('banner-titel', '4. Banner als Bild', 'Banners as images')}
<p>Für Seiten ohne Scripts, für soziale Medien und Link-Vorschauen: der Aufruf „${CLAIM} – ${CALL}“ als Bild, verlinkt auf das Formular${params.quelle ? ` mit Ihrem Quellennamen <code>${escapeHtml(params.quelle)}</code>` : ''}. ${en('The call as a picture, linked to the form.')}</p>
<ul class="kit-banners" role="list">${items}</ul>
</section>`;
}

function newsletter(params: PartnerParams, publicUrl: string, newsletterHtml: string): string {
  const query = selectionSearch(params);
  const html = `${site(publicUrl)}/partner/newsletter.html${query}`;
  const text = `${site(publicUrl)}/partner/newsletter.txt${query}`;
  return `<section aria-labelledby="newsletter-titel">
${heading('newsletter-titel', '5. Newsletter', 'Newsletter block')}
<p>Die neuesten Geschichten Ihrer Auswahl und der Aufruf als Baustein für Ihren Newsletter: in den HTML-Bereich Ihres Newsletter-Programms einfügen, oder die feste Adresse dort importieren – sie liefert immer die aktuellen Geschichten. Ohne Tracking, ohne Scripts. ${en('Paste the block into your newsletter, or import its permanent address.')}</p>
${snippet('snippet-newsletter', `HTML-Baustein ${en('HTML block')}`, newsletterHtml, 6)}
<ul class="kit-links">
<li><a href="${escapeHtml(html)}">Als HTML ansehen</a> · <a href="${escapeHtml(html)}" download="zusammen-mehr-newsletter.html">herunterladen</a> ${en('HTML')}</li>
<li><a href="${escapeHtml(text)}">Als reiner Text</a> · <a href="${escapeHtml(text)}" download="zusammen-mehr-newsletter.txt">herunterladen</a> ${en('plain text')}</li>
</ul>
${snippet('snippet-newsletter-url', `Feste Adresse für den Import ${en('Permanent address for import')}`, html, 2)}
</section>`;
}

function printFiles(params: PartnerParams): string {
  const query = selectionSearch(params, ['region', 'theme', 'project', 'quelle']);
  const items = PRINT_FORMATS.map((format) => `<li><a href="${escapeHtml(`${printPath(format)}${query}`)}">${escapeHtml(format.label)}</a> <span class="kit-format">(PDF)</span></li>`).join('\n');
  return `<section aria-labelledby="druck-titel">
${heading('druck-titel', '6. Flyer, Plakat, Anzeige', 'Print')}
<p>Druckfertige PDF-Dateien mit dem Aufruf und einem QR-Code zum Formular${params.quelle ? ' (mit Ihrem Quellennamen)' : ''}. Mit einer Auswahl oben zeigen Flyer und Plakate die neuesten Geschichten daraus. Zum Auslegen, Aufhängen und für Ihre Mitgliederzeitschrift. ${en('Print-ready PDFs with a QR code to the form.')}</p>
<ul class="kit-links">${items}</ul>
</section>`;
}

function feeds(params: PartnerParams, publicUrl: string): string {
  const query = selectionSearch(params, ['region', 'theme', 'project']);
  const api = `${site(publicUrl)}/api/v1`;
  return `<section aria-labelledby="feeds-titel">
${heading('feeds-titel', '7. Feeds', 'Feeds')}
<p>Neue Geschichten Ihrer Auswahl automatisch: für Feed-Reader, Newsletter-Programme mit RSS-Kampagnen und eigene Anwendungen. ${en('New stories of your selection, automatically.')}</p>
${snippet('snippet-rss', 'RSS', `${api}/stories.rss${query}`, 1)}
${snippet('snippet-atom', 'Atom', `${api}/stories.atom${query}`, 1)}
${snippet('snippet-json', `JSON ${en('(API, see /api/v1/openapi.json)')}`, `${api}/stories${query}`, 1)}
</section>`;
}

const howTo = (officeEmail: string) => `<section aria-labelledby="anleitung-titel">
${heading('anleitung-titel', '8. So fügen Sie den Baustein ein', 'Where to paste')}
<details><summary>WordPress</summary>
<ol><li>Seite oder Beitrag bearbeiten, mit „+“ einen Block <strong>„Individuelles HTML“</strong> (<span lang="en">Custom HTML</span>) einfügen.</li>
<li>Script-Tag oder iframe hineinkopieren, mit „Vorschau“ prüfen, aktualisieren.</li>
<li>In einer Seitenleiste: Design → Widgets → Block „Individuelles HTML“.</li></ol></details>
<details><summary>TYPO3</summary>
<ol><li>Im Modul „Seite“ ein neues Inhaltselement anlegen: Reiter „Spezielle Elemente“ → <strong>„Reines HTML“</strong> (<span lang="en">Plain HTML</span>).</li>
<li>Den Baustein in das Feld „HTML-Code“ kopieren und speichern.</li>
<li>Erlaubt Ihre Installation keine Scripts, nehmen Sie den iframe oder ein Banner-Bild.</li></ol></details>
<details><summary>Joomla</summary>
<ol><li>Inhalt → Site-Module → Neu → <strong>„Eigenes Modul“</strong> (<span lang="en">Custom</span>).</li>
<li>Im Editor auf „Code“ bzw. „Editor an/aus“ schalten, den Baustein einfügen, eine Position wählen, speichern.</li>
<li>Entfernt der Editor das Script, unter System → Globale Konfiguration → Textfilter für Ihre Gruppe „Kein Filter“ wählen – oder iframe bzw. Banner-Bild nehmen.</li></ol></details>
<p>Fragen? Die Geschäftsstelle hilft gern: <a href="mailto:${escapeHtml(officeEmail)}">${escapeHtml(officeEmail)}</a>. ${en('Questions? The office is happy to help.')}</p>
</section>`;

export interface PartnerPageInput {
  params: PartnerParams;
  choices: FilterChoices;
  title: string;
  publicUrl: string;
  newsletterHtml: string;
  officeEmail: string;
}

/** The part of the page that depends on the choice: /assets/partner.js swaps it in place. */
function results(input: PartnerPageInput): string {
  const { params, publicUrl } = input;
  return `<div class="kit-results" id="kit-results" data-kit-results>
<p class="kit-selection" role="status">Ihre Auswahl ${en('Your selection')}: <strong>${escapeHtml(input.title)}</strong> · <a href="${escapeHtml(listHref({ region: params.region, theme: params.theme, project: params.project }))}">auf der Website ansehen</a></p>
${preview(params)}
${embedSnippets(params, publicUrl, input.title)}
${banners(params, publicUrl)}
${newsletter(params, publicUrl, input.newsletterHtml)}
${printFiles(params)}
${feeds(params, publicUrl)}
</div>`;
}

export function renderPartnerPage(input: PartnerPageInput): string {
  return renderPage({
    title: 'Für Partner: Aufruf und Geschichten einbinden',
    head: [NO_INDEX, '<link rel="stylesheet" href="/assets/story-pages.css">', '<link rel="stylesheet" href="/assets/partner.css">'].join('\n'),
    scripts: ['/assets/partner.js'],
    main: `<div class="kit-page">
<h1>Für Partner: Machen Sie den Aufruf bekannt <span class="en en-block" lang="en">For partners: spread the call</span></h1>
<p class="intro">Sie sind ideale Multiplikatorinnen und Multiplikatoren: Binden Sie die Geschichten oder ein Banner auf Ihrer Website ein, bringen Sie den Aufruf in Ihren Newsletter und Ihre Mitgliederzeitschrift, legen Sie Flyer aus und hängen Sie Plakate auf. Alles hier ist kostenlos, ohne Anmeldung und ohne Tracking.</p>
<p class="en en-block" lang="en">Embed the stories or a banner on your website, put the call in your newsletter and member magazine, lay out flyers and hang posters. Everything here is free, without login and without tracking.</p>
${chooser(input.params, input.choices)}
${results(input)}
${howTo(input.officeEmail)}
</div>`,
  });
}

/** A wrong choice (a hand-edited address): 400, naming the parameter, with the way back to the kit. */
export function renderBadChoice(parameter: string, message: string): string {
  return renderPage({
    title: 'Auswahl nicht möglich',
    head: NO_INDEX,
    main: `<h1>Diese Auswahl gibt es nicht</h1>
<div class="notice notice--error"><p>Die Angabe <code>${escapeHtml(parameter)}</code> ist nicht gültig: <span lang="en" class="kit-problem">${escapeHtml(message)}</span></p></div>
<p><a class="button" href="/partner">Zurück zum Partner-Kit</a></p>`,
  });
}
