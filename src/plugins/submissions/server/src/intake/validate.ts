import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { checkCaptions, checkCover, checkVideo, type CheckedFile, type FileCheck } from './file-checks';
import { MESSAGES as M } from './messages';
import { resolveReferences, type Reference, type References } from './references';
import { looseSubmission, parseSubmission, type FieldError, type LooseFields, type SubmissionInput } from './schema';
import type { SubmissionSettings } from './settings';
import type { ResumableUploadStore } from './upload-store';

/**
 * Everything a submission is checked for before anything is stored: its fields, the region, themes and project it
 * names, and its files' real types and sizes. All problems come back in one answer: 400 with `details.errors`
 * (`{ path, message }` each), or 413 when a file is too large.
 */

export interface ValidSubmission {
  input: SubmissionInput;
  references: References & { region: Reference };
  files: CheckedFile[];
  /** The finished resumable upload the video came from, removed once the story is saved. */
  uploadId?: string;
}

async function checkFiles(loose: LooseFields, settings: SubmissionSettings, store: ResumableUploadStore): Promise<FileCheck[]> {
  const checks: Promise<FileCheck>[] = [];
  if (loose.video) checks.push(checkVideo('video', loose.video, settings.maxVideoBytes, settings.videoFormats));
  if (loose.videoUpload) {
    checks.push(
      store.finished(loose.videoUpload).then((upload) => {
        if (upload === 'unknown') return { error: { path: ['videoUpload'], message: M.videoUploadUnknown } };
        if (upload === 'incomplete') return { error: { path: ['videoUpload'], message: M.videoUploadIncomplete } };
        return checkVideo('videoUpload', upload, settings.maxVideoBytes, settings.videoFormats);
      })
    );
  }
  if (loose.cover) checks.push(checkCover(loose.cover, settings.maxImageBytes));
  if (loose.captions) checks.push(checkCaptions(loose.captions));
  return Promise.all(checks);
}

export async function validateSubmission(
  strapi: Core.Strapi,
  raw: Record<string, unknown>,
  settings: SubmissionSettings,
  store: ResumableUploadStore
): Promise<ValidSubmission> {
  const parsed = parseSubmission(raw);
  const loose = looseSubmission(raw);
  const [references, fileChecks] = await Promise.all([resolveReferences(strapi, loose), checkFiles(loose, settings, store)]);
  const problems: FieldError[] = [
    ...(parsed.ok ? [] : parsed.errors),
    ...references.errors,
    ...fileChecks.flatMap((c) => (c.error ? [c.error] : [])),
  ];
  if (problems.length || !parsed.ok || !references.region) {
    const details = { errors: problems.map((p) => ({ ...p, name: 'ValidationError' })) };
    if (fileChecks.some((c) => c.tooLarge)) throw new errors.PayloadTooLargeError(M.tooLarge, details);
    throw new errors.ValidationError(M.invalid, details);
  }
  return {
    input: parsed.input,
    references: { ...references, region: references.region },
    files: fileChecks.flatMap((c) => (c.file ? [c.file] : [])),
    uploadId: parsed.input.videoUpload,
  };
}
