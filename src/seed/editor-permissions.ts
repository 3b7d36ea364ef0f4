import type { Core } from '@strapi/strapi';
import { ACTIONS } from '../plugins/youtube-sync/server/src/permissions';
import { LEGAL_PATHS } from '../shared/legal-pages';

/** Raise when the list below grows, so that installations made earlier grant the new entries once. */
const GRANTS_VERSION = 1;

/** The plugin pages the editorial team works in; connecting the channel ("settings") stays with administrators. */
const PLUGIN_ACTIONS = [ACTIONS.read, ACTIONS.sync, ACTIONS.reports, ACTIONS.review];
const CONTENT_ACTIONS = ['create', 'read', 'update'].map((action) => `plugin::content-manager.explorer.${action}`);

interface PermissionRow {
  action: string;
  subject: string | null;
  properties: { fields?: string[] };
  conditions: string[];
  role: number;
}

/**
 * Strapi gives its "Editor" role the content types that exist when the database is first created, and no plugin
 * page at all. The editorial team needs the review queue, the YouTube overview and the reports, and the office
 * edits the legal pages: those grants are added once per GRANTS_VERSION (remembered in the core store), so a
 * permission an administrator later takes away in Settings → Roles stays taken away.
 */
export async function grantEditorDefaults(strapi: Core.Strapi) {
  const store = strapi.store({ type: 'core', name: 'zusammen-mehr' });
  if (Number(await store.get({ key: 'editor-grants-version' })) >= GRANTS_VERSION) return;
  const editor = await strapi.db.query('admin::role').findOne({ where: { code: 'strapi-editor' } });
  if (!editor) return;
  const wanted: PermissionRow[] = [
    ...PLUGIN_ACTIONS.map((action) => ({ action, subject: null, properties: {}, conditions: [], role: editor.id })),
    ...LEGAL_PATHS.flatMap(({ uid }) => {
      const fields = Object.keys(strapi.contentType(uid as never).attributes);
      return CONTENT_ACTIONS.map((action) => ({ action, subject: uid, properties: { fields }, conditions: [], role: editor.id }));
    }),
  ];
  const missing: PermissionRow[] = [];
  for (const permission of wanted) {
    const found = await strapi.db.query('admin::permission').findOne({
      where: { action: permission.action, subject: permission.subject, role: editor.id },
    });
    if (!found) missing.push(permission);
  }
  if (missing.length) await strapi.service('admin::permission').createMany(missing);
  await store.set({ key: 'editor-grants-version', value: GRANTS_VERSION });
}
