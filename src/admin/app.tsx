/**
 * The admin panel offers German beside English and starts in German: the office works in German. Anyone can still
 * switch to English on the login page or in their profile.
 */
const LANGUAGE_KEY = 'strapi-admin-language';

export default {
  config: {
    locales: ['de'],
    tutorials: false,
    notifications: { releases: false },
  },
  bootstrap() {
    if (!window.localStorage.getItem(LANGUAGE_KEY)) window.localStorage.setItem(LANGUAGE_KEY, 'de');
  },
};
