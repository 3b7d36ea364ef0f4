import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import { isEditorRequest } from './editor-auth';
import { checkMediaLink } from './links';
import { mediaStorage } from './media-storage';
import { isMediaFileName } from './storage';

/**
 * GET /media/private/:name — a private file for a logged-in editor (bearer token) or the holder of a valid signed
 * link. Anyone else gets 401, whether the file exists or not; a changed or expired link says so. The answer is
 * never cached and cannot run as a page (an SVG or HTML upload stays inert).
 *
 * With S3 the bytes stream from the private bucket through this route, after the same check. A redirect to a
 * presigned URL would hand out a bearer link to the bucket that outlives the check and any later withdrawal for
 * its whole validity; streaming keeps the bucket unreachable from outside.
 */

const refuse = (ctx: Context, status: number, message: string) => {
  ctx.status = status;
  ctx.set('Cache-Control', 'no-store');
  ctx.body = { error: { status, message } };
};

const MESSAGES = {
  missing: 'Diese Datei ist nicht öffentlich. / This file is not public.',
  invalid: 'Der Link zu dieser Datei ist ungültig. / The link to this file is invalid.',
  expired: 'Der Link zu dieser Datei ist abgelaufen. / The link to this file has expired.',
  notFound: 'Diese Datei gibt es nicht. / This file does not exist.',
};

export const privateMediaController = (strapi: Core.Strapi) => ({
  async file(ctx: Context) {
    const name = String(ctx.params.name ?? '');
    const link = checkMediaLink(strapi, name, ctx.query as Record<string, unknown>);
    if (link !== 'valid' && !(await isEditorRequest(strapi, ctx.get('authorization')))) {
      return refuse(ctx, 401, MESSAGES[link]);
    }
    if (!isMediaFileName(name)) return refuse(ctx, 404, MESSAGES.notFound);
    const file = await mediaStorage(strapi).read(name, 'private');
    if (!file) return refuse(ctx, 404, MESSAGES.notFound);
    ctx.set('Cache-Control', 'private, no-store');
    ctx.set('X-Content-Type-Options', 'nosniff');
    ctx.set('Content-Security-Policy', "default-src 'none'; img-src 'self'; media-src 'self'; style-src 'unsafe-inline'; sandbox");
    ctx.set('Referrer-Policy', 'no-referrer');
    ctx.type = name.slice(name.lastIndexOf('.')) || 'application/octet-stream';
    ctx.length = file.size;
    ctx.body = file.body;
  },
});
