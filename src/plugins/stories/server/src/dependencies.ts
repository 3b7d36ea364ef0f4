import type { Core } from '@strapi/strapi';
import type { BackgroundService, EndpointsService, MetricsService, ReadinessService, RequestsService } from '../../../../shared/operations';

/**
 * The services the stories use of the operations plugin — the only way they reach it. Strapi types every service as
 * `any`; these say what each one offers (src/shared/operations.ts).
 */
export const background = (strapi: Core.Strapi): BackgroundService => strapi.plugin('operations').service('background');
export const requests = (strapi: Core.Strapi): RequestsService => strapi.plugin('operations').service('requests');
export const endpoints = (strapi: Core.Strapi): EndpointsService => strapi.plugin('operations').service('endpoints');
export const readiness = (strapi: Core.Strapi): ReadinessService => strapi.plugin('operations').service('readiness');
export const metrics = (strapi: Core.Strapi): MetricsService => strapi.plugin('operations').service('metrics');
