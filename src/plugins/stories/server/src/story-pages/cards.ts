import { escapeHtml } from '../site/layout';
import type { PublicStory } from '../public-api/serialize';
import { coverImage } from './images';
import { storyHref } from './params';

/**
 * A story as a card in a grid (the list, "more from the region"), like the partner widget's: cover, title, teaser,
 * region and themes. The title is the card's one link; CSS stretches it over the whole card.
 */

const CARD_SIZES = '(min-width: 62rem) 19rem, (min-width: 40rem) 45vw, 100vw';

function media(story: PublicStory, eager: boolean): string {
  const picture = story.cover
    ? coverImage(story.cover, { className: 'story-card__cover', sizes: CARD_SIZES, eager })
    : '<div class="story-card__placeholder" aria-hidden="true"><span>ZUSAMMEN. MEHR.</span></div>';
  const video = story.youtube ? '<span class="story-card__badge"><span class="story-card__play" aria-hidden="true"></span>Mit Video</span>' : '';
  return `<div class="story-card__media">${picture}${video}</div>`;
}

export function storyCard(story: PublicStory, options: { headingLevel: 2 | 3; eager?: boolean }): string {
  const h = `h${options.headingLevel}`;
  const themes = story.themes.length
    ? `<ul class="story-card__themes" aria-label="Themen">${story.themes.map((theme) => `<li>${escapeHtml(theme.name)}</li>`).join('')}</ul>`
    : '';
  return `<li class="story-card">
<div class="story-card__body">
<${h} class="story-card__title"><a href="${storyHref(story.slug)}">${escapeHtml(story.title)}</a></${h}>
${story.teaser ? `<p class="story-card__teaser">${escapeHtml(story.teaser)}</p>` : ''}
${story.region ? `<p class="story-card__region">${escapeHtml(story.region.name)}</p>` : ''}
${themes}
</div>
${media(story, Boolean(options.eager))}
</li>`;
}

export function storyGrid(stories: PublicStory[], headingLevel: 2 | 3, eagerCount = 0): string {
  return `<ul class="story-grid" role="list">
${stories.map((story, index) => storyCard(story, { headingLevel, eager: index < eagerCount })).join('\n')}
</ul>`;
}
