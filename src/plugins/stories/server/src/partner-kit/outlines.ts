import type { Font } from 'fontkit';
import { unicodeFonts } from '../site/pdf-fonts';

/**
 * Text as outlines for the banners: each line becomes SVG paths drawn from the same DejaVu files the PDFs embed
 * (site/pdf-fonts.ts), so the SVG looks the same on every partner site, needs no web font and renders to PNG
 * with sharp exactly as a browser shows it.
 */

export type Weight = 'regular' | 'bold';

let fonts: Record<Weight, Font> | undefined;

function font(weight: Weight): Font {
  if (!fonts) {
    const files = unicodeFonts();
    if (!files) throw new Error('partner kit: the banners need the DejaVu fonts; install Debian\'s fonts-dejavu-core or the npm package dejavu-fonts-ttf');
    // Required here, not at boot: fontkit costs a tenth of a second of CPU in every process that starts the app.
    const { openSync } = require('fontkit') as typeof import('fontkit');
    fonts = { regular: openSync(files.regular), bold: openSync(files.bold) };
  }
  return fonts[weight];
}

/**
 * Advance widths in font units, by weight and text. A banner's layout tries sizes and line breaks until the largest
 * that fits (banner-template.ts), measuring the same words again and again; shaping a line takes about a
 * millisecond. The texts are the kit's own (call.ts) and their words' runs, a few hundred; the bound is a safeguard.
 */
const advances = new Map<string, number>();
const ADVANCES_KEPT = 10_000;

function advanceWidth(text: string, weight: Weight): number {
  const key = `${weight} ${text}`;
  let advance = advances.get(key);
  if (advance === undefined) {
    if (advances.size >= ADVANCES_KEPT) advances.clear();
    advance = font(weight).layout(text).advanceWidth;
    advances.set(key, advance);
  }
  return advance;
}

/** The width of a line at a font size, in the same units as the size. */
export function lineWidth(text: string, size: number, weight: Weight): number {
  return (advanceWidth(text, weight) * size) / font(weight).unitsPerEm;
}

/** A line of text as one SVG group whose baseline starts at (x, y), filled with `colour`. */
export function outlinedLine(text: string, options: { x: number; y: number; size: number; weight: Weight; colour: string }): string {
  const f = font(options.weight);
  const run = f.layout(text);
  const scale = options.size / f.unitsPerEm;
  let pen = 0;
  const glyphs = run.glyphs.map((glyph, index) => {
    const position = run.positions[index];
    const d = glyph.path.toSVG();
    const placed = d ? `<path transform="translate(${pen + position.xOffset} ${position.yOffset})" d="${d}"/>` : '';
    pen += position.xAdvance;
    return placed;
  });
  const transform = `translate(${round(options.x)} ${round(options.y)}) scale(${round(scale, 5)} ${round(-scale, 5)})`;
  return `<g fill="${options.colour}" transform="${transform}">${glyphs.join('')}</g>`;
}

const round = (value: number, digits = 2) => Number(value.toFixed(digits));
