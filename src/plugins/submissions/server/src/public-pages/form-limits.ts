import type { Core } from '@strapi/strapi';
import { multipartMaxBytes, submissionOptions } from '../intake/options';
import { submissionSettings } from '../intake/settings';
import { site } from '../dependencies';
import type { FormLimits } from './submission-form';

const dotted = (names: readonly string[]) => names.map((name) => `.${name}`);

/**
 * The limits the form shows up front and checks before sending: the answer of GET /api/v1/submissions/options,
 * taken from the same function, so the page and the API cannot disagree.
 */
export function formLimits(strapi: Core.Strapi): FormLimits {
  const settings = submissionSettings(strapi);
  const { data } = submissionOptions(settings, multipartMaxBytes(strapi));
  return {
    video: { extensions: dotted(data.video.formats), mimeTypes: data.video.mimeTypes, maxBytes: data.video.maxBytes },
    image: { extensions: dotted(data.cover.formats), mimeTypes: [...data.cover.mimeTypes], maxBytes: data.cover.maxBytes },
    captions: { extensions: dotted(data.captions.formats), maxBytes: data.captions.maxBytes },
    consentTextVersion: data.consentTextVersion,
    credit: [...data.credits],
    honeypotField: data.honeypotField,
    officeEmail: settings.officeEmail ?? site(strapi).officeEmail,
  };
}
