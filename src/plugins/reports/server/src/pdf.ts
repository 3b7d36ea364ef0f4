import type { Writable } from 'stream';
import { finished } from 'stream/promises';
import SVGtoPDF from 'svg-to-pdfkit';
import type { ChartName } from './charts';
import { PDF_FONTS, type PdfFontsService } from '../../../../shared/pdf-fonts';
import type { ReportFigures } from './figures';
import {
  DEFINITIONS,
  formatDateTime,
  formatDecimal,
  formatInteger,
  formatIsoDate,
  MAP_SOURCE_NOTE,
  MAP_SOURCE_URL,
  REPORT_TITLE,
  WITHOUT,
} from './labels';

const { body: BODY, bold: BOLD } = PDF_FONTS;

/**
 * The four-page summary for partners and the ministry: key figures; the district map with the source note the
 * outlines' licence requires; stories per district; themes, months and projects. Charts arrive as SVG from
 * Vega-Lite and are drawn as vectors; fonts: the stories' site/pdf-fonts.ts.
 */

const A4 = { width: 595.28, height: 841.89 };
const MARGIN = { top: 48, bottom: 56, left: 48, right: 48 };
const CONTENT_WIDTH = A4.width - MARGIN.left - MARGIN.right;
const INK = '#1a1a1a';
const MUTED = '#5c5c5c';
const ACCENT = '#1f5f99';
const TILE = '#eef3f8';

type Doc = PDFKit.PDFDocument;
/** Makes data (titles, names, messages) printable with the fonts in use; see the stories' site/pdf-fonts.ts. */
type Printable = (text: string) => string;

const fontFor = (_family: string, bold: boolean) => (bold ? BOLD : BODY);

function svgSize(svg: string) {
  const width = Number(/<svg[^>]*\swidth="([\d.]+)"/.exec(svg)?.[1] ?? 0);
  const height = Number(/<svg[^>]*\sheight="([\d.]+)"/.exec(svg)?.[1] ?? 0);
  if (!width || !height) throw new Error('reports: a chart SVG has no width or height');
  return { width, height };
}

/** Draws a chart scaled to fit `maxWidth` × `maxHeight`; returns the height it took. */
function drawSvg(doc: Doc, svg: string, x: number, y: number, maxWidth: number, maxHeight: number) {
  const size = svgSize(svg);
  const scale = Math.min(maxWidth / size.width, maxHeight / size.height);
  const width = size.width * scale;
  const height = size.height * scale;
  SVGtoPDF(doc, svg, x + (maxWidth - width) / 2, y, { width, height, preserveAspectRatio: 'xMidYMin meet', fontCallback: fontFor });
  return height;
}

/** Where a heading or table goes across the page: the full width by default, or one of two columns. */
interface Span {
  x: number;
  width: number;
}

const FULL: Span = { x: MARGIN.left, width: CONTENT_WIDTH };
const COLUMN_GAP = 16;
const HALF = (CONTENT_WIDTH - COLUMN_GAP) / 2;
const LEFT_HALF: Span = { x: MARGIN.left, width: HALF };
const RIGHT_HALF: Span = { x: MARGIN.left + HALF + COLUMN_GAP, width: HALF };

function heading(doc: Doc, text: string, y: number, span = FULL) {
  doc.font(BOLD).fontSize(15).fillColor(INK).text(text, span.x, y, { width: span.width });
  return doc.y + 6;
}

function small(doc: Doc, text: string, x: number, y: number, width: number, options: PDFKit.Mixins.TextOptions = {}) {
  doc.font(BODY).fontSize(8).fillColor(MUTED).text(text, x, y, { width, ...options });
  return doc.y;
}

interface Tile {
  label: string;
  value: string;
}

function tiles(doc: Doc, items: Tile[], y: number) {
  const columns = 3;
  const gap = 8;
  const width = (CONTENT_WIDTH - gap * (columns - 1)) / columns;
  const height = 52;
  items.forEach((item, i) => {
    const x = MARGIN.left + (i % columns) * (width + gap);
    const top = y + Math.floor(i / columns) * (height + gap);
    doc.rect(x, top, width, height).fill(TILE);
    doc.font(BOLD).fontSize(18).fillColor(ACCENT).text(item.value, x + 10, top + 8, { width: width - 20, lineBreak: false });
    doc.font(BODY).fontSize(8.5).fillColor(INK).text(item.label, x + 10, top + 32, { width: width - 20, lineBreak: false, ellipsis: true });
  });
  return y + Math.ceil(items.length / columns) * (height + gap);
}

interface TableColumn {
  header: string;
  width: number;
  align?: 'left' | 'right';
}

function table(doc: Doc, printable: Printable, columns: TableColumn[], rows: string[][], y: number, span = FULL) {
  const rowHeight = 14;
  let x = span.x;
  doc.font(BOLD).fontSize(8.5).fillColor(INK);
  for (const c of columns) {
    doc.text(c.header, x + 2, y + 3, { width: c.width - 4, align: c.align ?? 'left', lineBreak: false });
    x += c.width;
  }
  let top = y + rowHeight;
  doc.moveTo(span.x, top).lineTo(span.x + span.width, top).lineWidth(0.6).strokeColor('#999999').stroke();
  doc.font(BODY).fontSize(8.5);
  rows.forEach((row, i) => {
    if (i % 2 === 1) doc.rect(span.x, top, span.width, rowHeight).fill('#f6f6f6');
    doc.fillColor(INK);
    x = span.x;
    row.forEach((cell, j) => {
      doc.text(printable(cell), x + 2, top + 3, { width: columns[j].width - 4, height: rowHeight - 4, align: columns[j].align ?? 'left', ellipsis: true });
      x += columns[j].width;
    });
    top += rowHeight;
  });
  return top + 6;
}

/**
 * Sources named on the first page; the others are summed up in one row, so the table is never longer than the one
 * of the statistical regions beside it, however many partners link.
 */
const NAMED_SOURCES = 4;

function referralRows(f: ReportFigures): string[][] {
  const named = f.submissions.byReferralSource.flatMap((r) => (r.source === null ? [] : [{ source: r.source, submissions: r.submissions }]));
  const without = f.submissions.byReferralSource.find((r) => r.source === null);
  const others = named.slice(NAMED_SOURCES);
  return [
    ...named.slice(0, NAMED_SOURCES).map((r) => [r.source, formatInteger(r.submissions)]),
    ...(others.length ? [[`${formatInteger(others.length)} weitere Quellen`, formatInteger(others.reduce((sum, r) => sum + r.submissions, 0))]] : []),
    ...(without ? [[WITHOUT.referralSource, formatInteger(without.submissions)]] : []),
  ];
}

const periodText = (f: ReportFigures) => `${formatIsoDate(f.period.from)} – ${formatIsoDate(f.period.to)}`;

function overviewPage(doc: Doc, printable: Printable, f: ReportFigures) {
  doc.font(BOLD).fontSize(20).fillColor(INK).text(REPORT_TITLE, MARGIN.left, MARGIN.top, { width: CONTENT_WIDTH });
  doc.font(BODY).fontSize(11).fillColor(INK).text(`Erfolgsgeschichten gelungener Integration in Niedersachsen · Zeitraum ${periodText(f)}`, { width: CONTENT_WIDTH });
  doc.moveDown(0.3);
  let y = small(doc, `Filter: ${f.filterLabels.length ? printable(f.filterLabels.join('; ')) : 'keine'} · erstellt am ${formatDateTime(f.generatedAt)}`, MARGIN.left, doc.y, CONTENT_WIDTH);
  const s = f.submissions;
  const y2 = f.youtube;
  const withStories = f.districts.filter((d) => d.key && d.stories > 0).length;
  y = tiles(
    doc,
    [
      { label: 'Veröffentlichte Geschichten', value: formatInteger(f.published) },
      { label: 'Landkreise mit Geschichten (von 45)', value: formatInteger(withStories) },
      { label: 'Einreichungen eingegangen', value: formatInteger(s.received) },
      { label: 'Einreichungen angenommen', value: formatInteger(s.byStatus.approved) },
      { label: 'Einreichungen abgelehnt', value: formatInteger(s.byStatus.rejected) },
      { label: 'Einreichungen zurückgezogen', value: formatInteger(s.byStatus.withdrawn) },
      { label: 'Median Tage bis zur Veröffentlichung', value: s.medianDaysToPublication === null ? '–' : formatDecimal(s.medianDaysToPublication) },
      { label: 'YouTube-Aufrufe', value: formatInteger(y2.views) },
      { label: 'YouTube-Likes', value: formatInteger(y2.likes) },
      { label: 'YouTube-Kommentare', value: formatInteger(y2.comments) },
      { label: 'Geschichten mit YouTube-Video', value: formatInteger(y2.storiesWithVideo) },
      { label: 'Fehlgeschlagene YouTube-Syncs', value: formatInteger(f.syncFailures.total) },
    ],
    y + 12
  );
  small(doc, `YouTube-Zahlen: Stand ${y2.statsAt ? formatDateTime(y2.statsAt) : 'noch nicht abgerufen'} (regelmäßiger Abgleich mit YouTube).`, MARGIN.left, y - 2, CONTENT_WIDTH);

  const tablesTop = doc.y + 12;
  const regionsEnd = table(
    doc,
    printable,
    [
      { header: 'Statistische Region', width: HALF - 90 },
      { header: 'Geschichten', width: 90, align: 'right' },
    ],
    [...f.statisticalRegions.map((r) => [r.name, formatInteger(r.stories)]), ['Zusammen', formatInteger(f.published)]],
    heading(doc, 'Nach statistischen Regionen', tablesTop, LEFT_HALF),
    LEFT_HALF
  );
  const sourcesTop = heading(doc, 'Einreichungen nach Quelle', tablesTop, RIGHT_HALF);
  const sources = referralRows(f);
  const sourcesEnd = sources.length
    ? table(
        doc,
        printable,
        [
          { header: 'Quelle (Partner-Link)', width: HALF - 90 },
          { header: 'Einreichungen', width: 90, align: 'right' },
        ],
        sources,
        sourcesTop,
        RIGHT_HALF
      )
    : small(doc, 'Im Zeitraum ist keine Einreichung eingegangen.', RIGHT_HALF.x, sourcesTop, HALF) + 8;
  y = Math.max(regionsEnd, sourcesEnd);

  y = heading(doc, 'Meistgesehene Geschichten auf YouTube', y + 6);
  const top = f.topStories.slice(0, 8);
  y = top.length
    ? table(
        doc,
        printable,
        [
          { header: '#', width: 22 },
          { header: 'Titel', width: 230 },
          { header: 'Landkreis', width: 103 },
          { header: 'Aufrufe', width: 55, align: 'right' },
          { header: 'Likes', width: 42, align: 'right' },
          { header: 'Komm.', width: CONTENT_WIDTH - 452, align: 'right' },
        ],
        top.map((t, i) => [String(i + 1), t.title, t.district ?? '–', formatInteger(t.views), formatInteger(t.likes), formatInteger(t.comments)]),
        y
      )
    : small(doc, 'Für die Geschichten dieses Zeitraums liegen noch keine YouTube-Zahlen vor.', MARGIN.left, y, CONTENT_WIDTH) + 8;

  y = heading(doc, 'YouTube-Sync fehlgeschlagen', y + 6);
  const failures = f.syncFailures.rows.slice(0, 4);
  const more = f.syncFailures.total - failures.length;
  const lines = failures.length
    ? [...failures.map((x) => `${x.title}${x.district ? ` (${x.district})` : ''}: ${(x.lastError ?? 'ohne Meldung').slice(0, 110)}`), ...(more > 0 ? [`… und ${formatInteger(more)} weitere (Liste in der Tabelle)`] : [])]
    : ['Keine: alle Geschichten des Zeitraums sind auf YouTube aktuell oder warten auf den nächsten Lauf.'];
  doc.font(BODY).fontSize(8.5).fillColor(INK);
  doc.y = y;
  for (const line of lines) doc.text(printable(line), MARGIN.left, doc.y, { width: CONTENT_WIDTH, height: 11, ellipsis: true });
}

function mapPage(doc: Doc, f: ReportFigures, map: string) {
  let y = heading(doc, 'Veröffentlichte Geschichten nach Landkreisen', MARGIN.top);
  y = small(doc, `Zeitraum ${periodText(f)}. Je dunkler, desto mehr Geschichten; grau: keine Geschichte im Zeitraum.`, MARGIN.left, y, CONTENT_WIDTH) + 10;
  const height = drawSvg(doc, map, MARGIN.left, y, CONTENT_WIDTH, 560);
  y += height + 8;
  doc.font(BODY).fontSize(8).fillColor(MUTED).text(`Kartengrundlage: ${MAP_SOURCE_NOTE}`, MARGIN.left, y, { width: CONTENT_WIDTH, link: MAP_SOURCE_URL, underline: false });
  const ranked = f.districts.filter((d) => d.key).sort((a, b) => b.stories - a.stories || a.name.localeCompare(b.name, 'de'));
  const leaders = ranked.filter((d) => d.stories > 0).slice(0, 5);
  const none = ranked.filter((d) => d.stories === 0).length;
  doc.moveDown(1);
  doc.font(BODY).fontSize(9.5).fillColor(INK);
  if (leaders.length) doc.text(`Die meisten Geschichten: ${leaders.map((d) => `${d.name} (${formatInteger(d.stories)})`).join(', ')}.`, { width: CONTENT_WIDTH });
  doc.text(`${none === 0 ? 'Aus allen 45 Landkreisen' : `Aus ${formatInteger(45 - none)} von 45 Landkreisen`} liegen veröffentlichte Geschichten vor.`, { width: CONTENT_WIDTH });
  const without = f.districts.find((d) => !d.key);
  if (without) doc.text(`${formatInteger(without.stories)} Geschichten sind keinem Landkreis zugeordnet.`, { width: CONTENT_WIDTH });
}

function districtPage(doc: Doc, f: ReportFigures, bars: string) {
  let y = heading(doc, 'Geschichten je Landkreis', MARGIN.top);
  y = small(doc, `Alle 45 Landkreise, die Region Hannover und die kreisfreien Städte, nach Zahl der veröffentlichten Geschichten (${periodText(f)}).`, MARGIN.left, y, CONTENT_WIDTH) + 8;
  drawSvg(doc, bars, MARGIN.left, y, CONTENT_WIDTH, A4.height - MARGIN.bottom - y - 8);
}

function themesPage(doc: Doc, printable: Printable, f: ReportFigures, themes: string, months: string) {
  let y = heading(doc, 'Geschichten je Thema', MARGIN.top);
  y = small(doc, 'Eine Geschichte kann mehrere Themen haben und zählt dann bei jedem.', MARGIN.left, y, CONTENT_WIDTH) + 6;
  y += drawSvg(doc, themes, MARGIN.left, y, CONTENT_WIDTH, 200) + 10;
  y = heading(doc, 'Veröffentlichungen je Monat', y);
  y += drawSvg(doc, months, MARGIN.left, y, CONTENT_WIDTH, 190) + 10;
  y = heading(doc, 'Projekte mit den meisten Geschichten', y);
  const projects = f.projects.filter((p) => p.key && p.stories > 0).sort((a, b) => b.stories - a.stories || a.name.localeCompare(b.name, 'de')).slice(0, 6);
  y = projects.length
    ? table(
        doc,
        printable,
        [
          { header: 'Projekt', width: 250 },
          { header: 'Träger', width: 175 },
          { header: 'Geschichten', width: CONTENT_WIDTH - 425, align: 'right' },
        ],
        projects.map((p) => [p.name, p.organisation ?? '–', formatInteger(p.stories)]),
        y
      )
    : small(doc, 'Keine Geschichte im Zeitraum ist einem Projekt zugeordnet.', MARGIN.left, y, CONTENT_WIDTH) + 6;
  doc.font(BOLD).fontSize(9).fillColor(INK).text('So wird gezählt', MARGIN.left, y + 4, { width: CONTENT_WIDTH });
  doc.font(BODY).fontSize(7).fillColor(MUTED);
  for (const definition of DEFINITIONS) doc.text(`• ${definition}`, { width: CONTENT_WIDTH, paragraphGap: 1 });
}

function footers(doc: Doc, f: ReportFigures) {
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    // Writing into the bottom margin would otherwise make PDFKit start a new page.
    const bottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    doc
      .font(BODY)
      .fontSize(7.5)
      .fillColor(MUTED)
      .text(`${REPORT_TITLE} · ${periodText(f)} · Seite ${i + 1} von ${range.count}`, MARGIN.left, A4.height - 34, { width: CONTENT_WIDTH, align: 'center', lineBreak: false });
    doc.page.margins.bottom = bottom;
  }
}

export async function writePdf(output: Writable, figures: ReportFigures, charts: Record<ChartName, string>, fonts: PdfFontsService) {
  // Loaded here, not at boot: PDFKit (with fontkit) costs a fifth of a second of CPU in every process that starts the app.
  const { default: PDFDocument } = await import('pdfkit');
  const doc = new PDFDocument({
    size: 'A4',
    margins: MARGIN,
    bufferPages: true,
    info: { Title: `${REPORT_TITLE} ${periodText(figures)}`, Author: 'ZUSAMMEN. MEHR.', CreationDate: figures.generatedAt },
  });
  doc.pipe(output);
  const done = finished(output);
  const printable = fonts.use(doc);
  overviewPage(doc, printable, figures);
  doc.addPage();
  mapPage(doc, figures, charts.map);
  doc.addPage();
  districtPage(doc, figures, charts.districts);
  doc.addPage();
  themesPage(doc, printable, figures, charts.themes, charts.months);
  footers(doc, figures);
  doc.end();
  await done;
}
