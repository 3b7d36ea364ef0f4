import sharp from 'sharp';
import { escapeHtml } from '../site/layout';
import { staticFileOf, type StaticFile } from '../site/static-file';
import { BANNER_ALT } from './call';
import { bannerSvg, type BannerSize } from './banner-template';
import { joinUrl, site } from './selection';

/**
 * The banners for sites that take no scripts, in the common sizes, as SVG and PNG at /partner/banner/<size>.<format>.
 * They say the same whatever the partner chose (the source name goes into the link, not the picture), so each is
 * rendered once per process, on its first request.
 */

export interface Banner extends BannerSize {
  name: string;
  /** What the size is for, in the partner's words. */
  use: string;
}

export const BANNERS: Banner[] = [
  { name: '300x250', width: 300, height: 250, use: 'Rechteck für Seitenleisten (Medium Rectangle)' },
  { name: '728x90', width: 728, height: 90, use: 'Streifen über oder unter dem Inhalt (Leaderboard)' },
  { name: '160x600', width: 160, height: 600, use: 'Hochformat für Seitenleisten (Skyscraper)' },
  { name: '1200x628', width: 1200, height: 628, use: 'Vorschaubild für Links und Beiträge in sozialen Medien' },
  { name: '1080x1080', width: 1080, height: 1080, use: 'Quadrat für Instagram, Facebook und Mastodon' },
  { name: '1080x1920', width: 1080, height: 1920, use: 'Hochformat für Storys und Status (WhatsApp, Instagram)' },
];

export const BANNER_FORMATS = ['svg', 'png'] as const;
export type BannerFormat = (typeof BANNER_FORMATS)[number];

/**
 * Partners paste these addresses into pages that live for years, so the address cannot carry a version: a month of
 * caching, then revalidation by ETag.
 */
export const BANNER_CACHE_CONTROL = 'public, max-age=2592000';

export const bannerPath = (banner: Banner, format: BannerFormat) => `/partner/banner/${banner.name}.${format}`;

const rendered = new Map<string, Promise<StaticFile>>();

async function render(banner: Banner, format: BannerFormat): Promise<StaticFile> {
  const svg = Buffer.from(bannerSvg(banner), 'utf8');
  if (format === 'svg') return staticFileOf(svg, 'image/svg+xml; charset=utf-8');
  return staticFileOf(await sharp(svg).png({ compressionLevel: 9 }).toBuffer(), 'image/png');
}

export function bannerFile(banner: Banner, format: BannerFormat): Promise<StaticFile> {
  const key = bannerPath(banner, format);
  let file = rendered.get(key);
  if (!file) {
    file = render(banner, format);
    // A failed render is tried again on the next request instead of being remembered.
    file.catch(() => rendered.delete(key));
    rendered.set(key, file);
  }
  return file;
}

/** The ready HTML a partner pastes: the picture, linked to the form with their source name. */
export function bannerSnippet(banner: Banner, publicUrl: string, source?: string): string {
  const src = `${site(publicUrl)}${bannerPath(banner, 'png')}`;
  return `<a href="${escapeHtml(joinUrl(publicUrl, source))}"><img src="${escapeHtml(src)}" alt="${escapeHtml(BANNER_ALT)}" width="${banner.width}" height="${banner.height}" style="max-width:100%;height:auto"></a>`;
}
