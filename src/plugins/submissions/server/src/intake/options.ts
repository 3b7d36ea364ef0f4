import type { Core } from '@strapi/strapi';
import { TUS_RESUMABLE } from '@tus/server';
import { CAPTION_FORMATS, IMAGE_FORMATS, MAX_CAPTION_BYTES, videoMimeTypes } from './formats';
import { HONEYPOT_FIELD } from './abuse';
import { LIMITS } from './messages';
import { CAPTION_LANGUAGES, CREDIT_CHOICES } from '../../../../../shared/submission-form';
import { STORY_KINDS } from './schema';
import type { SubmissionSettings } from './settings';
import { UPLOAD_PATH } from './tus-server';
import { UPLOAD_EXPIRY_MS } from './upload-store';

/**
 * GET /api/v1/submissions/options: what a form needs to say up front — formats and sizes, where large videos go,
 * the text limits, the credit choices and the consent text version. Never the partner secret, only whether one
 * is configured.
 */
export function submissionOptions(settings: SubmissionSettings, multipartMaxBytes: number) {
  return {
    data: {
      video: {
        formats: settings.videoFormats,
        mimeTypes: videoMimeTypes(settings.videoFormats),
        maxBytes: settings.maxVideoBytes,
        multipartMaxBytes: Math.min(settings.maxVideoBytes, multipartMaxBytes),
        resumableUpload: { protocol: 'tus', version: TUS_RESUMABLE, endpoint: UPLOAD_PATH, expiresAfterHours: UPLOAD_EXPIRY_MS / 3600000 },
      },
      cover: {
        formats: Object.keys(IMAGE_FORMATS),
        mimeTypes: Object.values(IMAGE_FORMATS).flat(),
        maxBytes: settings.maxImageBytes,
      },
      captions: { formats: Object.keys(CAPTION_FORMATS), maxBytes: MAX_CAPTION_BYTES, languages: CAPTION_LANGUAGES },
      limits: {
        title: { min: LIMITS.titleMin, max: LIMITS.titleMax },
        story: { min: LIMITS.storyMin, max: LIMITS.storyMax },
        name: { max: LIMITS.nameMax },
        phone: { max: LIMITS.phoneMax },
        organisation: { max: LIMITS.organisationMax },
        themes: { max: LIMITS.themesMax },
        people: { max: LIMITS.peopleMax },
      },
      credits: CREDIT_CHOICES,
      kinds: STORY_KINDS,
      consentTextVersion: settings.consentTextVersion,
      honeypotField: HONEYPOT_FIELD,
      rateLimitPerHour: settings.rateLimitPerHour,
      partnerSecret: { header: 'X-Submission-Secret', configured: settings.partnerSecret !== null },
    },
  };
}

/** formidable's default, unless config/middlewares.ts gives strapi::body another maxFileSize. */
const FORMIDABLE_DEFAULT_BYTES = 200 * 1024 * 1024;

/** The largest multipart body strapi::body accepts: larger videos must come as resumable uploads. */
export function multipartMaxBytes(strapi: Core.Strapi): number {
  const middlewares = (strapi.config.get('middlewares') ?? []) as unknown[];
  const body = middlewares.find((m) => typeof m === 'object' && m !== null && (m as { name?: string }).name === 'strapi::body') as
    | { config?: { formidable?: { maxFileSize?: number } } }
    | undefined;
  return body?.config?.formidable?.maxFileSize ?? FORMIDABLE_DEFAULT_BYTES;
}
