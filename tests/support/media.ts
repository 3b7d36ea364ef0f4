import crypto from 'crypto';
import fs from 'fs';
import path from 'path';
import sharp from 'sharp';
import type { Core } from '@strapi/strapi';
import { localPathOf } from '../../src/plugins/stories/server/src/media-privacy/media-storage';

/** Puts a file into the media library the way the local upload provider would: bytes in public/uploads, one row. */
async function addFile(strapi: Core.Strapi, name: string, bytes: Buffer, mime: string, ext: string) {
  const hash = `${name}_${crypto.randomBytes(5).toString('hex')}`;
  const url = `/uploads/${hash}${ext}`;
  fs.writeFileSync(path.join(strapi.dirs.static.public, url), bytes);
  return strapi.db.query('plugin::upload.file').create({
    data: { name: `${name}${ext}`, hash, ext, mime, size: bytes.length / 1000, url, provider: 'local' },
  });
}

/** A stand-in video file of the given size (the emulator stores bytes, it does not decode them). */
export function addVideoFile(strapi: Core.Strapi, name: string, bytes = 700 * 1024) {
  return addFile(strapi, name, crypto.randomBytes(bytes), 'video/mp4', '.mp4');
}

/** A caption file in the media library: WebVTT by default, SubRip when `srt`. */
export function addCaptionFile(strapi: Core.Strapi, name: string, text: string, srt = false) {
  const body = srt ? `1\n00:00:01,000 --> 00:00:04,000\n${text}\n` : `WEBVTT\n\n00:00:01.000 --> 00:00:04.000\n${text}\n`;
  return addFile(strapi, name, Buffer.from(body, 'utf8'), srt ? 'application/x-subrip' : 'text/vtt', srt ? '.srt' : '.vtt');
}

export async function addCoverImage(strapi: Core.Strapi, name: string, colour = '#c8102e') {
  const png = await sharp({ create: { width: 1600, height: 1000, channels: 3, background: colour } }).png().toBuffer();
  const file = await addFile(strapi, name, png, 'image/png', '.png');
  await strapi.db.query('plugin::upload.file').update({ where: { id: file.id }, data: { width: 1600, height: 1000 } });
  return file;
}

/**
 * A signed consent form in the media library whose name, hash and address all carry `marker` (a canary that must
 * never reach a public answer); no bytes behind it.
 */
export function addMarkedSignedForm(strapi: Core.Strapi, marker: string) {
  return strapi.db.query('plugin::upload.file').create({
    data: { name: `${marker}-form.pdf`, hash: `${marker}_form`, ext: '.pdf', mime: 'application/pdf', size: 1, url: `/uploads/${marker}_form.pdf`, provider: 'local' },
  });
}

/** Where a media library file is on disk now: attached to a story, it moves between public and private storage. */
export async function storedPath(strapi: Core.Strapi, fileId: number): Promise<string> {
  const { url } = await strapi.db.query('plugin::upload.file').findOne({ where: { id: fileId }, select: ['url'] });
  const full = localPathOf(strapi, url);
  if (!full) throw new Error(`media file ${fileId} (${url}) is not stored on this machine's disk`);
  return full;
}

/**
 * What tells two files apart in an assertion: length and SHA-256. `toEqual` on two Buffers compares them byte by
 * byte through jest's generic equality — about 5 s of CPU for a few MB of video.
 */
export const fingerprint = (bytes: Buffer) => ({ bytes: bytes.length, sha256: crypto.createHash('sha256').update(bytes).digest('hex') });
