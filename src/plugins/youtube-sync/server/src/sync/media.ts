import path from 'path';
import sharp from 'sharp';
import type { Core } from '@strapi/strapi';
import type { MediaFile } from './load-story';
import { media } from '../dependencies';

const TWO_MB = 2 * 1024 * 1024;

/** The story's video (or another media file) cannot be read from disk: an editor has to upload it again. */
export class MediaFileMissingError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'MediaFileMissingError';
  }
}

/** Where a media library file's bytes are on this machine: on the local disk, or downloaded from the bucket. */
export async function localPath(strapi: Core.Strapi, file: MediaFile): Promise<string> {
  const full = await media(strapi).fileOnDisk(file.url);
  if (!full) throw new MediaFileMissingError(`media file ${file.url} is missing on disk or in its bucket, public or private`);
  return full;
}

/** YouTube thumbnails: 1280×720 JPEG under 2 MB, cropped to fill, from the story's cover image. */
export async function thumbnailJpeg(source: string): Promise<Buffer> {
  for (const quality of [88, 80, 70, 60, 50]) {
    const jpeg = await sharp(source).rotate().resize(1280, 720, { fit: 'cover', position: 'attention' }).jpeg({ quality, mozjpeg: true }).toBuffer();
    if (jpeg.length < TWO_MB) return jpeg;
  }
  throw new Error(`the cover image ${path.basename(source)} cannot be made into a thumbnail under 2 MB`);
}
