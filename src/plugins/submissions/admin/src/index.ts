import { ListSearch } from '@strapi/icons';
import type { ContentManagerPlugin } from '@strapi/content-manager/strapi-admin';
import type { StrapiApp } from '@strapi/strapi/admin';
import { ACTIONS, permission } from '../../../../shared/admin';
import { ReviewSidePanel } from './components/ReviewSidePanel';
import { PLUGIN_ID } from './plugin-id';
import { loadTranslations, message } from './translate';

/** The plugin's admin: the Einreichungen page in the main menu and the Redaktion panel beside a story. */
export default {
  register(app: StrapiApp) {
    app.addMenuLink({
      to: `plugins/${PLUGIN_ID}`,
      icon: ListSearch,
      intlLabel: message('review.menu'),
      permissions: [permission(ACTIONS.review)],
      Component: () => import('./pages/ReviewPage'),
    });
    app.registerPlugin({ id: PLUGIN_ID, name: PLUGIN_ID });
  },

  bootstrap(app: Pick<StrapiApp, 'getPlugin'>) {
    const contentManager = app.getPlugin('content-manager').apis as ContentManagerPlugin['config']['apis'];
    contentManager.addEditViewSidePanel([ReviewSidePanel]);
  },

  registerTrads({ locales }: { locales: string[] }) {
    return loadTranslations(locales);
  },
};
