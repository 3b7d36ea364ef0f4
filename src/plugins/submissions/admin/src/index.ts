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
    // The editorial decision comes right after Strapi's own panels (they carry a `type`), before other plugins' panels
    // such as YouTube's, whatever order the plugins load in.
    contentManager.addEditViewSidePanel((panels) => {
      const firstOfPlugins = panels.findIndex((panel) => !('type' in panel && panel.type));
      const at = firstOfPlugins === -1 ? panels.length : firstOfPlugins;
      return [...panels.slice(0, at), ReviewSidePanel, ...panels.slice(at)];
    });
  },

  registerTrads({ locales }: { locales: string[] }) {
    return loadTranslations(locales);
  },
};
