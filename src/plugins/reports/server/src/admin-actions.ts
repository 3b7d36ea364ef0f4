import fs from 'fs';
import { PassThrough } from 'stream';
import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { CHARTS, type ChartName } from './charts';
import { FORMATS, type ReportFormat, type ReportRequestInput } from './filters';
import { CONTENT_TYPES, reportFileName, writesStoryList } from './render';
import type { ReportsService } from './service';

type Context = Parameters<Core.MiddlewareHandler>[0];

function formatOf(value: unknown): ReportFormat {
  if (!FORMATS.includes(value as ReportFormat)) throw new errors.ValidationError(`format must be one of ${FORMATS.join(', ')}, not "${String(value)}"`);
  return value as ReportFormat;
}

const requester = (ctx: Context) => {
  const user = ctx.state.user as { id?: number; firstname?: string; lastname?: string; email?: string } | undefined;
  const name = [user?.firstname, user?.lastname].filter(Boolean).join(' ') || user?.email || null;
  return { id: user?.id ?? null, name };
};

/** RFC 6266: an ASCII fallback plus the UTF-8 name. */
const attachment = (fileName: string) => `attachment; filename="${fileName.replace(/[^\x20-\x7e]|"/g, '_')}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;

const gone = (ctx: Context, message: string) => {
  ctx.status = 410;
  ctx.body = { data: null, error: { status: 410, name: 'GoneError', message, details: {} } };
};

/** The admin routes of reports: parse, call the reports service once, shape the answer. */
export const reportsController = (strapi: Core.Strapi, reports: ReportsService) => ({
  async options(ctx: Context) {
    ctx.body = { data: await reports.options() };
  },

  async summary(ctx: Context) {
    ctx.body = { data: await reports.figures(reports.parse(ctx.query as ReportRequestInput)) };
  },

  async chart(ctx: Context) {
    const name = ctx.params.chart as ChartName;
    if (!CHARTS.includes(name)) throw new errors.NotFoundError(`no chart "${name}"; charts: ${CHARTS.join(', ')}`);
    const width = Math.min(1200, Math.max(240, Number(ctx.query.width) || 640));
    ctx.type = 'image/svg+xml';
    ctx.set('Cache-Control', 'no-store');
    ctx.body = await reports.chart(name, reports.parse(ctx.query as ReportRequestInput), width);
  },

  /** The file itself for a report of up to REPORT_DIRECT_LIMIT stories; beyond, 202 and a background export. */
  async download(ctx: Context) {
    const format = formatOf(ctx.params.format);
    const request = reports.parse(ctx.query as ReportRequestInput);
    const stories = await reports.count(request);
    if (writesStoryList(format, request) && !reports.fitsDirectDownload(stories)) {
      const view = await reports.startExport(format, request, requester(ctx));
      ctx.status = 202;
      ctx.set('Location', `/reports/exports/${view.id}`);
      ctx.body = { data: view };
      return;
    }
    const body = new PassThrough();
    ctx.type = CONTENT_TYPES[format];
    ctx.set('Content-Disposition', attachment(reportFileName(format, request)));
    ctx.set('Cache-Control', 'no-store');
    ctx.body = body;
    reports.render(format, request, body).catch((error: Error) => {
      strapi.log.error(`Report download (${format}) broke off: ${error.message}`);
      body.destroy(error);
    });
  },

  async startExport(ctx: Context) {
    const input = (ctx.request as unknown as { body?: ReportRequestInput & { format?: unknown } }).body ?? {};
    const format = formatOf(input.format);
    const request = reports.parse(input);
    await reports.count(request);
    ctx.status = 202;
    ctx.body = { data: await reports.startExport(format, request, requester(ctx)) };
  },

  async exportStatus(ctx: Context) {
    const view = await reports.exportStatus(String(ctx.params.id));
    if (!view) throw new errors.NotFoundError(`no report export ${ctx.params.id}`);
    ctx.body = { data: view };
  },

  async listExports(ctx: Context) {
    ctx.body = { data: await reports.recentExports() };
  },

  /** Open to a plain link: the export's token is the credential, and it expires. */
  async downloadExport(ctx: Context) {
    const found = await reports.download(String(ctx.params.id), String(ctx.query.token ?? ''));
    switch (found.kind) {
      case 'not-found':
        throw new errors.NotFoundError('Unbekannter Download-Link.');
      case 'expired':
        return gone(ctx, 'Der Download-Link ist abgelaufen. Bitte den Bericht neu erstellen.');
      case 'not-ready':
        throw new errors.ApplicationError(`Der Bericht ist noch nicht fertig (Status: ${found.status}).`);
      case 'missing-file':
        throw new errors.NotFoundError(
          `Die Datei liegt nicht auf diesem Server${found.instance ? ` (erstellt von ${found.instance})` : ''}; REPORT_EXPORT_DIR muss ein gemeinsamer Ordner aller Instanzen sein.`
        );
      case 'file':
        ctx.type = found.contentType;
        ctx.length = found.bytes;
        ctx.set('Content-Disposition', attachment(found.fileName));
        ctx.set('Cache-Control', 'private, no-store');
        ctx.body = fs.createReadStream(found.path);
    }
  },
});
