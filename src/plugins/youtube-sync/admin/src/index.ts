import { Play } from '@strapi/icons';
import type { ContentManagerPlugin } from '@strapi/content-manager/strapi-admin';
import type { StrapiApp } from '@strapi/strapi/admin';
import { ACTIONS, permission } from '../../../../shared/admin';
import { addYouTubeColumn } from './components/list-column';
import { StorySidePanel } from './components/StorySidePanel';
import { PLUGIN_ID } from './plugin-id';
import { loadTranslations, message } from './translate';

/**
 * The plugin's admin: the YouTube page (dashboard) in the main menu, two settings pages (channel connection; texts &
 * playlists), the YouTube panel beside a story and a badge column in the story list.
 */
export default {
  register(app: StrapiApp) {
    app.addMenuLink({
      to: `plugins/${PLUGIN_ID}`,
      icon: Play,
      intlLabel: message('plugin.name'),
      permissions: [permission(ACTIONS.read)],
      Component: () => import('./pages/DashboardPage'),
    });
    app.createSettingSection({ id: PLUGIN_ID, intlLabel: message('settings.section') }, [
      {
        id: `${PLUGIN_ID}-connection`,
        intlLabel: message('settings.connection.link'),
        to: `${PLUGIN_ID}/connection`,
        permissions: [permission(ACTIONS.settings)],
        Component: () => import('./pages/ConnectionPage'),
      },
      {
        id: `${PLUGIN_ID}-texts`,
        intlLabel: message('settings.texts.link'),
        to: `${PLUGIN_ID}/texts`,
        permissions: [permission(ACTIONS.settings)],
        Component: () => import('./pages/SettingsPage'),
      },
    ]);
    app.registerPlugin({ id: PLUGIN_ID, name: PLUGIN_ID });
  },

  bootstrap(app: Pick<StrapiApp, 'getPlugin' | 'registerHook'>) {
    const contentManager = app.getPlugin('content-manager').apis as ContentManagerPlugin['config']['apis'];
    contentManager.addEditViewSidePanel([StorySidePanel]);
    app.registerHook('Admin/CM/pages/ListView/inject-column-in-table', addYouTubeColumn);
  },

  registerTrads({ locales }: { locales: string[] }) {
    return loadTranslations(locales);
  },
};
