/**
 * The modern copies of a cover (AVIF and WebP) as they sit beside the media library's own sizes in the file row's
 * `formats`, keyed `avif-480`, `webp-800`, …: being formats, they move with the file between public and private
 * storage (media-privacy/moves.ts) and are deleted with it by the upload plugin.
 *
 * The widths follow the covers' rendered widths in CSS pixels, measured in Chromium by `npm run bench:widget`: 320
 * for the desktop cards of the widget and the story list (299 and 291 at 1280 px), 480 for a card on a phone (394 in
 * the widget, 378 in the list, 380 on a story page at 412 px), 800 for the story page on a desktop (800) and desktop
 * cards on a 2× screen, 1080 for a phone card on a 2.6× screen.
 */

export const VARIANT_WIDTHS = [320, 480, 800, 1080] as const;

export const MODERN_TYPES = { avif: 'image/avif', webp: 'image/webp' } as const;
export type ModernType = keyof typeof MODERN_TYPES;

/** Best first: a <picture> offers them in this order, and the browser takes the first it can show. */
export const MODERN_ORDER: ModernType[] = ['avif', 'webp'];

export const variantKey = (type: ModernType, width: number) => `${type}-${width}`;

const VARIANT_KEY = /^(avif|webp)-\d+$/;
export const isVariantKey = (key: string) => VARIANT_KEY.test(key);
