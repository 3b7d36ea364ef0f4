import { ChartPie } from '@strapi/icons';
import type { StrapiApp } from '@strapi/strapi/admin';
import { ACTIONS, permission } from '../../../../shared/admin';
import { PLUGIN_ID } from './plugin-id';
import { loadTranslations, message } from './translate';

/** The plugin's admin: the Berichte page in the main menu (figures, charts, the map and the downloads). */
export default {
  register(app: StrapiApp) {
    app.addMenuLink({
      to: `plugins/${PLUGIN_ID}`,
      icon: ChartPie,
      intlLabel: message('menu'),
      permissions: [permission(ACTIONS.reports)],
      Component: () => import('./pages/ReportsPage'),
    });
    app.registerPlugin({ id: PLUGIN_ID, name: PLUGIN_ID });
  },

  registerTrads({ locales }: { locales: string[] }) {
    return loadTranslations(locales);
  },
};
