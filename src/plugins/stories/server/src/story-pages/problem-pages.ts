import { escapeHtml, renderPage } from '../site/layout';
import { NO_INDEX, STYLESHEET } from './head';
import { LIST_PATH } from './params';

/**
 * The pages for what cannot be shown: an unknown address (404), a story taken down (410, without any of its
 * content — not even its title), a list page past the end (404) and a filter value that does not exist (400,
 * naming the parameter). Each offers the way on: the list, and a search.
 */

const HEAD = [STYLESHEET, NO_INDEX].join('\n');

const SEARCH = `<form class="story-filters story-filters--compact" method="get" action="${LIST_PATH}" role="search" aria-label="Geschichten durchsuchen">
<div class="story-filters__field story-filters__field--search">
<label for="problem-q">Geschichten durchsuchen</label>
<input type="search" id="problem-q" name="q" maxlength="200">
</div>
<div class="story-filters__actions"><button type="submit" class="button">Suchen</button></div>
</form>`;

const TO_LIST = `<p><a class="button button--secondary" href="${LIST_PATH}">Alle Geschichten ansehen</a></p>`;

export function renderStoryNotFound(): string {
  return renderPage({
    title: 'Geschichte nicht gefunden',
    head: HEAD,
    main: `<div class="story-problem">
<h1>Diese Geschichte haben wir nicht gefunden</h1>
<p>Unter dieser Adresse gibt es keine Geschichte. Vielleicht ist der Link unvollständig, oder die Geschichte ist noch nicht veröffentlicht.</p>
${TO_LIST}
${SEARCH}
</div>`,
  });
}

export function renderStoryGone(): string {
  return renderPage({
    title: 'Nicht mehr verfügbar',
    head: HEAD,
    main: `<div class="story-problem">
<h1>Diese Geschichte ist nicht mehr verfügbar.</h1>
<p>Sie wurde von unserer Website genommen.</p>
${TO_LIST}
</div>`,
  });
}

export function renderPageNotFound(firstPage: string): string {
  return renderPage({
    title: 'Seite nicht gefunden',
    head: HEAD,
    main: `<div class="story-problem">
<h1>Diese Seite der Liste gibt es nicht</h1>
<p>So viele Geschichten gibt es in dieser Auswahl nicht.</p>
<p><a class="button button--secondary" href="${escapeHtml(firstPage)}">Zur ersten Seite</a></p>
</div>`,
  });
}

const PARAMETER_NAMES: Record<string, string> = { region: 'Region', theme: 'Thema', project: 'Projekt', q: 'Suche', page: 'Seite' };

/** `parameter` is the query parameter the API's validation named; `message` its (English) explanation. */
export function renderBadFilter(parameter: string, message: string): string {
  const label = PARAMETER_NAMES[parameter];
  const what = label ? `Die Angabe „${label}“ (<code>${escapeHtml(parameter)}</code>)` : `Die Angabe <code>${escapeHtml(parameter)}</code>`;
  const problem = label ? 'ist ungültig' : 'kennen wir nicht';
  return renderPage({
    title: 'Auswahl nicht möglich',
    head: HEAD,
    main: `<div class="story-problem">
<h1>Diese Auswahl können wir nicht anzeigen</h1>
<div class="notice notice--warning">
<p>${what} in der Adresse ${problem}. Bitte wählen Sie Region, Thema und Projekt auf der Übersicht aus den Listen.</p>
<p class="hint" lang="en">${escapeHtml(message)}</p>
</div>
${TO_LIST}
</div>`,
  });
}
