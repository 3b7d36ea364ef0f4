/** The part of fontkit (pdfkit's own font engine) the banners use to turn text into outlines. */
declare module 'fontkit' {
  interface GlyphPosition {
    xAdvance: number;
    xOffset: number;
    yOffset: number;
  }
  interface Glyph {
    path: { toSVG(): string };
  }
  interface GlyphRun {
    glyphs: Glyph[];
    positions: GlyphPosition[];
    advanceWidth: number;
  }
  interface Font {
    unitsPerEm: number;
    ascent: number;
    descent: number;
    layout(text: string): GlyphRun;
  }
  export function openSync(file: string): Font;
}
