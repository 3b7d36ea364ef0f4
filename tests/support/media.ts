import crypto from 'crypto';
import fs from 'fs';
import path from 'path';
import sharp from 'sharp';
import type { Core } from '@strapi/strapi';

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

export async function addCoverImage(strapi: Core.Strapi, name: string, colour = '#c8102e') {
  const png = await sharp({ create: { width: 1600, height: 1000, channels: 3, background: colour } }).png().toBuffer();
  const file = await addFile(strapi, name, png, 'image/png', '.png');
  await strapi.db.query('plugin::upload.file').update({ where: { id: file.id }, data: { width: 1600, height: 1000 } });
  return file;
}
