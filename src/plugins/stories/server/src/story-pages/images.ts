import { escapeHtml } from '../site/layout';
import { fallbackSizes, type PublicCover, type PublicImageSize } from '../public-api/serialize';
import { isVariantKey, MODERN_ORDER, MODERN_TYPES } from '../cover-variants/names';

/**
 * A cover as a responsive <picture>: its AVIF and WebP copies (cover-variants/) as sources the browser takes when
 * it can show them, and every size the media library made in the <img>'s srcset for the others; of each, the
 * browser fetches the width the layout needs. Width and height of the chosen fallback reserve the space before the
 * file arrives.
 */

const srcsetOf = (sizes: PublicImageSize[]) => sizes.map((size) => `${size.url} ${size.width}w`).join(', ');

function modernSources(cover: PublicCover, sizes: string): string {
  const copies = cover.sizes.filter((size) => isVariantKey(size.name));
  return MODERN_ORDER.map((type) => copies.filter((size) => size.mime === MODERN_TYPES[type]))
    .filter((ofType) => ofType.length)
    .map((ofType) => `<source type="${ofType[0].mime}" srcset="${escapeHtml(srcsetOf(ofType))}" sizes="${sizes}">`)
    .join('');
}

export function coverImage(cover: PublicCover, options: { sizes: string; className: string; eager?: boolean; alt?: string }): string {
  const common = `class="${options.className}" alt="${escapeHtml(options.alt ?? '')}" decoding="async"${options.eager ? ' fetchpriority="high"' : ' loading="lazy"'}`;
  const plain = fallbackSizes(cover);
  // A file whose dimensions the library does not know has no sizes: shown as it is (the CSS fixes its proportions).
  if (!plain.length) return `<img src="${escapeHtml(cover.url)}" ${common}>`;
  const fallback = plain.find((size) => size.width >= 600) ?? plain[plain.length - 1];
  const image =
    `<img src="${escapeHtml(fallback.url)}" srcset="${escapeHtml(srcsetOf(plain))}" sizes="${options.sizes}" ` +
    `width="${fallback.width}" height="${fallback.height}" ${common}>`;
  const sources = modernSources(cover, options.sizes);
  return sources ? `<picture>${sources}${image}</picture>` : image;
}
