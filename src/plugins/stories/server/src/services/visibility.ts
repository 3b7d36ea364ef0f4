import type { Core } from '@strapi/strapi';
import type { VisibilityService } from '../../../../../shared/story-services';
import { applyConsentChange } from '../public-api/hooks';
import { runtimeOf } from '../public-api/runtime';

/** Whether the public sees a story, and consent changes made below the Document Service. */
export default ({ strapi }: { strapi: Core.Strapi }): VisibilityService => ({
  isVisible: (documentId) => runtimeOf(strapi).queries.isVisible(documentId),
  consentChanged: (documentId, change) => applyConsentChange(strapi, documentId, change),
});
