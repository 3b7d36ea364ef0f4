import type { Core } from '@strapi/strapi';
import { exportLoops, reconcileSchedules, workers } from './bootstrap';
import { stopPublicApi } from './public-api/lifecycle';
import { stopRetention } from './review/retention';
import { stopSubmissions } from './submissions/lifecycle';

export default async ({ strapi }: { strapi: Core.Strapi }) => {
  await workers.get(strapi)?.stop();
  workers.delete(strapi);
  await stopSubmissions(strapi);
  await stopPublicApi(strapi);
  await reconcileSchedules.get(strapi)?.stop();
  reconcileSchedules.delete(strapi);
  await exportLoops.get(strapi)?.stop();
  exportLoops.delete(strapi);
  await stopRetention(strapi);
};
