import type { Core } from '@strapi/strapi';
import type { SiteService } from '../../../../../shared/story-services';
import { absoluteUrl, blocksToHtml, blocksToText, parseBlocks } from '../public-api/blocks';
import { runtimeOf } from '../public-api/runtime';
import { escapeHtml, OFFICE_EMAIL, renderPage } from '../site/layout';
import { loadStaticFile, sendStaticFile } from '../site/static-file';
import { LANGUAGE_NAMES } from '../story-pages/format';

/** The public site's page shell, escaping, rich text and static files, for the pages of other plugins. */
export default ({ strapi }: { strapi: Core.Strapi }): SiteService => {
  const publicUrl = () => runtimeOf(strapi).settings.publicUrl;
  return {
    officeEmail: OFFICE_EMAIL,
    languageNames: LANGUAGE_NAMES,
    escapeHtml,
    renderPage,
    publicUrl,
    blocksToHtml: (body) => blocksToHtml(parseBlocks(body), publicUrl()),
    blocksToText: (body) => blocksToText(parseBlocks(body)),
    absoluteUrl: (url) => absoluteUrl(url, publicUrl()),
    loadStaticFile,
    sendStaticFile,
  };
};
