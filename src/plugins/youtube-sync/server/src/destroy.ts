import type { Core } from '@strapi/strapi';
import { reconcileSchedules, workers } from './bootstrap';

export default async ({ strapi }: { strapi: Core.Strapi }) => {
  await workers.get(strapi)?.stop();
  workers.delete(strapi);
  await reconcileSchedules.get(strapi)?.stop();
  reconcileSchedules.delete(strapi);
};
