import type { Core } from '@strapi/strapi';
import { front, requests } from '../dependencies';
import { admit, honeypotFilled, PARTNER_SECRET_HEADER, WrongPartnerSecret, type Caller, type SubmissionSource } from './abuse';
import { readSubmissionRequest, removeTemporaryFiles } from './http-input';
import { submissionRuntime } from './lifecycle';
import { MESSAGES as M } from './messages';
import { multipartMaxBytes, submissionOptions } from './options';
import { submissionSettings } from './settings';
import { honeypotReceipt, submitStory } from './submit';
import { claimUpload } from './tus-server';

type KoaContext = Parameters<Core.MiddlewareHandler>[0];

/**
 * The submission API (every field and answer is described in README.md, "Einreichungs-API", and in the OpenAPI document):
 * - GET  /api/v1/submissions/options → 200 { data: { video, cover, captions, limits, credits, … } }
 * - POST /api/v1/submissions (multipart/form-data or JSON) → 201 { referenceNumber, status: "submitted" };
 *   400/413 { error: { details: { errors: [{ path, message }] } } }, 401 wrong partner secret, 429 with Retry-After
 * - POST /api/v1/uploads, HEAD, PATCH and DELETE /api/v1/uploads/:id: resumable video uploads (tus 1.0.0); a start
 *   beyond the upload budget gets 429 (this address's day) or 503 (all pending uploads), both with Retry-After
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const preparePublicHeaders = (ctx: KoaContext) => front(strapi).preparePublicHeaders(ctx);
  const clientAddress = (ctx: KoaContext) => requests(strapi).clientAddress(ctx.req);
  const caller = (ctx: KoaContext): Caller => ({
    ip: clientAddress(ctx),
    secret: ctx.get(PARTNER_SECRET_HEADER) || undefined,
    setHeader: (name, value) => ctx.set(name, value),
  });

  /** The caller's source, or null when the answer (401) has been set. */
  const admitted = async (ctx: KoaContext, counter: 'submission' | 'upload'): Promise<SubmissionSource | null> => {
    try {
      return await admit(strapi, caller(ctx), counter);
    } catch (error) {
      if (!(error instanceof WrongPartnerSecret)) throw error;
      ctx.unauthorized(error.message);
      return null;
    }
  };

  return {
    async options(ctx: KoaContext) {
      preparePublicHeaders(ctx);
      ctx.body = submissionOptions(submissionSettings(strapi), multipartMaxBytes(strapi));
    },

    async create(ctx: KoaContext) {
      preparePublicHeaders(ctx);
      const request = readSubmissionRequest(ctx.request);
      try {
        const source = await admitted(ctx, 'submission');
        if (!source) return;
        const receipt = honeypotFilled(request.fields) ? honeypotReceipt(strapi, clientAddress(ctx)) : await submitStory(strapi, request.raw, source);
        ctx.status = 201;
        ctx.body = { referenceNumber: receipt.referenceNumber, status: 'submitted' };
      } finally {
        await removeTemporaryFiles(request.temporaryFiles);
      }
    },

    /** Hands the request to the tus server, which writes the answer itself (Koa must not respond as well). */
    async upload(ctx: KoaContext) {
      preparePublicHeaders(ctx);
      if (ctx.method === 'GET') {
        ctx.set('Allow', 'HEAD, PATCH');
        ctx.status = 405;
        ctx.body = { data: null, error: { status: 405, name: 'MethodNotAllowedError', message: M.uploadMethod, details: {} } };
        return;
      }
      // tus honours X-HTTP-Method-Override, so a PATCH that says POST creates an upload: admit what tus will do.
      if ((ctx.get('X-HTTP-Method-Override') || ctx.method).toUpperCase() === 'POST') {
        const source = await admitted(ctx, 'upload');
        if (!source) return;
        claimUpload(ctx.req, { address: clientAddress(ctx), partner: source === 'partner' });
      }
      // tus answers HEAD without setting a status, so Node would send Koa's initial 404 and clients restart at 0.
      ctx.status = 200;
      ctx.respond = false;
      await submissionRuntime(strapi).tus.handle(ctx.req, ctx.res);
    },
  };
};
