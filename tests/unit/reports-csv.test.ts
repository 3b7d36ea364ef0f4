import { PassThrough } from 'stream';
import { parse } from 'csv-parse/sync';
import { csvText, writeCsv } from '../../src/plugins/reports/server/src/csv';
import type { Column, TableRow } from '../../src/plugins/reports/server/src/report-tables';

const columns: Column[] = [
  { key: 'title', header: 'Titel', kind: 'text', width: 10 },
  { key: 'days', header: 'Tage', kind: 'auto', width: 10 },
  { key: 'at', header: 'Veröffentlicht', kind: 'datetime', width: 10 },
  { key: 'month', header: 'Monat', kind: 'month', width: 10 },
];
const rows: TableRow[] = [
  { title: 'Ahmad; „der Bäcker“ sagt "Hallo"\nzweite Zeile', days: 3.5, at: new Date('2026-03-01T11:00:00Z'), month: { day: '2026-03-01' } },
  { title: '=HYPERLINK("http://evil")', days: 1200, at: null, month: { day: '2026-12-01' } },
];

async function csv(style: 'excel' | 'rfc4180') {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (c: Buffer) => chunks.push(c));
  await writeCsv(out, style, columns, rows);
  return Buffer.concat(chunks);
}

describe('report CSV', () => {
  it('writes what German Excel expects and parses back to the same values', async () => {
    const bytes = await csv('excel');
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(bytes.toString('utf8')).toContain('\r\n');
    const records = parse(bytes, { bom: true, delimiter: ';' }) as string[][];
    expect(records).toEqual([
      ['Titel', 'Tage', 'Veröffentlicht', 'Monat'],
      ['Ahmad; „der Bäcker“ sagt "Hallo"\nzweite Zeile', '3,5', '01.03.2026 12:00', 'März 2026'],
      ["'=HYPERLINK(\"http://evil\")", '1200', '', 'Dezember 2026'],
    ]);
  });

  it('writes plain RFC 4180 with ISO dates and a decimal point on request', async () => {
    const bytes = await csv('rfc4180');
    expect(bytes[0]).not.toBe(0xef);
    const records = parse(bytes) as string[][];
    expect(records[1].slice(1)).toEqual(['3.5', '2026-03-01T12:00:00+01:00', '2026-03']);
    expect(records[2][0]).toBe('=HYPERLINK("http://evil")');
  });

  it('formats single values the same way', () => {
    expect(csvText('excel', 'integer', 1234567)).toBe('1234567');
    expect(csvText('excel', 'date', { day: '2026-01-31' })).toBe('31.01.2026');
    expect(csvText('rfc4180', 'date', { day: '2026-01-31' })).toBe('2026-01-31');
    expect(csvText('excel', 'text', '-5 Grad')).toBe("'-5 Grad");
  });
});
