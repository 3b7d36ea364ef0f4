import type { Core } from '@strapi/strapi';

/** The editorial review's admin permission (ACTIONS.review in src/shared/permissions.ts); Settings → Roles lists it. */
export async function registerPermissions(strapi: Core.Strapi) {
  await strapi.service('admin::permission').actionProvider.registerMany([
    {
      section: 'plugins',
      pluginName: 'submissions',
      uid: 'review',
      displayName: 'Einreichungen prüfen, freigeben, ablehnen, Widerrufe erfassen und gemeldete Inhalte bearbeiten',
    },
  ]);
}
