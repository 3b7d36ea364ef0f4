import type { Core } from '@strapi/strapi';
import { readSeedFile } from './data-files';

interface RegionSeed {
  key: string;
  name: string;
  slug: string;
  kind: string;
  statisticalRegion: string;
}
interface ThemeSeed {
  slug: string;
  name: string;
  description: string;
}

/**
 * Creates what is missing and never touches what exists: an editor who renamed a district or rewrote a theme
 * keeps the edit across restarts. Regions are matched by their official key, themes by slug.
 */
async function createMissing<T extends object>(
  strapi: Core.Strapi,
  uid: 'api::region.region' | 'api::theme.theme',
  rows: T[],
  identity: keyof T & string
): Promise<number> {
  const existing = await strapi.db.query(uid).findMany({ select: [identity] });
  const known = new Set(existing.map((row: Record<string, unknown>) => String(row[identity])));
  const missing = rows.filter((row) => !known.has(String(row[identity])));
  for (const row of missing) {
    await strapi.documents(uid).create({ data: row as never });
  }
  return missing.length;
}

export async function seedReferenceData(strapi: Core.Strapi) {
  const regions = await createMissing(strapi, 'api::region.region', readSeedFile<RegionSeed[]>('regions.json'), 'key');
  const themes = await createMissing(strapi, 'api::theme.theme', readSeedFile<ThemeSeed[]>('themes.json'), 'slug');
  if (regions || themes) strapi.log.info(`Reference data: created ${regions} regions and ${themes} themes.`);
}
