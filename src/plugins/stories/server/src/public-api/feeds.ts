import { escapeHtml } from './blocks';
import { fallbackSizes, type PublicStory } from './serialize';
import { emptyElement, parentElement, textElement, XML_DECLARATION } from './xml';

/**
 * RSS 2.0 and Atom over the same (already serialised) stories as the JSON list, for feed readers and CMS imports.
 * Written here rather than with the `feed` package, which left out atom:author (a MUST of RFC 4287, 4.1.1/4.1.2),
 * passed characters XML forbids into the document, declared every title as HTML, and gave RSS enclosures a length
 * of 0. tests/unit/feeds.test.ts checks each rule of both specifications on the parsed documents.
 */

export type FeedFormat = 'rss' | 'atom';

export const FEED_TYPES: Record<FeedFormat, string> = {
  rss: 'application/rss+xml; charset=utf-8',
  atom: 'application/atom+xml; charset=utf-8',
};

export interface FeedContext {
  publicUrl: string;
  /** The feed's own address, with the partner's filters. */
  selfUrl: string;
  /** What the filters select, for the feed's title ("Göttingen · Sprache"). */
  scope: string[];
  fallbackUpdated: Date;
}

const PUBLISHER = 'ZUSAMMEN. MEHR.';
const DESCRIPTION = 'Erfolgsgeschichten gelungener Integration aus Niedersachsen';
const RIGHTS = 'ZUSAMMEN. MEHR. – Bündnis „Niedersachsen packt an“';
const GENERATOR = 'ZUSAMMEN. MEHR. public API v1';

const NS = {
  atom: 'http://www.w3.org/2005/Atom',
  content: 'http://purl.org/rss/1.0/modules/content/',
  media: 'http://search.yahoo.com/mrss/',
};

interface Channel {
  title: string;
  site: string;
  /** The page people open for the same stories. */
  listUrl: string;
  selfUrl: string;
  updated: Date;
}

function channelOf(stories: PublicStory[], context: FeedContext): Channel {
  const site = context.publicUrl.replace(/\/$/, '');
  const latest = Math.max(...stories.map((s) => Date.parse(s.publishedAt)));
  return {
    title: [`${PUBLISHER} – Geschichten`, ...context.scope].join(' · '),
    site,
    listUrl: `${site}/geschichten`,
    selfUrl: context.selfUrl,
    updated: Number.isFinite(latest) ? new Date(latest) : context.fallbackUpdated,
  };
}

function contentOf(story: PublicStory): string {
  const video = story.youtube ? `<p><a href="${escapeHtml(story.youtube.watchUrl)}">Video auf YouTube ansehen</a></p>\n` : '';
  return `${video}${story.bodyHtml}`;
}

/** The cover in a size a reader shows well: the first at least 600 pixels wide, or the largest there is. */
function coverImage(story: PublicStory) {
  const sizes = story.cover ? fallbackSizes(story.cover) : [];
  const size = sizes.find((s) => s.width >= 600) ?? sizes.at(-1);
  return size ?? null;
}

const categoriesOf = (story: PublicStory) => [
  ...(story.region ? [{ term: `region:${story.region.slug}`, label: story.region.name, scheme: 'regions' }] : []),
  ...story.themes.map((t) => ({ term: `theme:${t.slug}`, label: t.name, scheme: 'themes' })),
];

/** RFC 3339, as Atom requires (4.2.15, 3.3). */
const rfc3339 = (date: Date) => date.toISOString();
/** RFC 822 with a four-digit year in GMT, as RSS 2.0 requires: "Tue, 10 Feb 2026 09:30:00 GMT". */
const rfc822 = (date: Date) => date.toUTCString();

function atomEntry(story: PublicStory, site: string): string {
  const image = coverImage(story);
  return parentElement('entry', [
    textElement('id', story.link),
    textElement('title', story.title, { type: 'text' }),
    textElement('updated', rfc3339(new Date(story.publishedAt))),
    emptyElement('link', { rel: 'alternate', type: 'text/html', href: story.link }),
    ...(image ? [emptyElement('link', { rel: 'enclosure', type: image.mime, href: image.url })] : []),
    ...categoriesOf(story).map((c) => emptyElement('category', { term: c.term, label: c.label, scheme: `${site}/api/v1/${c.scheme}` })),
    ...(story.teaser ? [textElement('summary', story.teaser, { type: 'text' })] : []),
    textElement('content', contentOf(story), { type: 'html' }),
  ]);
}

function renderAtom(stories: PublicStory[], channel: Channel): string {
  const feed = parentElement(
    'feed',
    [
      textElement('id', channel.selfUrl),
      textElement('title', channel.title, { type: 'text' }),
      textElement('subtitle', DESCRIPTION, { type: 'text' }),
      textElement('updated', rfc3339(channel.updated)),
      // One author for the feed, which every entry inherits (RFC 4287, 4.1.1 and 4.1.2): the alliance publishes the
      // stories; the people in them are credited in the text as they chose.
      parentElement('author', [textElement('name', PUBLISHER), textElement('uri', channel.site)]),
      textElement('rights', RIGHTS, { type: 'text' }),
      textElement('generator', GENERATOR),
      emptyElement('link', { rel: 'self', type: 'application/atom+xml', href: channel.selfUrl }),
      emptyElement('link', { rel: 'alternate', type: 'text/html', href: channel.listUrl }),
      ...stories.map((story) => atomEntry(story, channel.site)),
    ],
    { xmlns: NS.atom, 'xml:lang': 'de' }
  );
  return `${XML_DECLARATION}\n${feed}\n`;
}

function rssItem(story: PublicStory, site: string): string {
  const image = coverImage(story);
  return parentElement('item', [
    textElement('title', story.title),
    textElement('link', story.link),
    textElement('guid', story.link, { isPermaLink: 'true' }),
    textElement('pubDate', rfc822(new Date(story.publishedAt))),
    // Readers take the description as HTML, so the plain teaser is escaped once for HTML (and then for XML).
    ...(story.teaser ? [textElement('description', escapeHtml(story.teaser))] : []),
    textElement('content:encoded', contentOf(story)),
    ...categoriesOf(story).map((c) => textElement('category', c.label, { domain: `${site}/api/v1/${c.scheme}` })),
    // Not an <enclosure>: RSS requires its length in bytes, which the public story does not carry. Media RSS takes
    // the image without one, and CMS imports read it as the featured image.
    ...(image ? [emptyElement('media:content', { url: image.url, type: image.mime, medium: 'image', width: image.width, height: image.height })] : []),
  ]);
}

function renderRss(stories: PublicStory[], channel: Channel): string {
  const rss = parentElement(
    'rss',
    [
      parentElement('channel', [
        textElement('title', channel.title),
        textElement('link', channel.listUrl),
        textElement('description', DESCRIPTION),
        textElement('language', 'de'),
        textElement('copyright', RIGHTS),
        textElement('lastBuildDate', rfc822(channel.updated)),
        textElement('generator', GENERATOR),
        textElement('docs', 'https://www.rssboard.org/rss-specification'),
        emptyElement('atom:link', { rel: 'self', type: 'application/rss+xml', href: channel.selfUrl }),
        ...stories.map((story) => rssItem(story, channel.site)),
      ]),
    ],
    { version: '2.0', 'xmlns:atom': NS.atom, 'xmlns:content': NS.content, 'xmlns:media': NS.media }
  );
  return `${XML_DECLARATION}\n${rss}\n`;
}

export function renderFeed(format: FeedFormat, stories: PublicStory[], context: FeedContext): string {
  const channel = channelOf(stories, context);
  return format === 'rss' ? renderRss(stories, channel) : renderAtom(stories, channel);
}
