/*
 * `npm run report -- --from 2026-01-01 --to 2026-12-31 --format xlsx --out report.xlsx`: writes the office's report
 * from the configured database (Strapi's DATABASE_* variables) without a running server; on a fresh database the
 * bootstrap first creates the districts and themes, and the report shows zeros.
 *
 * Options: --format xlsx|csv|pdf, --out FILE (default: the report's own file name), --csv-style excel|rfc4180,
 * --table stories|overview|districts|… (CSV only), and the filters --statistical-region, --district (key such as
 * 03241), --theme (slug), --project (slug).
 */
import fs from 'fs';
import path from 'path';
import { z } from 'zod';
import { loadStrapi } from './load-strapi';
import { CSV_STYLES, CSV_TABLES, FORMATS, parseReportRequest, STATISTICAL_REGIONS } from '../src/plugins/reports/server/src/filters';
import { parseCalendarDate } from '../src/plugins/reports/server/src/period';
import { renderReport, reportFileName, writesStoryList } from '../src/plugins/reports/server/src/render';

const date = (flag: string) =>
  z
    .string({ required_error: `${flag} is required (a date like 2026-01-31)` })
    .refine((value) => parseCalendarDate(value) !== null, { message: `${flag} must be a real date like 2026-01-31` });
const oneOf = <T extends readonly [string, ...string[]]>(flag: string, values: T) =>
  z.enum(values, { errorMap: () => ({ message: `${flag} must be one of ${values.join(', ')}` }) });

export const argsSchema = z
  .object({
    from: date('--from'),
    to: date('--to'),
    format: oneOf('--format', FORMATS),
    out: z.string().min(1, '--out needs a file name').optional(),
    'csv-style': oneOf('--csv-style', CSV_STYLES).optional(),
    table: oneOf('--table', CSV_TABLES).optional(),
    'statistical-region': oneOf('--statistical-region', STATISTICAL_REGIONS).optional(),
    district: z.string().regex(/^03\d{3}$/, '--district must be an official district key such as 03241').optional(),
    theme: z.string().min(1).optional(),
    project: z.string().min(1).optional(),
  })
  .strict();

export type ReportArgs = z.infer<typeof argsSchema>;

/** `--name value` and `--name=value` pairs; anything else is an error that says what was not understood. */
export function parseArgs(argv: string[]): ReportArgs {
  const raw: Record<string, string> = {};
  for (let i = 0; i < argv.length; i++) {
    const match = /^--([a-z-]+)(?:=(.*))?$/.exec(argv[i]);
    if (!match) throw new Error(`unexpected argument "${argv[i]}" (options look like --from 2026-01-01)`);
    const value = match[2] ?? argv[++i];
    if (value === undefined || value.startsWith('--')) throw new Error(`--${match[1]} needs a value`);
    raw[match[1]] = value;
  }
  const result = argsSchema.safeParse(raw);
  if (!result.success) {
    throw new Error(
      result.error.issues.map((i) => (i.code === z.ZodIssueCode.unrecognized_keys ? `unknown option ${i.keys.map((k) => `--${k}`).join(', ')}` : i.message)).join('; ')
    );
  }
  return result.data;
}

/** A progress bar on stderr that redraws when it grows; the report advances a page (1,000 stories) at a time. */
function progressBar(label: string) {
  const width = 30;
  let drawn = -1;
  return (done: number, total: number) => {
    const filled = Math.min(width, Math.floor((done / total) * width));
    if (filled === drawn) return;
    drawn = filled;
    process.stderr.write(`\r${label} [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done.toLocaleString('en')}/${total.toLocaleString('en')}`);
    if (filled === width) process.stderr.write('\n');
  };
}

async function main() {
  const args = parseArgs(process.argv.slice(2));
  const request = parseReportRequest({
    from: args.from,
    to: args.to,
    statisticalRegion: args['statistical-region'],
    district: args.district,
    theme: args.theme,
    project: args.project,
    csvStyle: args['csv-style'],
    table: args.table,
  });
  // npm runs scripts from the app folder; a relative --out means the folder the command was typed in.
  const out = path.resolve(process.env.INIT_CWD ?? process.cwd(), args.out ?? reportFileName(args.format, request));
  const partial = `${out}.part`;

  process.env.YOUTUBE_SYNC_WORKER = 'false';
  process.stderr.write('Loading Strapi on the configured database…\n');
  const strapi = await loadStrapi();
  try {
    process.stderr.write(`Report ${request.period.from} – ${request.period.to} as ${args.format}${writesStoryList(args.format, request) ? '' : ' (figures only)'}\n`);
    const bar = progressBar('Stories');
    const stories = await renderReport(strapi, args.format, request, fs.createWriteStream(partial), {
      onProgress: async ({ rowsDone, rowsTotal }) => {
        if (rowsTotal > 0) bar(rowsDone, rowsTotal);
      },
    });
    fs.renameSync(partial, out);
    console.log(`Wrote ${out} (${(fs.statSync(out).size / 1024).toFixed(0)} KB) covering ${stories.toLocaleString('en')} published stories.`);
  } catch (error) {
    fs.rmSync(partial, { force: true });
    throw error;
  } finally {
    await strapi.destroy();
  }
}

if (require.main === module) {
  main().then(
    () => process.exit(0),
    (error) => {
      console.error(`Report failed: ${(error as Error).message}`);
      process.exit(1);
    }
  );
}
