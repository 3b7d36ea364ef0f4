import type { PublicStory } from '../public-api/serialize';
import { BODY, BOLD, usePdfFonts } from '../site/pdf-fonts';
import { shorten } from '../story-pages/format';
import { ACTION, ALLIANCE, CALL, CLAIM, INVITATION, MOTTO, SLOGAN } from './call';
import { BLUE, INK, MUTED, RED, WHITE, YELLOW } from './colours';
import { drawQrCode } from './qr';

/**
 * The print files: A5 flyer (front and back), A4 and A3 poster, a half- and a quarter-page advertisement for member
 * magazines. One layout scaled to the page: the alliance's blue band with the claim and the call, the call's words,
 * optionally the newest stories of the partner's selection, and a QR code to the form with its address in print.
 * Fonts: the embedded DejaVu the reports use too (site/pdf-fonts.ts).
 */

const MM = 72 / 25.4;

export interface PrintFormat {
  name: string;
  label: string;
  width: number;
  height: number;
  /** How many stories fit, at most (0: none, only the call). */
  maxStories: number;
  invitation: boolean;
  /** A second page with the steps and the stories (the flyer's back). */
  back: boolean;
}

export const PRINT_FORMATS: PrintFormat[] = [
  { name: 'flyer-a5', label: 'Flyer A5, Vorder- und Rückseite', width: 148 * MM, height: 210 * MM, maxStories: 4, invitation: true, back: true },
  { name: 'plakat-a4', label: 'Plakat A4', width: 210 * MM, height: 297 * MM, maxStories: 3, invitation: true, back: false },
  { name: 'plakat-a3', label: 'Plakat A3', width: 297 * MM, height: 420 * MM, maxStories: 3, invitation: true, back: false },
  { name: 'anzeige-halbe-seite', label: 'Anzeige, halbe Seite A4 (quer, 210 × 148 mm)', width: 210 * MM, height: 148 * MM, maxStories: 0, invitation: true, back: false },
  { name: 'anzeige-viertel-seite', label: 'Anzeige, Viertelseite A4 (hoch, 105 × 148 mm)', width: 105 * MM, height: 148 * MM, maxStories: 0, invitation: false, back: false },
];

export const printPath = (format: PrintFormat) => `/partner/druck/${format.name}.pdf`;

export interface PrintInput {
  /** The form's absolute address, with the partner's source name: in the QR code and in print. */
  joinUrl: string;
  /** The stories' heading ("Geschichten aus Göttingen"), shown with the stories. */
  storiesTitle: string;
  stories: PublicStory[];
  officeEmail: string;
}

type Doc = PDFKit.PDFDocument;

interface Frame {
  x: number;
  width: number;
  /** The type unit: a hundredth of the page's shorter side, so an A3 poster is an A5 flyer enlarged. */
  unit: number;
}

function band(doc: Doc, format: PrintFormat, frame: Frame, print: (text: string) => string): number {
  const u = frame.unit;
  const top = frame.unit * 7;
  // The claim on one line, as large as the page's width allows.
  const claimSize = Math.min(u * 10.5, (u * 10.5 * frame.width) / doc.font(BOLD).fontSize(u * 10.5).widthOfString(CLAIM));
  doc.fontSize(claimSize).fillColor(WHITE);
  const claimHeight = doc.heightOfString(CLAIM, { width: frame.width });
  doc.font(BOLD).fontSize(u * 6.4);
  const callHeight = doc.heightOfString(CALL, { width: frame.width });
  const height = top + claimHeight + u * 3 + callHeight + u * 8;
  doc.rect(0, 0, format.width, height).fill(BLUE);
  doc.rect(0, height, format.width, u * 1.4).fill(RED);
  doc.font(BODY).fontSize(u * 3.2).fillColor(WHITE).text(print(`Bündnis „${ALLIANCE}“`), frame.x, u * 3.2, { width: frame.width });
  doc.font(BOLD).fontSize(claimSize).fillColor(WHITE).text(CLAIM, frame.x, top, { width: frame.width, lineBreak: false });
  doc.rect(frame.x, top + claimHeight + u * 0.6, u * 22, u * 1.1).fill(YELLOW);
  doc.font(BOLD).fontSize(u * 6.4).fillColor(YELLOW).text(CALL, frame.x, top + claimHeight + u * 3, { width: frame.width });
  return height + u * 7;
}

function stories(doc: Doc, input: PrintInput, frame: Frame, y: number, bottom: number, print: (text: string) => string): number {
  const u = frame.unit;
  doc.font(BOLD).fontSize(u * 4.4).fillColor(BLUE).text(print(input.storiesTitle), frame.x, y, { width: frame.width });
  let top = doc.y + u * 2;
  const width = { width: frame.width };
  for (const story of input.stories) {
    const title = print(story.title);
    const teaser = print(shorten(story.teaser || story.bodyText, 160));
    const height = doc.font(BOLD).fontSize(u * 3.6).heightOfString(title, width) + u * 0.5 + doc.font(BODY).fontSize(u * 3).heightOfString(teaser, width);
    // Whole stories only: the next one stops where it would run into the QR code.
    if (top + height > bottom) break;
    doc.font(BOLD).fontSize(u * 3.6).fillColor(INK).text(title, frame.x, top, width);
    if (teaser) doc.font(BODY).fontSize(u * 3).fillColor(MUTED).text(teaser, frame.x, doc.y + u * 0.5, width);
    top = doc.y + u * 2.5;
  }
  return top;
}

/** The QR code and the address at the foot of the page; returns the top of the footer. */
function footer(doc: Doc, format: PrintFormat, input: PrintInput, frame: Frame, print: (text: string) => string): number {
  const u = frame.unit;
  const qr = Math.min(u * 27, frame.width * 0.42);
  const top = format.height - u * 7 - qr;
  drawQrCode(doc, input.joinUrl, frame.x - qr * 0.07, top, qr);
  const x = frame.x + qr + u * 3;
  const width = frame.width - qr - u * 3;
  doc.font(BOLD).fontSize(u * 4.6).fillColor(RED).text(`${ACTION}:`, x, top + u * 2, { width });
  // In print the address as people type it; the QR code carries the full one.
  doc.font(BOLD).fontSize(u * 3.4).fillColor(BLUE).text(input.joinUrl.replace(/^https?:\/\//, ''), x, doc.y + u * 0.6, { width });
  doc.font(BODY).fontSize(u * 2.8).fillColor(MUTED).text(print(`Fragen? ${input.officeEmail}`), x, doc.y + u * 1.2, { width });
  return top;
}

function frontPage(doc: Doc, format: PrintFormat, input: PrintInput, frame: Frame, print: (text: string) => string) {
  const u = frame.unit;
  let y = band(doc, format, frame, print);
  const bottom = footer(doc, format, input, frame, print) - u * 4;
  doc.font(BOLD).fontSize(u * 4.6).fillColor(BLUE).text(MOTTO, frame.x, y, { width: frame.width });
  y = doc.y + u * 2;
  const invitation = { width: frame.width, lineGap: u * 0.4 };
  // A poster with the partner's stories shows them in place of the invitation.
  const withStories = !format.back && format.maxStories > 0 && input.stories.length > 0;
  // The invitation whole or not at all: a magazine ad too small for it keeps the call, the motto and the QR code.
  if (format.invitation && !withStories && y + doc.font(BODY).fontSize(u * 3.3).heightOfString(INVITATION, invitation) < bottom) {
    doc.fillColor(INK).text(INVITATION, frame.x, y, invitation);
    y = doc.y + u * 2;
  }
  if (withStories) stories(doc, input, frame, y + u * 2, bottom, print);
  else if (y < bottom - u * 8) doc.font(BOLD).fontSize(u * 3.6).fillColor(INK).text(SLOGAN.toUpperCase(), frame.x, y, { width: frame.width });
}

const STEPS = [
  ['Erzählen', 'Was ist gelungen, und wer hat geholfen? Ein kurzes Video mit dem Handy genügt – kleine und große Geschichten sind willkommen.'],
  ['Einreichen', 'Über das Formular: Video, ein paar Sätze dazu und die Einwilligung der Menschen, die zu sehen sind.'],
  ['Teilen', 'Die Geschäftsstelle sieht jede Geschichte durch und veröffentlicht sie auf dem YouTube-Kanal und der Website des Bündnisses – zum Teilen und Nachmachen.'],
];

function backPage(doc: Doc, format: PrintFormat, input: PrintInput, frame: Frame, print: (text: string) => string) {
  const u = frame.unit;
  doc.rect(0, 0, format.width, u * 2.4).fill(BLUE);
  doc.font(BOLD).fontSize(u * 5.6).fillColor(BLUE).text('So machen Sie mit', frame.x, u * 9, { width: frame.width });
  let y = doc.y + u * 2.5;
  STEPS.forEach(([title, text], index) => {
    doc.circle(frame.x + u * 3, y + u * 3, u * 3).fill(RED);
    doc.font(BOLD).fontSize(u * 3.6).fillColor(WHITE).text(String(index + 1), frame.x, y + u * 1.1, { width: u * 6, align: 'center' });
    doc.font(BOLD).fontSize(u * 3.8).fillColor(INK).text(title, frame.x + u * 9, y, { width: frame.width - u * 9 });
    doc.font(BODY).fontSize(u * 3.2).fillColor(INK).text(text, frame.x + u * 9, doc.y + u * 0.4, { width: frame.width - u * 9 });
    y = doc.y + u * 3;
  });
  const bottom = footer(doc, format, input, frame, print) - u * 4;
  if (input.stories.length) stories(doc, input, frame, y + u * 2, bottom, print);
}

/** The PDF's bytes. */
export async function renderPrint(format: PrintFormat, input: PrintInput): Promise<Buffer> {
  // Loaded here, not at boot: PDFKit (with fontkit) costs a fifth of a second of CPU in every process that starts the app.
  const { default: PDFDocument } = await import('pdfkit');
  const doc = new PDFDocument({
    size: [format.width, format.height],
    margin: 0,
    info: { Title: `${CLAIM} – ${CALL} (${format.label})`, Author: `Bündnis „${ALLIANCE}“`, Subject: INVITATION },
  });
  const print = usePdfFonts(doc);
  const unit = Math.min(format.width, format.height) / 100;
  const frame: Frame = { x: unit * 8, width: format.width - unit * 16, unit };
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  frontPage(doc, format, input, frame, print);
  if (format.back) {
    doc.addPage({ size: [format.width, format.height], margin: 0 });
    backPage(doc, format, input, frame, print);
  }
  doc.end();
  return done;
}
