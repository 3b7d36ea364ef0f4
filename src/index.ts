import type { Core } from '@strapi/strapi';
import { environment } from './environment';
import { registerStoryRules } from './api/story/story-rules';
import { registerSlugGeneration } from './slugs';
import { seedReferenceData } from './seed/reference-data';
import { closePublicRole } from './seed/public-permissions';
import { ensureAdminAccount } from './seed/admin-account';
import { applyGermanAdminLabels } from './seed/admin-labels';
import { seedLegalPages } from './seed/legal-pages';
import { grantEditorDefaults } from './seed/editor-permissions';
import { releaseStartUpLock, takeStartUpLock } from './start-up-lock';

export default {
  async register({ strapi }: { strapi: Core.Strapi }) {
    await takeStartUpLock(strapi);
    registerSlugGeneration(strapi);
    registerStoryRules(strapi);
  },

  async bootstrap({ strapi }: { strapi: Core.Strapi }) {
    if (environment().SEED_REFERENCE_DATA) await seedReferenceData(strapi);
    await seedLegalPages(strapi);
    await closePublicRole(strapi);
    await applyGermanAdminLabels(strapi);
    await grantEditorDefaults(strapi);
    await ensureAdminAccount(strapi);
    await releaseStartUpLock(strapi);
  },
};
