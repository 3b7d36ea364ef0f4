import type { Core } from '@strapi/strapi';
import config from './config';
import { registerWithOperations } from './operations';
import contentTypes from './content-types';
import routes from './routes';
import publicApiActions from './public-api/api-actions';
import publicApi from './public-api/service';
import { registerPublicApiHooks, startPublicApi, stopPublicApi } from './public-api/lifecycle';
import { extendUploadProvider } from './media-privacy/provider';
import { movesSettled, registerMediaPrivacyMiddleware } from './media-privacy/hooks';
import { startMediaPrivacy } from './media-privacy/lifecycle';
import { privateMediaRouter } from './media-privacy/routes';
import { registerCoverVariantHooks, startCoverVariants } from './cover-variants/lifecycle';
import { storyPagesRouter } from './story-pages/routes';
import { embedRouter } from './embed/routes';
import { partnerKitRouter } from './partner-kit/routes';
import site from './services/site';
import media from './services/media';
import visibility from './services/visibility';
import front from './services/front';
import pdfFonts from './services/pdf-fonts';
import districts from './services/districts';

type Params = { strapi: Core.Strapi };

/** The stories' public face: the v1 API and feeds, story pages, the embed page and widget, the partner kit, media privacy. */
export default {
  config,
  contentTypes,
  routes,
  controllers: { 'public-api': publicApiActions },
  services: {
    'public-api': publicApi,
    site,
    media,
    visibility,
    front,
    'pdf-fonts': pdfFonts,
    districts,
  },
  register({ strapi }: Params) {
    registerPublicApiHooks(strapi);
    registerMediaPrivacyMiddleware(strapi);
    extendUploadProvider(strapi);
    strapi.plugin('operations').service('public-routes').mount([storyPagesRouter, embedRouter, partnerKitRouter, privateMediaRouter]);
    registerWithOperations(strapi);
  },
  async bootstrap({ strapi }: Params) {
    await startPublicApi(strapi);
    await startMediaPrivacy(strapi);
    registerCoverVariantHooks(strapi);
    await startCoverVariants(strapi);
    // A move of a story's files finishes before the exit, so none is left with its file in both places.
    strapi.plugin('operations').service('background').register({ name: 'media moves', stopClaiming: () => undefined, stop: () => movesSettled(strapi) });
  },
  async destroy({ strapi }: Params) {
    await stopPublicApi(strapi);
  },
};
