import type { Core } from '@strapi/strapi';
import type { DistrictsService } from '../../../../../shared/districts';
import { districtOutlines } from '../districts/outlines';

/** Lower Saxony's district outlines, for the reports' map. */
export default ({ strapi }: { strapi: Core.Strapi }): DistrictsService => ({
  outlines: () => districtOutlines(strapi.dirs.app.root),
});
