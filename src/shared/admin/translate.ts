import * as React from 'react';
import { useIntl } from 'react-intl';

type Values = Record<string, string | number>;
type Catalogue = Record<string, string>;

/**
 * One plugin's texts: `german` is its translations/de.json (its keys are the type of every key, so using a key that
 * is not there is a type error, and German is the fallback text); `load` imports translations/<locale>.json from the
 * plugin's own folder. Ids are prefixed with the plugin id, as Strapi expects of a plugin's translations.
 */
export function createTranslations<Messages extends Catalogue>(pluginId: string, german: Messages, load: (locale: string) => Promise<{ default: Catalogue }>) {
  type Key = keyof Messages & string;

  /** An intl descriptor for APIs that take one (menu and settings links). */
  const message = (key: Key) => ({ id: `${pluginId}.${key}`, defaultMessage: german[key] });

  /** `t('dashboard.title')`: the active language's text, German when a translation is missing. */
  function useT() {
    const { formatMessage } = useIntl();
    return React.useCallback((key: Key, values?: Values) => formatMessage(message(key), values), [formatMessage]);
  }

  /** Strapi's `registerTrads`: the plugin's translations per locale, keys prefixed with the plugin id. */
  async function loadTranslations(locales: string[]) {
    return Promise.all(
      locales.map(async (locale) => {
        try {
          const { default: data } = await load(locale);
          return { data: Object.fromEntries(Object.entries(data).map(([key, text]) => [`${pluginId}.${key}`, text])), locale };
        } catch {
          return { data: {}, locale };
        }
      })
    );
  }

  return { message, useT, loadTranslations };
}
