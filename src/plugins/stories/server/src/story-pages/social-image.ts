import fs from 'fs/promises';
import path from 'path';
import sharp from 'sharp';
import { escapeHtml } from '../site/layout';
import type { PublicCover, PublicStory } from '../public-api/serialize';
import { storyHref } from './params';

/**
 * The picture a shared link shows (og:image): 1200×630, the story's cover with its title and the alliance's
 * claim over it, drawn by sharp from an SVG overlay in DejaVu Sans (Debian's fonts-dejavu-core, which librsvg finds
 * through fontconfig). A story without a cover gets the claim's blue.
 */

export const SOCIAL_IMAGE = { width: 1200, height: 630, type: 'image/jpeg' } as const;

export const socialImagePath = (slug: string) => `${storyHref(slug)}/vorschau.jpg`;

const MARGIN = 64;
const TITLE_SIZE = 54;
const TITLE_LINE = 64;
const MAX_LINES = 3;
/** DejaVu Sans Bold averages about 0.62 em a character: what fits the width at the title's size. */
const CHARS_PER_LINE = Math.floor((SOCIAL_IMAGE.width - 2 * MARGIN) / (TITLE_SIZE * 0.62));

/** The title in at most three lines, broken at spaces; what does not fit ends in an ellipsis. */
export function titleLines(title: string): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of title.replace(/\s+/g, ' ').trim().split(' ')) {
    const next = line ? `${line} ${word}` : word;
    if (next.length <= CHARS_PER_LINE || !line) line = next;
    else {
      lines.push(line);
      line = word;
    }
  }
  if (line) lines.push(line);
  if (lines.length <= MAX_LINES) return lines;
  const kept = lines.slice(0, MAX_LINES);
  const last = kept[MAX_LINES - 1];
  kept[MAX_LINES - 1] = `${last.length > CHARS_PER_LINE - 1 ? last.slice(0, CHARS_PER_LINE - 1) : last}…`;
  return kept;
}

function overlay(story: PublicStory): string {
  const lines = titleLines(story.title);
  const { width, height } = SOCIAL_IMAGE;
  const firstBaseline = height - MARGIN - (lines.length - 1) * TITLE_LINE;
  const region = story.region ? story.region.name : 'Niedersachsen';
  const title = lines
    .map((text, index) => `<text x="${MARGIN}" y="${firstBaseline + index * TITLE_LINE}" class="title">${escapeHtml(text)}</text>`)
    .join('');
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}">
<defs><linearGradient id="shade" x1="0" y1="0" x2="0" y2="1">
<stop offset="0" stop-color="#002a52" stop-opacity="0"/><stop offset="0.45" stop-color="#002a52" stop-opacity="0.55"/><stop offset="1" stop-color="#002a52" stop-opacity="0.94"/>
</linearGradient></defs>
<style>
text { font-family: 'DejaVu Sans', sans-serif; }
.title { font-size: ${TITLE_SIZE}px; font-weight: bold; fill: #ffffff; }
.claim { font-size: 34px; font-weight: bold; fill: #ffffff; letter-spacing: 2px; }
.region { font-size: 28px; font-weight: bold; fill: #ffd200; }
</style>
<rect x="0" y="${height * 0.3}" width="${width}" height="${height * 0.7}" fill="url(#shade)"/>
<rect x="0" y="0" width="${width}" height="12" fill="#d4213d"/>
<rect x="${MARGIN - 24}" y="44" width="460" height="72" rx="6" fill="#003a70"/>
<text x="${MARGIN}" y="92" class="claim">ZUSAMMEN. MEHR.</text>
<rect x="${MARGIN}" y="102" width="72" height="6" fill="#ffd200"/>
<text x="${MARGIN}" y="${firstBaseline - TITLE_LINE - 4}" class="region">${escapeHtml(region)}</text>
${title}
</svg>`;
}

/** The cover's size closest above the image's width (the largest when none is). */
export function coverSource(cover: PublicCover): string {
  const sizes = cover.sizes.filter((size) => size.width >= SOCIAL_IMAGE.width);
  return (sizes[0] ?? cover.sizes[cover.sizes.length - 1])?.url ?? cover.url;
}

/**
 * The cover's bytes: read from the public folder when the local upload provider serves it from this site, fetched
 * from the upload provider's host otherwise. Null when it cannot be had: the picture is then drawn without it.
 */
export async function readCover(cover: PublicCover, publicUrl: string, publicDir: string): Promise<Buffer | null> {
  const url = new URL(coverSource(cover));
  try {
    if (url.origin === new URL(publicUrl).origin) {
      const file = path.resolve(publicDir, `.${decodeURIComponent(url.pathname)}`);
      if (!file.startsWith(`${path.resolve(publicDir)}${path.sep}`)) return null;
      return await fs.readFile(file);
    }
    const response = await fetch(url, { signal: AbortSignal.timeout(10_000) });
    return response.ok ? Buffer.from(await response.arrayBuffer()) : null;
  } catch {
    return null;
  }
}

const BLANK = `<svg xmlns="http://www.w3.org/2000/svg" width="${SOCIAL_IMAGE.width}" height="${SOCIAL_IMAGE.height}">
<defs><linearGradient id="g" x1="0" y1="0" x2="1" y2="1"><stop offset="0" stop-color="#003a70"/><stop offset="1" stop-color="#0b4f8f"/></linearGradient></defs>
<rect width="100%" height="100%" fill="url(#g)"/></svg>`;

export async function renderSocialImage(story: PublicStory, cover: Buffer | null): Promise<Buffer> {
  const { width, height } = SOCIAL_IMAGE;
  const background = cover
    ? await sharp(cover)
        .rotate()
        .resize(width, height, { fit: 'cover', position: 'attention' })
        .toBuffer()
        .catch(() => null)
    : null;
  return sharp(background ?? Buffer.from(BLANK))
    .resize(width, height)
    .composite([{ input: Buffer.from(overlay(story)), top: 0, left: 0 }])
    .flatten({ background: '#003a70' })
    .jpeg({ quality: 84, mozjpeg: true })
    .toBuffer();
}

/**
 * Pictures already drawn, by what they show: a new cache generation (any content changed) rebuilds the page that
 * points to a picture, but draws the picture again only when its story's title, region, cover or update time moved.
 */
const drawn = new Map<string, Buffer>();
const DRAWN_LIMIT = 100;

export async function socialImageOf(story: PublicStory, cover: () => Promise<Buffer | null>): Promise<Buffer> {
  const key = JSON.stringify([story.id, story.updatedAt, story.title, story.region?.name, story.cover ? coverSource(story.cover) : null]);
  const known = drawn.get(key);
  if (known) return known;
  const image = await renderSocialImage(story, await cover());
  if (drawn.size >= DRAWN_LIMIT) drawn.delete(drawn.keys().next().value as string);
  drawn.set(key, image);
  return image;
}
