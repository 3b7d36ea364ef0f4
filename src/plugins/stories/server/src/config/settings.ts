import type { Core } from '@strapi/strapi';
import type { StoriesConfig } from './index';

/** The stories' settings as Strapi loaded and validated them (config/index.ts). */
export const storiesConfig = (strapi: Core.Strapi): StoriesConfig => strapi.config.get('plugin::stories') as StoriesConfig;
