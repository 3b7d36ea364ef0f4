import type { Core } from '@strapi/strapi';
import { workers } from './bootstrap';

export default async ({ strapi }: { strapi: Core.Strapi }) => {
  await workers.get(strapi)?.stop();
  workers.delete(strapi);
};
