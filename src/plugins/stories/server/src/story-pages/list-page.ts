import { escapeHtml, renderPage } from '../site/layout';
import type { PageMeta, PublicStory } from '../public-api/serialize';
import { CALL_TO_ACTION } from './call-to-action';
import { storyGrid } from './cards';
import { countOf } from './format';
import { listHead } from './head';
import { hasFilters, LIST_PATH, listHref, type ListFilters, type ListParams } from './params';
import type { FilterChoices, ProjectChoices, RegionChoices, ThemeChoices } from './public-data';

/**
 * The list at /geschichten: newest first, filtered by region, theme, project and words with a plain GET form that
 * works without JavaScript, and paged with links. Regions, themes and projects come with their story counts from
 * the public API, so the choices say how many stories each holds.
 */

const option = (value: string, label: string, selected: boolean) =>
  `<option value="${escapeHtml(value)}"${selected ? ' selected' : ''}>${escapeHtml(label)}</option>`;

/** Which district or statistical region a `region` value means, by the API's rules (district first). */
export function chosenRegion(regions: RegionChoices, value: string | undefined) {
  if (!value) return null;
  const district = value.startsWith('statistical:') ? undefined : regions.data.find((r) => r.slug === value || r.key === value);
  if (district) return { value: district.slug, label: district.name };
  const key = value.replace(/^statistical:/, '');
  const area = regions.meta.statisticalRegions.find((s) => s.key === key);
  return area ? { value: area.filter, label: `Raum ${area.name}` } : null;
}

export function regionSelect(regions: RegionChoices, selected: string | undefined): string {
  const groups = regions.meta.statisticalRegions.map((area) => {
    const districts = regions.data
      .filter((r) => r.statisticalRegion === area.key)
      .sort((a, b) => a.name.localeCompare(b.name, 'de'))
      .map((r) => option(r.slug, `${r.name} (${r.storyCount})`, selected === r.slug));
    return `<optgroup label="Raum ${escapeHtml(area.name)}">
${option(area.filter, `Ganzer Raum ${area.name} (${area.storyCount})`, selected === area.filter)}
${districts.join('\n')}
</optgroup>`;
  });
  return `<select id="filter-region" name="region">
${option('', 'Ganz Niedersachsen', !selected)}
${groups.join('\n')}
</select>`;
}

export function themeSelect(themes: ThemeChoices, selected: string | undefined): string {
  return `<select id="filter-theme" name="theme">
${option('', 'Alle Themen', !selected)}
${themes.data.map((t) => option(t.slug, `${t.name} (${t.storyCount})`, selected === t.slug)).join('\n')}
</select>`;
}

export function projectSelect(projects: ProjectChoices, selected: string | undefined): string {
  return `<select id="filter-project" name="project">
${option('', 'Alle Projekte', !selected)}
${projects.data.map((p) => option(p.slug, `${p.name} (${p.storyCount})`, selected === p.slug)).join('\n')}
</select>`;
}

function filterForm(filters: ListFilters, choices: FilterChoices): string {
  const region = chosenRegion(choices.regions.body, filters.region);
  const project = choices.projects.body.data.length
    ? `<div class="story-filters__field"><label for="filter-project">Projekt</label>
${projectSelect(choices.projects.body, filters.project)}</div>`
    : '';
  return `<form class="story-filters" method="get" action="${LIST_PATH}" role="search" aria-label="Geschichten filtern">
<div class="story-filters__field story-filters__field--search">
<label for="filter-q">Suchen</label>
<span class="hint" id="filter-q-hint">Ein oder mehrere Wörter, z. B. Ausbildung oder Sprachcafé</span>
<input type="search" id="filter-q" name="q" value="${escapeHtml(filters.q ?? '')}" maxlength="200" aria-describedby="filter-q-hint">
</div>
<div class="story-filters__field"><label for="filter-region">Region</label>
${regionSelect(choices.regions.body, region?.value)}</div>
<div class="story-filters__field"><label for="filter-theme">Thema</label>
${themeSelect(choices.themes.body, filters.theme)}</div>
${project}
<div class="story-filters__actions">
<button type="submit" class="button">Geschichten anzeigen</button>
${hasFilters(filters) ? `<a href="${LIST_PATH}">Alle Filter zurücksetzen</a>` : ''}
</div>
</form>`;
}

/** What the filters select, in words: "Göttingen", "Thema Sprache", "Suche „Pflege“". */
export function scopeOf(filters: ListFilters, choices: FilterChoices): string[] {
  const scope: string[] = [];
  const region = chosenRegion(choices.regions.body, filters.region);
  if (region) scope.push(region.label);
  const theme = choices.themes.body.data.find((t) => t.slug === filters.theme);
  if (theme) scope.push(`Thema ${theme.name}`);
  const project = choices.projects.body.data.find((p) => p.slug === filters.project);
  if (project) scope.push(`Projekt ${project.name}`);
  if (filters.q) scope.push(`Suche „${filters.q}“`);
  return scope;
}

function pagination(filters: ListFilters, meta: PageMeta): string {
  if (meta.pageCount <= 1) return '';
  const prev = meta.page > 1 ? `<a class="pagination__link" rel="prev" href="${escapeHtml(listHref(filters, meta.page - 1))}">← Vorherige Seite</a>` : '';
  const next =
    meta.page < meta.pageCount ? `<a class="pagination__link" rel="next" href="${escapeHtml(listHref(filters, meta.page + 1))}">Nächste Seite →</a>` : '';
  return `<nav class="pagination" aria-label="Seiten">
${prev}
<span class="pagination__current">Seite ${meta.page} von ${meta.pageCount}</span>
${next}
</nav>`;
}

function emptyState(filters: ListFilters): string {
  const reset = hasFilters(filters) ? `<li><a href="${LIST_PATH}">Alle Geschichten ansehen</a></li>` : '';
  const words = filters.q ? '<li>Versuchen Sie ein anderes oder weniger Wörter.</li>' : '';
  return `<div class="story-empty">
<p><strong>Zu dieser Auswahl gibt es noch keine Geschichte.</strong></p>
<ul>${words}${reset}<li>Vielleicht bald Ihre? <a href="/mitmachen">Erzählen Sie Ihre Geschichte</a></li></ul>
</div>`;
}

function feedQuery(filters: ListFilters): string {
  const query = new URLSearchParams();
  for (const [name, value] of Object.entries(filters)) if (value) query.set(name, value);
  return query.toString();
}

export function renderListPage(params: ListParams, list: { data: PublicStory[]; meta: PageMeta }, choices: FilterChoices, publicUrl: string): string {
  const { page, ...filters } = params;
  const scope = scopeOf(filters, choices);
  const title = ['Geschichten', ...(scope.length ? [scope.join(' · ')] : []), ...(page > 1 ? [`Seite ${page}`] : [])].join(' – ');
  const query = feedQuery(filters);
  const count = countOf(list.meta.total, 'Geschichte', 'Geschichten');
  const results = list.data.length
    ? `${storyGrid(list.data, 3, 3)}
${pagination(filters, list.meta)}`
    : emptyState(filters);
  const feeds = `<p class="story-feeds">Neue Geschichten${scope.length ? ' dieser Auswahl' : ''} abonnieren:
<a href="${escapeHtml(`/api/v1/stories.rss${query ? `?${query}` : ''}`)}">RSS-Feed</a> ·
<a href="${escapeHtml(`/api/v1/stories.atom${query ? `?${query}` : ''}`)}">Atom-Feed</a></p>`;
  return renderPage({
    title,
    head: listHead({
      publicUrl,
      canonicalPath: listHref(filters, page),
      title,
      description:
        'Erfolgsgeschichten gelungener Integration aus ganz Niedersachsen – erzählt von den Menschen, die sie erleben. ' +
        (scope.length ? `Auswahl: ${scope.join(', ')}.` : 'Mit Videos, nach Region und Thema.'),
      filterQuery: query,
      prev: page > 1 ? listHref(filters, page - 1) : undefined,
      next: page < list.meta.pageCount ? listHref(filters, page + 1) : undefined,
      noIndex: Boolean(filters.q),
    }),
    main: `<div class="stories-page">
<h1>Geschichten gelungener Integration</h1>
<p class="intro">Menschen aus ganz Niedersachsen erzählen, wie Integration gelingt: beim Deutschlernen, in Ausbildung und Beruf, im Sportverein oder in der Nachbarschaft. Kleine und große Geschichten – zum Anschauen, Teilen und Nachmachen.</p>
${filterForm(filters, choices)}
<section class="story-results" aria-labelledby="ergebnis-titel">
<h2 id="ergebnis-titel">${count}${scope.length ? `<span class="story-results__scope">: ${escapeHtml(scope.join(' · '))}</span>` : ''}</h2>
${results}
</section>
${feeds}
${CALL_TO_ACTION}
</div>`,
  });
}
