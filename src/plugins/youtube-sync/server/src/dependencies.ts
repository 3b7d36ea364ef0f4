import type { Core } from '@strapi/strapi';
import { LEASE_LOST_ERROR, type BackgroundService, type LeaseQueueService, type MetricsService, type RequestsService } from '../../../../shared/operations';
import type { PublicApiRegistrations } from '../../../../shared/public-api';
import type { MediaService, SiteService } from '../../../../shared/story-services';

/**
 * The services the sync uses of the operations and the stories plugin — the only way it reaches them. Strapi types
 * every service as `any`; these say what each one offers (src/shared).
 */
export const background = (strapi: Core.Strapi): BackgroundService => strapi.plugin('operations').service('background');
export const leaseQueue = (strapi: Core.Strapi): LeaseQueueService => strapi.plugin('operations').service('lease-queue');
export const requests = (strapi: Core.Strapi): RequestsService => strapi.plugin('operations').service('requests');
export const metrics = (strapi: Core.Strapi): MetricsService => strapi.plugin('operations').service('metrics');
export const media = (strapi: Core.Strapi): MediaService => strapi.plugin('stories').service('media');
export const site = (strapi: Core.Strapi): SiteService => strapi.plugin('stories').service('site');
export const publicApi = (strapi: Core.Strapi): PublicApiRegistrations => strapi.plugin('stories').service('public-api');

/** Whether an error is the lease-queue's "another worker took this job over", for code without a strapi at hand. */
export const isLeaseLost = (error: unknown): boolean => error instanceof Error && error.name === LEASE_LOST_ERROR;
