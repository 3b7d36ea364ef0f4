/*
 * The command line of `npm run report` (scripts/report.ts), read and checked apart from the report itself, so that
 * checking it loads neither Strapi nor the renderers.
 */
import { z } from 'zod';
import { CSV_STYLES, CSV_TABLES, FORMATS, STATISTICAL_REGIONS } from '../src/plugins/reports/server/src/filters';
import { parseCalendarDate } from '../src/plugins/reports/server/src/period';

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
