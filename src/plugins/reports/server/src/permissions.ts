import type { Core } from '@strapi/strapi';

/** The office's admin permission for reports (ACTIONS.reports in src/shared/permissions.ts). */
export async function registerPermissions(strapi: Core.Strapi) {
  await strapi.service('admin::permission').actionProvider.registerMany([
    { section: 'plugins', pluginName: 'reports', uid: 'read', displayName: 'Berichte ansehen und herunterladen' },
  ]);
}
