import * as React from 'react';
import { useIntl } from 'react-intl';
import { PLUGIN_ID } from './plugin-id';
import de from './translations/de.json';

/** Every key of de.json; using a key that is not there is a type error. */
export type MessageKey = keyof typeof de;
type Values = Record<string, string | number>;

const translationId = (key: MessageKey) => `${PLUGIN_ID}.${key}`;

/** An intl descriptor for APIs that take one (menu and settings links); German is the fallback text. */
export const message = (key: MessageKey) => ({ id: translationId(key), defaultMessage: de[key] });

/** `t('dashboard.title')`: the active language's text, German when a translation is missing. */
export function useT() {
  const { formatMessage } = useIntl();
  return React.useCallback((key: MessageKey, values?: Values) => formatMessage(message(key), values), [formatMessage]);
}

/** Strapi's loader for the plugin's translations, keys prefixed with the plugin id. */
export async function loadTranslations(locales: string[]) {
  return Promise.all(
    locales.map(async (locale) => {
      try {
        const { default: data } = (await import(`./translations/${locale}.json`)) as { default: Record<string, string> };
        return { data: Object.fromEntries(Object.entries(data).map(([key, text]) => [`${PLUGIN_ID}.${key}`, text])), locale };
      } catch {
        return { data: {}, locale };
      }
    })
  );
}
