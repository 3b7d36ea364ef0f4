import fs from 'fs';
import path from 'path';
import type { Core } from '@strapi/strapi';
import { mediaPrivacySettings } from './settings';
import { LocalDiskStorage, type MediaLocation } from './storage';

const storages = new WeakMap<Core.Strapi, LocalDiskStorage>();

/** The app's media storage: public/uploads of the local upload provider, and PRIVATE_MEDIA_DIR. */
export function mediaStorage(strapi: Core.Strapi): LocalDiskStorage {
  let storage = storages.get(strapi);
  if (!storage) {
    storage = new LocalDiskStorage({ public: path.join(strapi.dirs.static.public, 'uploads'), private: mediaPrivacySettings(strapi).privateDir });
    storages.set(strapi, storage);
  }
  return storage;
}

/**
 * Where a media library file's bytes are on this machine; null for a file stored elsewhere. A row read just before
 * its file moved still finds the bytes: at the other place, while the move is under way or done.
 */
export function localPathOf(strapi: Core.Strapi, url: string): string | null {
  const storage = mediaStorage(strapi);
  const location: MediaLocation | null = storage.locationOf(url);
  if (!location) return null;
  const name = storage.nameOf(url);
  const here = storage.pathOf(name, location);
  const there = storage.pathOf(name, location === 'public' ? 'private' : 'public');
  return !fs.existsSync(here) && fs.existsSync(there) ? there : here;
}
