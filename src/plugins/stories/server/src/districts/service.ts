import type { Core } from '@strapi/strapi';
import type { DistrictsService } from '../../../../../shared/districts';
import { districtOutlines } from './outlines';

export default ({ strapi }: { strapi: Core.Strapi }): DistrictsService => ({
  outlines: () => districtOutlines(strapi.dirs.app.root),
});
