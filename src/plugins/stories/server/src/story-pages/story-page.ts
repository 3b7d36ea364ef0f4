import { escapeHtml, renderPage } from '../site/layout';
import type { PublicStory } from '../public-api/serialize';
import { CALL_TO_ACTION } from './call-to-action';
import { storyGrid } from './cards';
import { germanDate, KIND_NAMES, LANGUAGE_NAMES } from './format';
import { storyHead } from './head';
import { coverImage } from './images';
import { listHref } from './params';
import { shareSection } from './share-links';

/**
 * The page of one story at /geschichten/<slug>, rendered from the public API's answer. The video is the partner
 * widget's two-click player (public/embed/stories.js with data-story): nothing is loaded from YouTube before the
 * visitor clicks play and confirms the notice. Without JavaScript the cover links to the video on YouTube.
 */

// The page's column is at most 52rem wide with 1rem padding on each side (story-pages.css).
const MEDIA_SIZES = '(min-width: 52rem) 50rem, calc(100vw - 2rem)';
const PLAYER_ID = 'story-player';
/** Shows the "Teilen" button where the browser offers the Web Share API. */
const SHARE_SCRIPT = '/assets/share.js';

/** The story body's headings sit below the page's own h1 (the title). */
const belowTitle = (html: string) => html.replace(/<(\/?)h1>/g, '<$1h2>');

function widgetScript(story: PublicStory): string {
  if (!story.youtube) return '';
  return `<script src="/embed/stories.js" data-story="${escapeHtml(story.slug)}" data-target="#${PLAYER_ID}" defer></script>`;
}

function media(story: PublicStory): string {
  const cover = story.cover
    ? coverImage(story.cover, { className: 'story-media__cover', sizes: MEDIA_SIZES, eager: true, alt: story.cover.alternativeText ?? '' })
    : '';
  if (!story.youtube) return cover ? `<figure class="story-media">${cover}</figure>` : '';
  const picture = cover || '<div class="story-media__placeholder" aria-hidden="true"><span>ZUSAMMEN. MEHR.</span></div>';
  return `<div class="story-media story-media--video" id="${PLAYER_ID}">
${picture}
<a class="story-media__fallback" href="${escapeHtml(story.youtube.watchUrl)}" rel="noopener">Video bei YouTube ansehen<span class="visually-hidden"> (externe Seite von YouTube/Google)</span></a>
</div>`;
}

function byline(story: PublicStory): string {
  return `<p class="story__meta">Veröffentlicht am <time datetime="${escapeHtml(story.publishedAt)}">${escapeHtml(germanDate(story.publishedAt))}</time></p>`;
}

const fact = (term: string, details: string) => `<div class="story-facts__item"><dt>${term}</dt><dd>${details}</dd></div>`;

function facts(story: PublicStory): string {
  const items: string[] = [];
  if (story.region) items.push(fact('Region', `<a href="${escapeHtml(listHref({ region: story.region.slug }))}">${escapeHtml(story.region.name)}</a>`));
  if (story.place) items.push(fact('Ort', escapeHtml(story.place)));
  if (story.project) {
    const { project } = story;
    const lines = [`<a href="${escapeHtml(listHref({ project: project.slug }))}">${escapeHtml(project.name)}</a>`];
    if (project.organisation) lines.push(`<span class="story-facts__sub">Träger: ${escapeHtml(project.organisation)}</span>`);
    if (project.website && /^https?:\/\//i.test(project.website)) {
      lines.push(`<a class="story-facts__sub" href="${escapeHtml(project.website)}" rel="noopener">Website des Projekts<span class="visually-hidden"> ${escapeHtml(project.name)}</span></a>`);
    }
    items.push(fact('Projekt', lines.join('')));
  }
  if (story.themes.length) {
    const links = story.themes.map((theme) => `<li><a href="${escapeHtml(listHref({ theme: theme.slug }))}">${escapeHtml(theme.name)}</a></li>`).join('');
    items.push(fact('Themen', `<ul class="tag-list" role="list">${links}</ul>`));
  }
  if (story.kind && KIND_NAMES[story.kind]) items.push(fact('Art', KIND_NAMES[story.kind]));
  if (story.recordedOn) items.push(fact('Aufgenommen', `<time datetime="${story.recordedOn}">${escapeHtml(germanDate(story.recordedOn))}</time>`));
  if (story.youtube && story.language) items.push(fact('Sprache des Videos', escapeHtml(LANGUAGE_NAMES[story.language] ?? story.language)));
  if (story.credits.length) {
    const credits = story.credits.map((credit) => `<li>${credit.role ? `${escapeHtml(credit.role)}: ` : ''}${escapeHtml(credit.name)}</li>`).join('');
    items.push(fact('Mitwirkende', `<ul class="story-facts__list" role="list">${credits}</ul>`));
  }
  return items.length ? `<h2 class="visually-hidden">Angaben zur Geschichte</h2>\n<dl class="story-facts">${items.join('\n')}</dl>` : '';
}

function breadcrumb(story: PublicStory): string {
  const region = story.region ? `<li><a href="${escapeHtml(listHref({ region: story.region.slug }))}">${escapeHtml(story.region.name)}</a></li>` : '';
  return `<nav class="breadcrumb" aria-label="Sie sind hier">
<ol><li><a href="/geschichten">Geschichten</a></li>${region}<li><span aria-current="page">${escapeHtml(story.title)}</span></li></ol>
</nav>`;
}

function moreStories(story: PublicStory, related: PublicStory[]): string {
  const others = related.filter((other) => other.id !== story.id).slice(0, 3);
  if (!others.length) return '';
  const where = story.region ? `aus ${escapeHtml(story.region.name)}` : 'aus Niedersachsen';
  const all = story.region ? listHref({ region: story.region.slug }) : listHref({});
  return `<section class="story-more" aria-labelledby="weitere-titel">
<h2 id="weitere-titel">Weitere Geschichten ${where}</h2>
${storyGrid(others, 3)}
<p><a href="${escapeHtml(all)}">Alle Geschichten ${where}</a></p>
</section>`;
}

export function renderStoryPage(story: PublicStory, related: PublicStory[], publicUrl: string): string {
  return renderPage({
    title: story.title,
    head: storyHead(story, publicUrl, widgetScript(story)),
    scripts: [SHARE_SCRIPT],
    main: `<div class="story-page">
${breadcrumb(story)}
<article class="story" aria-labelledby="story-title">
<header class="story__header">
<h1 id="story-title">${escapeHtml(story.title)}</h1>
${story.teaser ? `<p class="intro story__teaser">${escapeHtml(story.teaser)}</p>` : ''}
${byline(story)}
</header>
${media(story)}
<div class="prose story__body">
${belowTitle(story.bodyHtml)}
</div>
${facts(story)}
${shareSection(story, publicUrl)}
<p class="story__report">Stimmt etwas nicht, oder verletzt diese Geschichte Rechte? <a href="/melden?story=${encodeURIComponent(story.slug)}">Inhalt melden</a></p>
</article>
${CALL_TO_ACTION}
${moreStories(story, related)}
</div>`,
  });
}
