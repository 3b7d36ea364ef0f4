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
import { loadStrapi } from './load-strapi';
import { parseReportRequest } from '../src/plugins/reports/server/src/filters';
import { parseArgs } from './report-args';
import { renderReport, reportFileName, writesStoryList } from '../src/plugins/reports/server/src/render';

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
