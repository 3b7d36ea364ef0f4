import { absoluteUrl, blocksToHtml, blocksToText, parseBlocks } from './blocks';
import type { ProjectRow, Reference, RegionRow, StoryExtras, StoryRow, ThemeRow } from './query';
import { toDay, toInt, toIso, toJson } from './values';
import { isVariantKey, MODERN_ORDER, MODERN_TYPES } from '../cover-variants/names';

/**
 * The only door from the database to the public. Every public object is built here field by field from an explicit
 * list, never by spreading a row, so a private attribute (submitter, consent, internal notes, editorial status,
 * project contact) cannot pass even when a query selects too much. The canary test guards this.
 */

export interface PublicRegion {
  slug: string;
  name: string;
  key: string;
  kind: string;
  statisticalRegion: string;
}
export interface PublicTheme {
  slug: string;
  name: string;
}
export interface PublicProjectRef {
  slug: string;
  name: string;
  organisation: string | null;
  website: string | null;
}
export interface PublicImageSize {
  /** thumbnail, small, medium, large, original — or a modern copy such as avif-480, webp-480. */
  name: string;
  url: string;
  width: number;
  height: number;
  mime: string;
}
export interface PublicCover {
  url: string;
  width: number | null;
  height: number | null;
  alternativeText: string | null;
  mime: string | null;
  sizes: PublicImageSize[];
}
export interface PublicYouTube {
  videoId: string;
  embedUrl: string;
  watchUrl: string;
  thumbnailUrl: string;
  durationSeconds: number | null;
}
export interface PublicStory {
  id: string;
  slug: string;
  title: string;
  teaser: string | null;
  bodyHtml: string;
  bodyText: string;
  kind: string | null;
  language: string | null;
  place: string | null;
  recordedOn: string | null;
  region: PublicRegion | null;
  project: PublicProjectRef | null;
  themes: PublicTheme[];
  credits: { name: string; role: string | null }[];
  cover: PublicCover | null;
  youtube: PublicYouTube | null;
  publishedAt: string;
  updatedAt: string;
  link: string;
}

export interface PageMeta {
  page: number;
  pageSize: number;
  total: number;
  pageCount: number;
}

export const STATISTICAL_REGIONS: Record<string, string> = {
  braunschweig: 'Braunschweig',
  hannover: 'Hannover',
  lueneburg: 'Lüneburg',
  weser_ems: 'Weser-Ems',
};

/** The filter value that always means the statistical region (a bare name may also be a district's slug). */
export const statisticalFilter = (key: string) => `statistical:${key}`;

const VIDEO_ID = /^[A-Za-z0-9_-]{11}$/;

export const storyLink = (publicUrl: string, slug: string) => `${publicUrl.replace(/\/$/, '')}/geschichten/${slug}`;

export function youtubeFields(videoId: string): PublicYouTube {
  return {
    videoId,
    embedUrl: `https://www.youtube-nocookie.com/embed/${videoId}`,
    watchUrl: `https://www.youtube.com/watch?v=${videoId}`,
    thumbnailUrl: `https://i.ytimg.com/vi/${videoId}/hqdefault.jpg`,
    durationSeconds: null,
  };
}

/**
 * The video the sync put on YouTube, or the one an editor adopted; none while YouTube holds it private (not yet
 * released, or taken down) — an embed of a private video would only show an error on the partner's page.
 */
function youtubeOf(story: StoryRow): PublicYouTube | null {
  const videoId = story.syncVideoId || story.youtubeVideoId;
  if (!videoId || !VIDEO_ID.test(videoId)) return null;
  if (story.syncPrivacy === 'private' || story.syncStatus === 'removed') return null;
  return youtubeFields(videoId);
}

function size(name: string, value: unknown, publicUrl: string, fallbackMime: string): PublicImageSize | null {
  const v = value as { url?: unknown; width?: unknown; height?: unknown; mime?: unknown } | null;
  const width = toInt(v?.width);
  const height = toInt(v?.height);
  if (!v || typeof v.url !== 'string' || !width || !height) return null;
  return { name, url: absoluteUrl(v.url, publicUrl), width, height, mime: typeof v.mime === 'string' ? v.mime : fallbackMime };
}

/** Narrowest first; of one width, the best coding first (AVIF, WebP, then the original's). */
const MIME_RANK: string[] = MODERN_ORDER.map((type) => MODERN_TYPES[type]);
const rank = (mime: string) => (MIME_RANK.includes(mime) ? MIME_RANK.indexOf(mime) : MIME_RANK.length);
const bySizeThenCoding = (a: PublicImageSize, b: PublicImageSize) => a.width - b.width || rank(a.mime) - rank(b.mime);

/** The sizes in the original's own coding (what the media library made), for places that need one plain image. */
export const fallbackSizes = (cover: PublicCover) => cover.sizes.filter((s) => !isVariantKey(s.name));

/** The AVIF/WebP copies only when `modernImages` (PUBLIC_MODERN_IMAGES; off, the cover is as before them). */
function coverOf(story: StoryRow, publicUrl: string, modernImages: boolean): PublicCover | null {
  if (!story.coverUrl) return null;
  const formats = (toJson(story.coverFormats) ?? {}) as Record<string, unknown>;
  const mime = story.coverMime ?? 'application/octet-stream';
  const sizes = [
    ...Object.entries(formats)
      .filter(([name]) => modernImages || !isVariantKey(name))
      .map(([name, value]) => size(name, value, publicUrl, mime)),
    size('original', { url: story.coverUrl, width: story.coverWidth, height: story.coverHeight, mime }, publicUrl, mime),
  ].filter((s): s is PublicImageSize => s !== null);
  sizes.sort(bySizeThenCoding);
  return {
    url: absoluteUrl(story.coverUrl, publicUrl),
    width: toInt(story.coverWidth),
    height: toInt(story.coverHeight),
    alternativeText: story.coverAlternativeText ?? null,
    mime: story.coverMime ?? null,
    sizes,
  };
}

export const regionRef = (region: RegionRow): PublicRegion => ({
  slug: region.slug,
  name: region.name,
  key: region.key,
  kind: region.kind,
  statisticalRegion: region.statisticalRegion,
});

const themeRef = (theme: ThemeRow): PublicTheme => ({ slug: theme.slug, name: theme.name });

const projectRef = (project: ProjectRow): PublicProjectRef => ({
  slug: project.slug,
  name: project.name,
  organisation: project.organisation ?? null,
  website: project.website ?? null,
});

export function serializeStory(story: StoryRow, extras: StoryExtras, reference: Reference, publicUrl: string, modernImages = true): PublicStory {
  const blocks = parseBlocks(story.body);
  const region = story.regionId === null ? undefined : reference.regions.get(Number(story.regionId));
  const project = story.projectRowId === null ? undefined : reference.projectsByRowId.get(Number(story.projectRowId));
  const themes = (extras.themeIds.get(story.id) ?? []).map((id) => reference.themes.get(id)).filter((t): t is ThemeRow => Boolean(t));
  return {
    id: story.documentId,
    slug: story.slug,
    title: story.title,
    teaser: story.teaser ?? null,
    bodyHtml: blocksToHtml(blocks, publicUrl),
    bodyText: blocksToText(blocks),
    kind: story.kind ?? null,
    language: story.language ?? null,
    place: story.place ?? null,
    recordedOn: toDay(story.recordedOn),
    region: region ? regionRef(region) : null,
    project: project ? projectRef(project) : null,
    themes: themes.map(themeRef),
    credits: (extras.credits.get(story.id) ?? []).map((c) => ({ name: c.name, role: c.role ?? null })),
    cover: coverOf(story, publicUrl, modernImages),
    youtube: youtubeOf(story),
    publishedAt: toIso(story.publishedAt) ?? new Date(0).toISOString(),
    updatedAt: toIso(story.updatedAt) ?? toIso(story.publishedAt) ?? new Date(0).toISOString(),
    link: storyLink(publicUrl, story.slug),
  };
}

export const pageMeta = (page: number, pageSize: number, total: number): PageMeta => ({
  page,
  pageSize,
  total,
  pageCount: Math.ceil(total / pageSize),
});

export const storyList = (stories: PublicStory[], meta: PageMeta) => ({ data: stories, meta });

export const storyDocument = (story: PublicStory) => ({ data: story });

export function regionList(reference: Reference, counts: Map<number, number>) {
  const regions = [...reference.regions.values()].map((region) => ({ ...regionRef(region), storyCount: counts.get(region.id) ?? 0 }));
  const statisticalRegions = Object.entries(STATISTICAL_REGIONS).map(([key, name]) => ({
    key,
    name,
    filter: statisticalFilter(key),
    storyCount: regions.filter((r) => r.statisticalRegion === key).reduce((sum, r) => sum + r.storyCount, 0),
  }));
  return { data: regions, meta: { statisticalRegions } };
}

export function themeList(reference: Reference, counts: Map<number, number>) {
  return {
    data: [...reference.themes.values()].map((theme) => ({
      slug: theme.slug,
      name: theme.name,
      description: theme.description ?? null,
      storyCount: counts.get(theme.id) ?? 0,
    })),
  };
}

export function projectList(reference: Reference, countsByRowId: Map<number, number>, publicUrl: string) {
  const projects = [...reference.projectsBySlug.values()].sort((a, b) => a.project.name.localeCompare(b.project.name, 'de'));
  return {
    data: projects.map(({ project, rowIds }) => {
      const blocks = parseBlocks(project.description);
      return {
        ...projectRef(project),
        descriptionHtml: blocksToHtml(blocks, publicUrl),
        descriptionText: blocksToText(blocks),
        regions: project.regionIds.map((id) => reference.regions.get(id)?.slug).filter((s): s is string => Boolean(s)),
        themes: project.themeIds.map((id) => reference.themes.get(id)?.slug).filter((s): s is string => Boolean(s)),
        storyCount: rowIds.reduce((sum, id) => sum + (countsByRowId.get(id) ?? 0), 0),
      };
    }),
  };
}

export function playlistList(rows: { key: string; youtubePlaylistId: string; title: string | null }[]) {
  return {
    data: rows.map((row) => {
      const [kind, ...rest] = row.key.split(':');
      return {
        key: row.key,
        kind,
        slug: rest.length ? rest.join(':') : null,
        title: row.title ?? null,
        youtubePlaylistId: row.youtubePlaylistId,
        url: `https://www.youtube.com/playlist?list=${encodeURIComponent(row.youtubePlaylistId)}`,
      };
    }),
  };
}

export function removalList(
  rows: { storyDocumentId: string; slug: string | null; reason: string; removedAt: unknown }[],
  meta: PageMeta,
  since: Date | undefined
) {
  return {
    data: rows.map((row) => ({
      id: row.storyDocumentId,
      slug: row.slug ?? null,
      reason: row.reason,
      removedAt: toIso(row.removedAt) ?? new Date(0).toISOString(),
    })),
    meta: { ...meta, since: since ? since.toISOString() : null },
  };
}
