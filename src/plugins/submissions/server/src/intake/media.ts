import fs from 'fs/promises';
import path from 'path';
import type { Core } from '@strapi/strapi';
import { strings } from '@strapi/utils';
import type { CheckedFile, MediaField } from './file-checks';
import { media } from '../dependencies';

/**
 * Puts a submission's checked files into Strapi's media library through its upload service (so images get their
 * sizes and every file its row), named after the reference number — never after the name the file came with,
 * which may well be a person's name and would end up in a URL. The files go straight to private storage (a
 * submission is not public); publishing the story makes its cover and captions public. If anything fails, what was
 * added is removed again, including a half-written file.
 */

export interface MediaRow {
  id: number;
  name: string;
  url: string;
  provider: string;
  formats?: Record<string, unknown> | null;
}

export type SubmissionMedia = Partial<Record<MediaField, MediaRow>>;

const mediaName = (referenceNumber: string, file: CheckedFile) => `${referenceNumber}-${file.field}.${file.ext}`;

async function upload(strapi: Core.Strapi, referenceNumber: string, file: CheckedFile, alternativeText: string | null): Promise<MediaRow> {
  const name = mediaName(referenceNumber, file);
  const rows = (await media(strapi).uploadPrivately(() =>
    strapi
      .plugin('upload')
      .service('upload')
      .upload({
        data: { fileInfo: { name, alternativeText, caption: null } },
        files: { filepath: file.path, originalFilename: name, mimetype: file.mime, size: file.size },
      })
  )) as MediaRow[];
  return rows[0];
}

/** What the local provider names a file of this submission: `<slug of the name>_<random>`, formats prefixed. */
function localFileMarker(referenceNumber: string, field: MediaField) {
  return `${strings.nameToSlug(`${referenceNumber}-${field}`, { separator: '_', lowercase: false })}_`;
}

async function sweepLocalFiles(strapi: Core.Strapi, referenceNumber: string, fields: MediaField[]) {
  const folders = media(strapi).localDirectories();
  if (!folders) return;
  const markers = fields.map((field) => localFileMarker(referenceNumber, field));
  for (const folder of folders) {
    const names = await fs.readdir(folder).catch(() => [] as string[]);
    await Promise.all(names.filter((n) => markers.some((m) => n.includes(m))).map((n) => fs.rm(path.join(folder, n), { force: true })));
  }
}

export async function removeMedia(strapi: Core.Strapi, referenceNumber: string, media: SubmissionMedia, fields: MediaField[]) {
  const service = strapi.plugin('upload').service('upload');
  for (const row of Object.values(media)) {
    await service
      .remove(row)
      .catch((error: Error) => strapi.log.error(`Submission ${referenceNumber}: could not remove media file ${row.id}: ${error.message}`));
  }
  await sweepLocalFiles(strapi, referenceNumber, fields).catch((error: Error) =>
    strapi.log.error(`Submission ${referenceNumber}: could not clear its files from storage: ${error.message}`)
  );
}

/** Uploads one file after the other; on a failure removes the ones already added and throws. */
export async function addMedia(strapi: Core.Strapi, referenceNumber: string, files: CheckedFile[], title: string): Promise<SubmissionMedia> {
  const media: SubmissionMedia = {};
  try {
    for (const file of files) {
      media[file.field] = await upload(strapi, referenceNumber, file, file.field === 'cover' ? title : null);
    }
    return media;
  } catch (error) {
    await removeMedia(
      strapi,
      referenceNumber,
      media,
      files.map((f) => f.field)
    );
    throw error;
  }
}
