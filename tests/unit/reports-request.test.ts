import { parseReportRequest } from '../../src/plugins/reports/server/src/filters';
import { parseArgs } from '../../scripts/report-args';

const messageOf = (fn: () => unknown) => {
  try {
    fn();
  } catch (error) {
    return (error as Error).message;
  }
  return 'no error';
};

describe('report requests', () => {
  it('accepts a period with filters and defaults to the Excel CSV of the story list', () => {
    const request = parseReportRequest({ from: '2026-01-01', to: '2026-12-31', district: '03241', theme: 'sprache', statisticalRegion: '' });
    expect(request.filters).toEqual({ district: '03241', theme: 'sprache' });
    expect([request.csvStyle, request.csvTable]).toEqual(['excel', 'stories']);
  });

  it('names the field that is wrong', () => {
    expect(messageOf(() => parseReportRequest({ to: '2026-12-31' }))).toMatch(/from is required/);
    expect(messageOf(() => parseReportRequest({ from: '2026-02-30', to: '2026-12-31' }))).toMatch(/from must be a real date/);
    expect(messageOf(() => parseReportRequest({ from: '2026-05-01', to: '2026-04-01' }))).toMatch(/to \(2026-04-01\) lies before from/);
    expect(messageOf(() => parseReportRequest({ from: '2010-01-01', to: '2026-12-31' }))).toMatch(/more than 10 years/);
    expect(messageOf(() => parseReportRequest({ from: '2026-01-01', to: '2026-12-31', district: 'Hannover' }))).toMatch(/district must be an official district key/);
    expect(messageOf(() => parseReportRequest({ from: '2026-01-01', to: '2026-12-31', csvStyle: 'tsv' }))).toMatch(/csvStyle must be excel or rfc4180/);
  });
});

describe('npm run report arguments', () => {
  it('reads the options of the command line', () => {
    expect(parseArgs(['--from', '2026-01-01', '--to=2026-12-31', '--format', 'csv', '--csv-style', 'rfc4180', '--out', 'r.csv'])).toEqual({
      from: '2026-01-01',
      to: '2026-12-31',
      format: 'csv',
      'csv-style': 'rfc4180',
      out: 'r.csv',
    });
  });

  it('says clearly what is wrong', () => {
    expect(messageOf(() => parseArgs(['--from', 'gestern', '--to', '2026-12-31', '--format', 'xlsx']))).toBe('--from must be a real date like 2026-01-31');
    expect(messageOf(() => parseArgs(['--from', '2026-01-01', '--to', '2026-12-31', '--format', 'docx']))).toBe('--format must be one of xlsx, csv, pdf');
    expect(messageOf(() => parseArgs(['--from', '2026-01-01', '--to', '2026-12-31', '--format', 'csv', '--csv-style', 'word']))).toBe(
      '--csv-style must be one of excel, rfc4180'
    );
    expect(messageOf(() => parseArgs(['--from', '2026-01-01', '--to', '2026-12-31', '--format', 'pdf', '--colour', 'red']))).toBe('unknown option --colour');
    expect(messageOf(() => parseArgs(['--from']))).toBe('--from needs a value');
    expect(messageOf(() => parseArgs(['report.xlsx']))).toMatch(/unexpected argument "report.xlsx"/);
  });
});
