import path from 'path';
import type { Core } from '@strapi/strapi';
import { REFERENCE_PATTERN } from '../intake/reference-number';
import { referralSourceOf } from '../intake/referral-source';
import { loadFormChoices } from './choices';
import { formLimits } from './form-limits';
import { renderLegalPage, renderMissingLegalPage } from './legal-pages';
import type { LegalPath } from '../../../../../shared/legal-pages';
import { placesFile } from './places';
import type { StaticFile } from '../../../../../shared/story-services';
import { site } from '../dependencies';
import { submissionFormPage } from './submission-form';
import { renderThankYou, renderUnknownReference } from './thank-you';

type Context = Parameters<Core.MiddlewareHandler>[0];

const tusPackageDir = path.dirname(require.resolve('tus-js-client/package.json'));
const TUS_VERSION = (require('tus-js-client/package.json') as { version: string }).version;
let tusBundle: StaticFile | undefined;

/** The URL carries the version, so a new tus-js-client gets a new URL and the old one may be cached for a year. */
const IMMUTABLE = 'public, max-age=31536000, immutable';

function sendHtml(ctx: Context, status: number, html: string, cacheControl: string) {
  ctx.status = status;
  ctx.type = 'text/html; charset=utf-8';
  ctx.set('Cache-Control', cacheControl);
  ctx.body = html;
}

/** The public pages outside /api: the submission form, its thank-you page, the legal pages and their assets. */
export const pagesController = (strapi: Core.Strapi) => ({
  async submissionForm(ctx: Context) {
    const choices = await loadFormChoices(strapi);
    const limits = formLimits(strapi);
    sendHtml(ctx, 200, submissionFormPage(site(strapi)).renderSubmissionForm(limits, choices, TUS_VERSION, referralSourceOf(ctx.query.quelle)), 'no-cache');
  },

  thankYou(ctx: Context) {
    const reference = typeof ctx.query.ref === 'string' ? ctx.query.ref : '';
    if (!REFERENCE_PATTERN.test(reference)) return sendHtml(ctx, 400, renderUnknownReference(site(strapi)), 'no-store');
    sendHtml(ctx, 200, renderThankYou(site(strapi), reference, formLimits(strapi).officeEmail), 'no-store');
  },

  places(ctx: Context) {
    site(strapi).sendStaticFile(ctx, placesFile(site(strapi)), 'public, max-age=86400');
  },

  tusClient(ctx: Context) {
    const { loadStaticFile, sendStaticFile } = site(strapi);
    tusBundle ??= loadStaticFile(path.join(tusPackageDir, 'dist', 'tus.min.js'), 'text/javascript; charset=utf-8');
    sendStaticFile(ctx, tusBundle, IMMUTABLE);
  },

  legalPage(page: LegalPath) {
    return async (ctx: Context) => {
      const html = await renderLegalPage(strapi, page);
      if (html === null) return sendHtml(ctx, 404, renderMissingLegalPage(site(strapi), page), 'no-store');
      sendHtml(ctx, 200, html, 'public, max-age=60');
    };
  },
});
