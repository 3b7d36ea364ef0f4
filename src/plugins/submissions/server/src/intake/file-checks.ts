import fs from 'fs/promises';
import { fromFile } from 'file-type';
import {
  CAPTION_FORMATS,
  HEIC_TYPES,
  IMAGE_FORMATS,
  imageFormatOf,
  MAX_CAPTION_BYTES,
  videoFormatOf,
  type CaptionFormat,
  type VideoFormat,
} from './formats';
import { MESSAGES as M } from './messages';
import type { FieldError, UploadedFile } from './schema';

/**
 * What a file really is, read from its bytes with file-type (captions: from their text structure), and whether it
 * fits its field's size limit. A file named "video.mp4" that holds a PDF is refused, and so is a renamed HEIC.
 */

export type MediaField = 'video' | 'cover' | 'captions';

/** A checked file, ready for the media library. */
export interface CheckedFile {
  field: MediaField;
  path: string;
  size: number;
  mime: string;
  ext: string;
}

export interface FileCheck {
  file?: CheckedFile;
  error?: FieldError;
  /** The error is the file's size: the answer is 413 rather than 400. */
  tooLarge?: boolean;
}

const fail = (path: string, message: string, tooLarge = false): FileCheck => ({ error: { path: [path], message }, tooLarge });

const VTT_TIMING = /^(?:\d{2,}:)?\d{2}:\d{2}\.\d{3}[ \t]+-->[ \t]+(?:\d{2,}:)?\d{2}:\d{2}\.\d{3}/m;
const SRT_FIRST_CUE = /^\d+[ \t]*\n(?:\d{2,}:)?\d{2}:\d{2}[,.]\d{3}[ \t]+-->[ \t]+(?:\d{2,}:)?\d{2}:\d{2}[,.]\d{3}/;

/** WebVTT needs its "WEBVTT" signature and at least one cue; SubRip starts with a numbered cue and its timing. */
export function captionFormatOf(bytes: Buffer): CaptionFormat | undefined {
  if (bytes.includes(0)) return undefined;
  const text = bytes
    .toString('utf8')
    .replace(/^\uFEFF/, '')
    .replace(/\r\n?/g, '\n');
  if (/^WEBVTT(?:[ \t][^\n]*)?(?:\n|$)/.test(text)) return VTT_TIMING.test(text) ? 'vtt' : undefined;
  return SRT_FIRST_CUE.test(text.trimStart()) ? 'srt' : undefined;
}

export async function checkVideo(
  path: string,
  file: { path: string; size: number },
  maxBytes: number,
  allowed: readonly VideoFormat[]
): Promise<FileCheck> {
  if (file.size > maxBytes) return fail(path, M.videoSize(maxBytes), true);
  if (file.size === 0) return fail(path, M.videoEmpty);
  const type = await fromFile(file.path);
  const format = type && videoFormatOf(type.mime, allowed);
  if (!type || !format) return fail(path, M.videoType(allowed));
  return { file: { field: 'video', path: file.path, size: file.size, mime: type.mime, ext: format } };
}

export async function checkCover(file: UploadedFile, maxBytes: number): Promise<FileCheck> {
  if (file.size > maxBytes) return fail('cover', M.coverSize(maxBytes), true);
  const type = await fromFile(file.path);
  if (type && HEIC_TYPES.includes(type.mime)) return fail('cover', M.coverHeic);
  const format = type && imageFormatOf(type.mime);
  if (!type || !format) return fail('cover', M.coverType);
  return { file: { field: 'cover', path: file.path, size: file.size, mime: IMAGE_FORMATS[format][0], ext: format } };
}

export async function checkCaptions(file: UploadedFile): Promise<FileCheck> {
  if (file.size > MAX_CAPTION_BYTES) return fail('captions', M.captionsSize(MAX_CAPTION_BYTES), true);
  const format = captionFormatOf(await fs.readFile(file.path));
  if (!format) return fail('captions', M.captionsType);
  return { file: { field: 'captions', path: file.path, size: file.size, mime: CAPTION_FORMATS[format], ext: format } };
}
