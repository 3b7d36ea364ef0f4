import type { Core } from '@strapi/strapi';
import type { PersonalData } from '../personal-data';

type Context = Parameters<Core.MiddlewareHandler>[0];

/** "Daten herunterladen": the stored data as a JSON file (attachment), for the page and the JSON API alike. */
export function sendDataDownload(ctx: Context, data: PersonalData) {
  ctx.set('Cache-Control', 'no-store');
  ctx.set('Content-Disposition', `attachment; filename="zusammen-mehr-daten-${(data.referenceNumber ?? 'einreichung').replace(/[^A-Za-z0-9-]/g, '_')}.json"`);
  ctx.type = 'application/json; charset=utf-8';
  ctx.body = `${JSON.stringify(data, null, 2)}\n`;
}
