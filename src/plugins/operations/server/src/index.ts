import type { Core } from '@strapi/strapi';
import contentTypes from './content-types';
import services from './services';
import { backgroundWork } from './background/registry';
import { startOperations, stopOperations } from './lifecycle';
import { ensureUniqueIndexes } from './unique-indexes';

type Params = { strapi: Core.Strapi };

/** Runs after the plugins that register background work and public routes (config/plugins.ts lists it last). */
export default {
  contentTypes,
  services,
  async bootstrap({ strapi }: Params) {
    await ensureUniqueIndexes(strapi, [['plugin::operations.scheduled-run', 'name']]);
    startOperations(strapi, () => backgroundWork(strapi));
  },
  destroy({ strapi }: Params) {
    stopOperations(strapi);
  },
};
