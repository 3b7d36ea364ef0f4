import fs from 'fs';
import path from 'path';
import { PDF_FONTS } from '../../../../../shared/pdf-fonts';

const { body: BODY, bold: BOLD } = PDF_FONTS;

/**
 * The fonts of the PDFs: the partner kit's print files and the reports (which use them through the `pdf-fonts`
 * service). Story titles and names come in Turkish, Arabic, Cyrillic and other letters that PDF's built-in
 * Helvetica (WinAnsi) cannot print — it garbles them and the text after them — so a Unicode TrueType font is embedded
 * when one is found: from the `dejavu-fonts-ttf` package if it is installed, else the system's DejaVu (Debian's
 * fonts-dejavu-core). Without either, Helvetica is used and letters it lacks are printed as "?".
 */

export { BODY, BOLD };

interface FontFiles {
  regular: string;
  bold: string;
}

const SYSTEM_DEJAVU = '/usr/share/fonts/truetype/dejavu';

function packageDir(): string | null {
  try {
    return path.join(path.dirname(require.resolve('dejavu-fonts-ttf/package.json')), 'ttf');
  } catch {
    return null;
  }
}

let found: FontFiles | null | undefined;

/** The Unicode fonts' files, or null when neither source has them (also drawn into the partner kit's banners). */
export function unicodeFonts(): FontFiles | null {
  if (found !== undefined) return found;
  found = null;
  for (const dir of [packageDir(), SYSTEM_DEJAVU]) {
    if (!dir) continue;
    const files = { regular: path.join(dir, 'DejaVuSansCondensed.ttf'), bold: path.join(dir, 'DejaVuSansCondensed-Bold.ttf') };
    if (fs.existsSync(files.regular) && fs.existsSync(files.bold)) {
      found = files;
      break;
    }
  }
  return found;
}

/** Windows-1252 beyond Latin-1: what Helvetica's WinAnsi encoding can print besides U+0020–U+007E and U+00A0–U+00FF. */
const WIN_ANSI_EXTRA = new Set('€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ');

const winAnsi = (text: string) =>
  Array.from(text, (ch) => {
    const code = ch.codePointAt(0) ?? 0;
    return (code >= 0x20 && code <= 0x7e) || (code >= 0xa0 && code <= 0xff) || ch === '\n' || WIN_ANSI_EXTRA.has(ch) ? ch : '?';
  }).join('');

/** Registers BODY and BOLD on the document; returns how to make a text printable with them. */
export function usePdfFonts(doc: PDFKit.PDFDocument): (text: string) => string {
  const fonts = unicodeFonts();
  doc.registerFont(BODY, fonts?.regular ?? 'Helvetica');
  doc.registerFont(BOLD, fonts?.bold ?? 'Helvetica-Bold');
  return fonts ? (text) => text : winAnsi;
}
