import { Feed } from 'feed';
import { fallbackSizes, type PublicStory } from './serialize';

/** RSS 2.0 and Atom over the same (already serialised) stories as the JSON list, for feed readers and CMS imports. */

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

function contentOf(story: PublicStory): string {
  const video = story.youtube ? `<p><a href="${story.youtube.watchUrl}">Video auf YouTube ansehen</a></p>\n` : '';
  return `${video}${story.bodyHtml}`;
}

export function renderFeed(format: FeedFormat, stories: PublicStory[], context: FeedContext): string {
  const site = context.publicUrl.replace(/\/$/, '');
  const updated = stories.reduce<Date | null>((latest, s) => {
    const date = new Date(s.publishedAt);
    return !latest || date > latest ? date : latest;
  }, null);
  const feed = new Feed({
    id: context.selfUrl,
    title: ['ZUSAMMEN. MEHR. – Geschichten', ...context.scope].join(' · '),
    description: 'Erfolgsgeschichten gelungener Integration aus Niedersachsen',
    link: `${site}/geschichten`,
    language: 'de',
    copyright: 'ZUSAMMEN. MEHR. – Bündnis „Niedersachsen packt an“',
    updated: updated ?? context.fallbackUpdated,
    generator: 'ZUSAMMEN. MEHR. public API v1',
    feedLinks: { [format === 'rss' ? 'rss' : 'atom']: context.selfUrl },
  });
  for (const story of stories) {
    const sizes = story.cover ? fallbackSizes(story.cover) : [];
    const image = sizes.find((s) => s.width >= 600) ?? sizes.at(-1);
    feed.addItem({
      title: story.title,
      id: story.link,
      link: story.link,
      description: story.teaser ?? undefined,
      content: contentOf(story),
      date: new Date(story.publishedAt),
      published: new Date(story.publishedAt),
      category: [
        ...(story.region ? [{ name: story.region.name, term: `region:${story.region.slug}` }] : []),
        ...story.themes.map((t) => ({ name: t.name, term: `theme:${t.slug}` })),
      ],
      ...(image && { image: { url: image.url, type: story.cover?.mime ?? undefined } }),
    });
  }
  return format === 'rss' ? feed.rss2() : feed.atom1();
}
