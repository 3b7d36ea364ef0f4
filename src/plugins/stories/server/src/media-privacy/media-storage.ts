import fs from 'fs';
import fsp from 'fs/promises';
import os from 'os';
import path from 'path';
import type { Core } from '@strapi/strapi';
import { S3Storage } from './s3-storage';
import { mediaPrivacySettings } from './settings';
import { LocalDiskStorage, writeFileAtomically, type MediaLocation, type MediaStorage } from './storage';

const storages = new WeakMap<Core.Strapi, MediaStorage>();

/**
 * The app's media storage, by STORAGE_DRIVER: public/uploads of the local upload provider and PRIVATE_MEDIA_DIR,
 * or the public and the private S3 bucket.
 */
export function mediaStorage(strapi: Core.Strapi): MediaStorage {
  let storage = storages.get(strapi);
  if (!storage) {
    const settings = mediaPrivacySettings(strapi);
    storage =
      settings.storage.driver === 's3'
        ? new S3Storage(settings.storage.s3)
        : new LocalDiskStorage({ public: path.join(strapi.dirs.static.public, 'uploads'), private: settings.privateDir });
    storages.set(strapi, storage);
  }
  return storage;
}

const other = (location: MediaLocation): MediaLocation => (location === 'public' ? 'private' : 'public');

/**
 * Where a media library file's bytes are on this machine; null for a file stored elsewhere (an external address,
 * or an object store: see `fileOnDisk`). A row read just before its file moved still finds the bytes: at the other
 * place, while the move is under way or done.
 */
export function localPathOf(strapi: Core.Strapi, url: string): string | null {
  const storage = mediaStorage(strapi);
  if (!(storage instanceof LocalDiskStorage)) return null;
  const location = storage.locationOf(url);
  if (!location) return null;
  const name = storage.nameOf(url);
  const here = storage.pathOf(name, location);
  const there = storage.pathOf(name, other(location));
  return !fs.existsSync(here) && fs.existsSync(there) ? there : here;
}

/** Downloads from the bucket are kept this long for the next reader (a resumed YouTube upload reads the same video). */
const CACHE_MS = 24 * 3600 * 1000;
const cacheDir = () => path.join(os.tmpdir(), 'zusammen-mehr-media');

async function forgetOldDownloads(dir: string, now: number) {
  for (const entry of await fsp.readdir(dir).catch(() => [] as string[])) {
    const file = path.join(dir, entry);
    const stat = await fsp.stat(file).catch(() => null);
    if (stat && stat.mtimeMs + CACHE_MS < now) await fsp.rm(file, { force: true });
  }
}

/**
 * A path on this machine holding the file's bytes, for readers that need a file (sharp, the YouTube upload's
 * chunks and checksum): the file itself on the local disk, a download from the bucket otherwise (names carry a
 * hash, so a download stays valid). Null when the URL is not ours or the bytes are nowhere.
 */
export async function fileOnDisk(strapi: Core.Strapi, url: string): Promise<string | null> {
  const local = localPathOf(strapi, url);
  if (local) return fs.existsSync(local) ? local : null;
  const storage = mediaStorage(strapi);
  const location = storage.locationOf(url);
  if (!location) return null;
  const name = storage.nameOf(url);
  const dir = cacheDir();
  const target = path.join(dir, name);
  if (fs.existsSync(target)) return target;
  const file = (await storage.read(name, location)) ?? (await storage.read(name, other(location)));
  if (!file) return null;
  await forgetOldDownloads(dir, Date.now());
  await writeFileAtomically(target, file.body);
  return target;
}
