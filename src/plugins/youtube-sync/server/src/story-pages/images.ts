import { escapeHtml } from '../pages/layout';
import type { PublicCover } from '../public-api/serialize';

/**
 * A cover as a responsive <img>: every size the media library made, in srcset, so the browser fetches the one the
 * layout needs; width and height of the chosen fallback reserve the space before the file arrives.
 */
export function coverImage(cover: PublicCover, options: { sizes: string; className: string; eager?: boolean; alt?: string }): string {
  const common = `class="${options.className}" alt="${escapeHtml(options.alt ?? '')}" decoding="async"${options.eager ? ' fetchpriority="high"' : ' loading="lazy"'}`;
  // A file whose dimensions the library does not know has no sizes: shown as it is (the CSS fixes its proportions).
  if (!cover.sizes.length) return `<img src="${escapeHtml(cover.url)}" ${common}>`;
  const fallback = cover.sizes.find((size) => size.width >= 600) ?? cover.sizes[cover.sizes.length - 1];
  const srcset = cover.sizes.map((size) => `${size.url} ${size.width}w`).join(', ');
  return (
    `<img src="${escapeHtml(fallback.url)}" srcset="${escapeHtml(srcset)}" sizes="${options.sizes}" ` +
    `width="${fallback.width}" height="${fallback.height}" ${common}>`
  );
}
