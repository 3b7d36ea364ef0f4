import type { Core } from '@strapi/strapi';
import { mediaStorage } from './media-storage';
import type { MediaLocation, MediaStorage } from './storage';

/**
 * Moves a media library file (the original and every format) between public and private storage without ever
 * losing it: copy the bytes, then switch the row's URLs with an UPDATE that matches only the URL it was read with
 * (so of two instances moving the same file one switches it), then delete the old copies. A crash between the
 * steps leaves either the old row with an extra copy (the next move copies again) or the new row with a stale copy
 * at the old place, which `placeFile` removes the next time it looks. Running it twice changes nothing.
 */

const FILE = 'plugin::upload.file';

export interface FileRow {
  id: number;
  url: string;
  formats?: Record<string, { url?: string } & Record<string, unknown>> | string | null;
}

const formatsOf = (row: FileRow): Record<string, { url?: string } & Record<string, unknown>> =>
  (typeof row.formats === 'string' ? JSON.parse(row.formats) : row.formats) ?? {};

/** Every URL of the file: the original and its formats (thumbnail, small, …). */
const urlsOf = (row: FileRow) => [row.url, ...Object.values(formatsOf(row)).map((f) => f.url)].filter((u): u is string => typeof u === 'string');

function namesOf(storage: MediaStorage, row: FileRow) {
  return urlsOf(row)
    .filter((url) => storage.locationOf(url) !== null)
    .map((url) => storage.nameOf(url));
}

function rehome(storage: MediaStorage, row: FileRow, to: MediaLocation) {
  const move = (url: string) => (storage.locationOf(url) ? storage.urlOf(storage.nameOf(url), to) : url);
  const formats = Object.fromEntries(Object.entries(formatsOf(row)).map(([key, format]) => [key, format.url ? { ...format, url: move(format.url) } : format]));
  return { url: move(row.url), formats: Object.keys(formats).length ? formats : row.formats ?? null };
}

const other = (location: MediaLocation): MediaLocation => (location === 'public' ? 'private' : 'public');

/** Deletes copies at the place the row no longer points to, where the row's own copy exists. */
async function removeStaleCopies(storage: MediaStorage, names: string[], at: MediaLocation) {
  for (const name of names) {
    if ((await storage.exists(name, other(at))) && (await storage.exists(name, at))) await storage.remove(name, other(at));
  }
}

export type MoveOutcome = 'moved' | 'in-place' | 'not-ours' | 'lost-race';

/** Puts the file where it belongs; `'moved'` when its URLs changed. */
export async function placeFile(strapi: Core.Strapi, row: FileRow, to: MediaLocation): Promise<MoveOutcome> {
  const storage = mediaStorage(strapi);
  const from = storage.locationOf(row.url);
  if (!from) return 'not-ours';
  const names = namesOf(storage, row);
  if (from === to) {
    await removeStaleCopies(storage, names, to);
    return 'in-place';
  }
  for (const name of names) {
    if (await storage.exists(name, from)) await storage.copy(name, from, to);
    else if (!(await storage.exists(name, to))) strapi.log.warn(`Private media: file ${name} (media library entry ${row.id}) is missing on disk; its address is moved anyway.`);
  }
  const { count } = await strapi.db.query(FILE).updateMany({ where: { id: row.id, url: row.url }, data: rehome(storage, row, to) });
  if (count !== 1) return 'lost-race';
  for (const name of names) {
    if (await storage.exists(name, to)) await storage.remove(name, from);
  }
  return 'moved';
}
