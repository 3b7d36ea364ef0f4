import type { Core } from '@strapi/strapi';
import type { FrontService } from '../../../../../shared/story-services';
import { preparePublicHeaders } from '../public-api/koa-response';
import { runtimeOf } from '../public-api/runtime';

/** The public API's headers and rate limits, for the other APIs at /api/v1 (the submissions'). */
export default ({ strapi }: { strapi: Core.Strapi }): FrontService => ({
  preparePublicHeaders: (ctx) => preparePublicHeaders(ctx, runtimeOf(strapi).settings.corsOrigins),
  corsOrigins: () => runtimeOf(strapi).settings.corsOrigins,
  consume: (client, points, windowSeconds) => runtimeOf(strapi).limits.consume(client, points, windowSeconds),
});
