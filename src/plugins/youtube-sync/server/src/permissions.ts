import type { Core } from '@strapi/strapi';

export { ACTIONS } from '../../../../shared/permissions';

/**
 * The plugin's admin permissions, in one list so that each feature adds its own entry: Strapi's RBAC registers
 * them (Settings → Roles shows them under "Plugins"), every admin route checks one of them with
 * `admin::hasPermissions`, and the admin panel asks for the same ids (ACTIONS, shared/permissions.ts).
 */
const action = (uid: string, displayName: string) => ({ section: 'plugins', pluginName: 'youtube-sync', uid, displayName });

export const PERMISSION_ACTIONS = [
  action('read', 'YouTube-Übersicht und Status der Geschichten ansehen'),
  action('sync', 'Synchronisieren: jetzt, erneut versuchen, alles neu'),
  action('settings', 'Kanal verbinden und YouTube-Einstellungen ändern'),
];

export async function registerPermissions(strapi: Core.Strapi) {
  await strapi.service('admin::permission').actionProvider.registerMany(PERMISSION_ACTIONS);
}
