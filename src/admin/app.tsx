import type { StrapiApp } from '@strapi/strapi/admin';

/** The editors work in German; English stays available in each user's profile. */
export default {
  config: {
    locales: ['de'],
    tutorials: false,
    notifications: { releases: false },
  },
  bootstrap(_app: StrapiApp) {},
};
