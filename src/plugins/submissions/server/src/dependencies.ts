import type { Core } from '@strapi/strapi';
import type { BackgroundService, LeaseQueueService, MetricsService, PublicRoutesService, ReadinessService, RequestsService } from '../../../../shared/operations';
import type { PublicApiRegistrations } from '../../../../shared/public-api';
import type { FrontService, MediaService, SiteService, VisibilityService } from '../../../../shared/story-services';

/**
 * The services this plugin uses of the stories and the operations plugin — the only way it reaches them. Strapi
 * types every service as `any`; these say what each one offers (src/shared/story-services.ts, public-api.ts and operations.ts).
 */
export const site = (strapi: Core.Strapi): SiteService => strapi.plugin('stories').service('site');
export const media = (strapi: Core.Strapi): MediaService => strapi.plugin('stories').service('media');
export const visibility = (strapi: Core.Strapi): VisibilityService => strapi.plugin('stories').service('visibility');
export const front = (strapi: Core.Strapi): FrontService => strapi.plugin('stories').service('front');
export const publicApi = (strapi: Core.Strapi): PublicApiRegistrations => strapi.plugin('stories').service('public-api');

export const requests = (strapi: Core.Strapi): RequestsService => strapi.plugin('operations').service('requests');
export const background = (strapi: Core.Strapi): BackgroundService => strapi.plugin('operations').service('background');
export const leaseQueue = (strapi: Core.Strapi): LeaseQueueService => strapi.plugin('operations').service('lease-queue');
export const publicRoutes = (strapi: Core.Strapi): PublicRoutesService => strapi.plugin('operations').service('public-routes');
export const readiness = (strapi: Core.Strapi): ReadinessService => strapi.plugin('operations').service('readiness');
export const metrics = (strapi: Core.Strapi): MetricsService => strapi.plugin('operations').service('metrics');
