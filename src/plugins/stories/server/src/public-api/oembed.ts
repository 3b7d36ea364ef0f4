import { escapeHtml } from './blocks';
import { fallbackSizes, type PublicStory } from './serialize';

/**
 * oEmbed (https://oembed.com) for story pages: a CMS that knows the endpoint turns a pasted story link into the
 * privacy-enhanced player, or into a link card when the story has no public video.
 */

const DEFAULT_WIDTH = 560;
const THUMBNAIL = { width: 480, height: 360 };

/** The slug of a story page of this site, or null for any other address. */
export function storySlugFromUrl(url: string, publicUrl: string): string | null {
  let target: URL;
  let site: URL;
  try {
    target = new URL(url);
    site = new URL(publicUrl);
  } catch {
    return null;
  }
  if (target.origin !== site.origin) return null;
  const prefix = `${site.pathname.replace(/\/$/, '')}/geschichten/`;
  if (!target.pathname.startsWith(prefix)) return null;
  const slug = decodeURIComponent(target.pathname.slice(prefix.length)).replace(/\/$/, '');
  return /^[a-z0-9]+(?:[-_][a-z0-9]+)*$/.test(slug) ? slug : null;
}

function frameSize(maxwidth?: number, maxheight?: number) {
  let width = Math.min(DEFAULT_WIDTH, maxwidth ?? DEFAULT_WIDTH);
  let height = Math.round((width * 9) / 16);
  if (maxheight !== undefined && height > maxheight) {
    height = maxheight;
    width = Math.round((height * 16) / 9);
  }
  return { width, height };
}

export function oembedFor(story: PublicStory, publicUrl: string, limits: { maxwidth?: number; maxheight?: number }) {
  const common = {
    version: '1.0',
    title: story.title,
    provider_name: 'ZUSAMMEN. MEHR.',
    provider_url: publicUrl.replace(/\/$/, ''),
    author_name: story.project?.name ?? 'ZUSAMMEN. MEHR.',
    cache_age: 3600,
  };
  if (!story.youtube) {
    const sizes = story.cover ? fallbackSizes(story.cover) : [];
    const image = sizes.find((s) => s.width >= 400) ?? sizes.at(-1);
    return {
      ...common,
      type: 'link',
      ...(image && { thumbnail_url: image.url, thumbnail_width: image.width, thumbnail_height: image.height }),
    };
  }
  const { width, height } = frameSize(limits.maxwidth, limits.maxheight);
  const html =
    `<iframe width="${width}" height="${height}" src="${escapeHtml(story.youtube.embedUrl)}" title="${escapeHtml(story.title)}" ` +
    'frameborder="0" allow="accelerometer; autoplay; clipboard-write; encrypted-media; gyroscope; picture-in-picture" ' +
    'referrerpolicy="strict-origin-when-cross-origin" allowfullscreen></iframe>';
  return {
    ...common,
    type: 'video',
    html,
    width,
    height,
    thumbnail_url: story.youtube.thumbnailUrl,
    thumbnail_width: THUMBNAIL.width,
    thumbnail_height: THUMBNAIL.height,
  };
}
