import { z } from 'zod';
import { errors } from '@strapi/utils';
import { monthsBetween, parseCalendarDate, periodOf, type Period } from './period';
import { CSV_STYLES, CSV_TABLES, STATISTICAL_REGIONS, type CsvStyle, type CsvTable, type StatisticalRegion } from '../../../../shared/report-options';

export { CSV_STYLES, CSV_TABLES, FORMATS, STATISTICAL_REGIONS, type CsvStyle, type CsvTable, type ReportFormat } from '../../../../shared/report-options';

/** Ten years of months is the widest period: the monthly table gets one column per month in a single query. */
const MAX_MONTHS = 120;

export interface ReportFilters {
  statisticalRegion?: StatisticalRegion;
  /** Official district key, e.g. `03241`. */
  district?: string;
  /** Theme slug. */
  theme?: string;
  /** Project slug. */
  project?: string;
}

export interface ReportRequest {
  period: Period;
  filters: ReportFilters;
  csvStyle: CsvStyle;
  csvTable: CsvTable;
}

/** What is stored with a background export and sent by the admin page: plain JSON, re-validated when it runs. */
export interface ReportRequestInput {
  from?: unknown;
  to?: unknown;
  statisticalRegion?: unknown;
  district?: unknown;
  theme?: unknown;
  project?: unknown;
  csvStyle?: unknown;
  table?: unknown;
}

const blankToUndefined = (v: unknown) => (v === '' || v === null ? undefined : v);
const optional = <T extends z.ZodTypeAny>(schema: T) => z.preprocess(blankToUndefined, schema.optional());
const date = (name: string) =>
  z
    .string({ required_error: `${name} is required (a date like 2026-01-31)`, invalid_type_error: `${name} must be a date like 2026-01-31` })
    .refine((v) => parseCalendarDate(v) !== null, { message: `${name} must be a real date in the form YYYY-MM-DD` });
const slug = (name: string) => z.string().regex(/^[a-z0-9-]{1,200}$/, `${name} must be a slug (lower-case letters, digits, hyphens)`);

export const reportRequestSchema = z
  .object({
    from: date('from'),
    to: date('to'),
    statisticalRegion: optional(
      z.enum(STATISTICAL_REGIONS, { errorMap: () => ({ message: `statisticalRegion must be one of ${STATISTICAL_REGIONS.join(', ')}` }) })
    ),
    district: optional(z.string().regex(/^03[0-9]{3}$/, 'district must be an official district key such as 03241')),
    theme: optional(slug('theme')),
    project: optional(slug('project')),
    csvStyle: optional(z.enum(CSV_STYLES, { errorMap: () => ({ message: `csvStyle must be ${CSV_STYLES.join(' or ')}` }) })),
    table: optional(z.enum(CSV_TABLES, { errorMap: () => ({ message: `table must be one of ${CSV_TABLES.join(', ')}` }) })),
  })
  .superRefine((value, ctx) => {
    const from = parseCalendarDate(value.from);
    const to = parseCalendarDate(value.to);
    if (!from || !to) return;
    if (value.from > value.to) ctx.addIssue({ code: z.ZodIssueCode.custom, path: ['to'], message: `to (${value.to}) lies before from (${value.from})` });
    else if (monthsBetween(from, to) > MAX_MONTHS) {
      ctx.addIssue({ code: z.ZodIssueCode.custom, path: ['to'], message: `the period spans more than ${MAX_MONTHS / 12} years; choose a shorter one` });
    }
  });

/** Validates a report request from a query string, a stored export or the command line; the message names each field. */
export function parseReportRequest(input: ReportRequestInput): ReportRequest {
  const result = reportRequestSchema.safeParse(input);
  if (!result.success) {
    throw new errors.ValidationError(result.error.issues.map((i) => i.message).join('; '), {
      errors: result.error.issues.map((i) => ({ path: i.path.map(String), message: i.message })),
    });
  }
  const value = result.data;
  const from = parseCalendarDate(value.from);
  const to = parseCalendarDate(value.to);
  if (!from || !to) throw new errors.ValidationError('from and to must be dates');
  return {
    period: periodOf(from, to),
    filters: {
      ...(value.statisticalRegion && { statisticalRegion: value.statisticalRegion }),
      ...(value.district && { district: value.district }),
      ...(value.theme && { theme: value.theme }),
      ...(value.project && { project: value.project }),
    },
    csvStyle: value.csvStyle ?? 'excel',
    csvTable: value.table ?? 'stories',
  };
}

/** The plain form of a request, as a query string or stored JSON carries it. */
export function requestToInput(request: ReportRequest): Record<string, string> {
  return {
    from: request.period.from,
    to: request.period.to,
    ...request.filters,
    csvStyle: request.csvStyle,
    table: request.csvTable,
  };
}
