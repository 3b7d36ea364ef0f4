import type { Core } from '@strapi/strapi';
import type { DistrictsService } from '../../../../shared/districts';
import type { LeaseQueueService, MetricsService } from '../../../../shared/operations';
import type { PdfFontsService } from '../../../../shared/pdf-fonts';
import type { SiteService } from '../../../../shared/story-services';

/**
 * The services the reports use of the stories, youtube-sync and operations plugins — the only way they reach them. Strapi types every service as
 * `any`; these say what each one offers (src/shared).
 */
export const site = (strapi: Core.Strapi): SiteService => strapi.plugin('stories').service('site');
export const districts = (strapi: Core.Strapi): DistrictsService => strapi.plugin('stories').service('districts');
export const pdfFonts = (strapi: Core.Strapi): PdfFontsService => strapi.plugin('stories').service('pdf-fonts');

export const leaseQueue = (strapi: Core.Strapi): LeaseQueueService => strapi.plugin('operations').service('lease-queue');
export const metrics = (strapi: Core.Strapi): MetricsService => strapi.plugin('operations').service('metrics');

/** The part of youtube-sync's `sync` service the reports use. */
export const youtubeSync = (strapi: Core.Strapi): { isWorker(): boolean } => strapi.plugin('youtube-sync').service('sync');
