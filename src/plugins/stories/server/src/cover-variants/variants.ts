import sharp, { type Sharp } from 'sharp';
import type { Core } from '@strapi/strapi';
import { fileOnDisk, mediaStorage } from '../media-privacy/media-storage';
import type { MediaLocation } from '../media-privacy/storage';
import { storiesConfig } from '../config/settings';
import { MODERN_ORDER, MODERN_TYPES, VARIANT_WIDTHS, variantKey, type ModernType } from './names';

/**
 * Makes the AVIF and WebP copies of one media library image (names.ts says which) and records them in the row's
 * formats. The bytes go through the media storage to the place the original is at, so a private cover's copies
 * are private too. The row is switched with an UPDATE that matches only the address it was read with: when the
 * file moved meanwhile (its story was published or taken down), the copies just written are removed again and the
 * next pass makes them where the file is now. Running it twice changes nothing.
 */

const FILE = 'plugin::upload.file';
const SOURCE_TYPES = new Set(['image/jpeg', 'image/png', 'image/webp', 'image/tiff']);

interface ImageRow {
  id: number;
  url: string;
  mime: string | null;
  width: number | null;
  formats: Record<string, Record<string, unknown>> | string | null;
}

interface MadeFormat {
  name: string;
  hash: string;
  ext: string;
  mime: string;
  path: null;
  width: number;
  height: number;
  size: number;
  sizeInBytes: number;
  url: string;
}

/** The AVIF encoder's effort comes from the configuration (COVER_AVIF_EFFORT): the CPU an upload may cost. */
const encoders = (avifEffort: number): Record<ModernType, (image: Sharp) => Sharp> => ({
  avif: (image) => image.avif({ quality: 50, effort: avifEffort }),
  webp: (image) => image.webp({ quality: 72, effort: 4 }),
});

const formatsOf = (row: ImageRow): Record<string, Record<string, unknown>> =>
  (typeof row.formats === 'string' ? JSON.parse(row.formats) : row.formats) ?? {};

const readRow = (strapi: Core.Strapi, id: number): Promise<ImageRow | null> =>
  strapi.db.query(FILE).findOne({ where: { id }, select: ['id', 'url', 'mime', 'width', 'formats'] });

/** The widths this image gets: every card width up to its own; one copy at its own width when it is narrower. */
export function widthsFor(width: number): number[] {
  const fitting = VARIANT_WIDTHS.filter((w) => w <= width);
  return fitting.length ? fitting : [width];
}

async function encode(source: string, type: ModernType, width: number, avifEffort: number) {
  return encoders(avifEffort)[type](sharp(source).rotate().resize({ width, withoutEnlargement: true })).toBuffer({ resolveWithObject: true });
}

async function removeAll(strapi: Core.Strapi, names: string[]) {
  const storage = mediaStorage(strapi);
  for (const name of names) {
    for (const at of ['public', 'private'] as MediaLocation[]) await storage.remove(name, at);
  }
}

/** Whether the copies were made now (false: not an image of ours, already done, or the file moved meanwhile). */
export async function ensureVariants(strapi: Core.Strapi, fileId: number): Promise<boolean> {
  const row = await readRow(strapi, fileId);
  if (!row || !row.mime || !SOURCE_TYPES.has(row.mime)) return false;
  const storage = mediaStorage(strapi);
  const location = storage.locationOf(row.url);
  const source = location ? await fileOnDisk(strapi, row.url) : null;
  if (!location || !source) return false;
  const formats = formatsOf(row);
  const width = row.width ?? (await sharp(source).metadata()).width;
  if (!width) return false;
  const missing = widthsFor(width)
    .flatMap((w) => MODERN_ORDER.map((type) => ({ type, width: w, key: variantKey(type, w) })))
    .filter((variant) => !formats[variant.key]);
  if (!missing.length) return false;
  const base = storage.nameOf(row.url).replace(/\.[^.]*$/, '');
  const made: Record<string, MadeFormat> = {};
  const { avifEffort } = storiesConfig(strapi).coverVariants;
  for (const variant of missing) {
    const { data, info } = await encode(source, variant.type, variant.width, avifEffort);
    const hash = `${variant.key}_${base}`;
    const name = `${hash}.${variant.type}`;
    await storage.write(name, location, data);
    made[variant.key] = {
      name,
      hash,
      ext: `.${variant.type}`,
      mime: MODERN_TYPES[variant.type],
      path: null,
      width: info.width,
      height: info.height,
      size: Math.round(data.length / 10) / 100,
      sizeInBytes: data.length,
      url: storage.urlOf(name, location),
    };
  }
  const names = Object.values(made).map((f) => f.name);
  const { count } = await strapi.db.query(FILE).updateMany({ where: { id: row.id, url: row.url }, data: { formats: { ...formats, ...made } } });
  // A move that read the row before this update writes its formats back without the copies: they would be left
  // at a place the file no longer is, so they go.
  const kept = count === 1 ? formatsOf((await readRow(strapi, row.id)) ?? row) : {};
  if (Object.keys(made).some((key) => !kept[key])) {
    await removeAll(strapi, names);
    return false;
  }
  return true;
}
