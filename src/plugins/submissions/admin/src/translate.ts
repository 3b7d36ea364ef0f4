import { createTranslations } from '../../../../shared/admin';
import { PLUGIN_ID } from './plugin-id';
import de from './translations/de.json';

/** Every key of de.json; using a key that is not there is a type error. */
export type MessageKey = keyof typeof de;

export const { message, useT, loadTranslations } = createTranslations(PLUGIN_ID, de, (locale) => import(`./translations/${locale}.json`));
