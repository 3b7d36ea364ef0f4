import type { Core } from '@strapi/strapi';
import { exportLoops, reconcileSchedules, workers } from './bootstrap';
import { stopPublicApi } from './public-api/lifecycle';
import { stopRetention } from './review/retention';
import { stopSubmissions } from './submissions/lifecycle';
import { stopOperations } from './operations/lifecycle';

export default async ({ strapi }: { strapi: Core.Strapi }) => {
  stopOperations(strapi);
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
