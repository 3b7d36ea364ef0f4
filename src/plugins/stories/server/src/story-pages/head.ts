import { escapeHtml } from '../site/layout';
import type { PublicStory } from '../public-api/serialize';
import { shorten } from './format';
import { SOCIAL_IMAGE, socialImagePath } from './social-image';

/**
 * What goes into <head> of the story pages besides the shell's own: the stylesheet, the canonical address, the
 * description and preview of shared links (Open Graph, Twitter card), and where machines find the same content
 * (RSS and Atom feeds, oEmbed). Addresses meant for other sites are absolute.
 */

export const SITE_NAME = 'ZUSAMMEN. MEHR.';
export const STYLESHEET = '<link rel="stylesheet" href="/assets/story-pages.css">';
export const NO_INDEX = '<meta name="robots" content="noindex">';

const site = (publicUrl: string) => publicUrl.replace(/\/$/, '');

const meta = (attribute: 'name' | 'property', key: string, value: string | number) =>
  `<meta ${attribute}="${key}" content="${escapeHtml(String(value))}">`;

/** The feeds of a selection (the same filters as the page), for feed readers that look for them. */
export function feedLinks(publicUrl: string, filterQuery: string, label: string): string {
  const query = filterQuery ? `?${filterQuery}` : '';
  return [
    `<link rel="alternate" type="application/rss+xml" title="${escapeHtml(`${label} (RSS)`)}" href="${escapeHtml(`${site(publicUrl)}/api/v1/stories.rss${query}`)}">`,
    `<link rel="alternate" type="application/atom+xml" title="${escapeHtml(`${label} (Atom)`)}" href="${escapeHtml(`${site(publicUrl)}/api/v1/stories.atom${query}`)}">`,
  ].join('\n');
}

export function listHead(options: { publicUrl: string; canonicalPath: string; title: string; description: string; filterQuery: string; prev?: string; next?: string; noIndex: boolean }): string {
  const url = `${site(options.publicUrl)}${options.canonicalPath}`;
  return [
    STYLESHEET,
    options.noIndex ? NO_INDEX : '',
    `<link rel="canonical" href="${escapeHtml(url)}">`,
    options.prev ? `<link rel="prev" href="${escapeHtml(options.prev)}">` : '',
    options.next ? `<link rel="next" href="${escapeHtml(options.next)}">` : '',
    meta('name', 'description', options.description),
    meta('property', 'og:type', 'website'),
    meta('property', 'og:site_name', SITE_NAME),
    meta('property', 'og:locale', 'de_DE'),
    meta('property', 'og:title', options.title),
    meta('property', 'og:description', options.description),
    meta('property', 'og:url', url),
    feedLinks(options.publicUrl, options.filterQuery, `${SITE_NAME} – ${options.title}`),
  ]
    .filter(Boolean)
    .join('\n');
}

export function storyDescription(story: PublicStory): string {
  return shorten(story.teaser || story.bodyText || `Eine Geschichte gelungener Integration aus ${story.region?.name ?? 'Niedersachsen'}.`, 200);
}

export function storyHead(story: PublicStory, publicUrl: string, widgetScript: string): string {
  const description = storyDescription(story);
  // The generated link picture (social-image.ts) also names the story, so its description is the title after the cover's.
  const image = `${site(publicUrl)}${socialImagePath(story.slug)}`;
  const imageAlt = story.cover?.alternativeText ? `${story.cover.alternativeText} – ${story.title}` : story.title;
  const oembed = `${site(publicUrl)}/api/v1/oembed?url=${encodeURIComponent(story.link)}&format=json`;
  return [
    STYLESHEET,
    `<link rel="canonical" href="${escapeHtml(story.link)}">`,
    meta('name', 'description', description),
    meta('property', 'og:type', 'article'),
    meta('property', 'og:site_name', SITE_NAME),
    meta('property', 'og:locale', 'de_DE'),
    meta('property', 'og:title', story.title),
    meta('property', 'og:description', description),
    meta('property', 'og:url', story.link),
    meta('property', 'og:image', image),
    meta('property', 'og:image:type', SOCIAL_IMAGE.type),
    meta('property', 'og:image:width', SOCIAL_IMAGE.width),
    meta('property', 'og:image:height', SOCIAL_IMAGE.height),
    meta('property', 'og:image:alt', imageAlt),
    meta('property', 'article:published_time', story.publishedAt),
    meta('property', 'article:modified_time', story.updatedAt),
    ...story.themes.map((theme) => meta('property', 'article:tag', theme.name)),
    meta('name', 'twitter:card', 'summary_large_image'),
    meta('name', 'twitter:title', story.title),
    meta('name', 'twitter:description', description),
    meta('name', 'twitter:image', image),
    meta('name', 'twitter:image:alt', imageAlt),
    `<link rel="alternate" type="application/json+oembed" href="${escapeHtml(oembed)}" title="${escapeHtml(story.title)}">`,
    feedLinks(publicUrl, '', `${SITE_NAME} – Geschichten`),
    widgetScript,
  ]
    .filter(Boolean)
    .join('\n');
}
