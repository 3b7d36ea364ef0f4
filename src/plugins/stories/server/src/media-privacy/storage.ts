import fs from 'fs';
import fsp from 'fs/promises';
import path from 'path';
import crypto from 'crypto';
import { pipeline } from 'stream/promises';

/**
 * The two places a media library file can live: `public` (served as it is to anyone, today public/uploads of the
 * local upload provider) and `private` (reachable only through the signed or authenticated route of this plugin).
 * A file is known by its name, the last segment of its URL; the URL says where it is. Two implementations: the local
 * disk (below) and two S3 buckets (s3-storage.ts); STORAGE_DRIVER chooses (media-storage.ts).
 */

export type MediaLocation = 'public' | 'private';

export const PRIVATE_URL_PREFIX = '/media/private/';
const PUBLIC_URL_PREFIX = '/uploads/';

/**
 * One file in one folder: the local provider names files `<slug>_<hash><ext>`, but rows from elsewhere (imports,
 * older versions) may hold spaces or umlauts. Never a path: no slash, no backslash, no NUL, no leading dot.
 */
export const isMediaFileName = (name: string) => name.length > 0 && name.length <= 255 && !/[/\\\0]/.test(name) && !name.startsWith('.');

/** A URL's last segment as a file name; the local provider writes names unencoded, so a stray "%" stays as it is. */
function decodeSegment(segment: string) {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

export interface MediaStorage {
  /** Where a file row's URL points, or null for a URL this storage does not manage (an external address). */
  locationOf(url: string): MediaLocation | null;
  nameOf(url: string): string;
  urlOf(name: string, location: MediaLocation): string;
  exists(name: string, location: MediaLocation): Promise<boolean>;
  /** Stores new bytes (an upload) at one place. */
  write(name: string, location: MediaLocation, source: NodeJS.ReadableStream | Buffer): Promise<void>;
  /** Copies complete bytes to the other place; the target appears at once or not at all. */
  copy(name: string, from: MediaLocation, to: MediaLocation): Promise<void>;
  remove(name: string, location: MediaLocation): Promise<void>;
  /** The bytes of a stored file (the private route and the YouTube upload read them); null when there is none. */
  read(name: string, location: MediaLocation): Promise<StoredFile | null>;
  /** Checked at start-up, so a missing folder or bucket stops the boot with a message rather than the first upload. */
  prepare(): Promise<void>;
}

export interface StoredFile {
  body: NodeJS.ReadableStream;
  size: number;
}

/** Writes a stream to a file that appears complete or not at all (a crash leaves only a `.partial` behind). */
export async function writeFileAtomically(target: string, source: NodeJS.ReadableStream) {
  const partial = `${target}.${crypto.randomBytes(6).toString('hex')}.partial`;
  await fsp.mkdir(path.dirname(target), { recursive: true });
  try {
    await pipeline(source, fs.createWriteStream(partial));
    await fsp.rename(partial, target);
  } catch (error) {
    await fsp.rm(partial, { force: true });
    throw error;
  }
}

/** The file name of a media URL (its last segment), refused when it is not a plain file name. */
export function mediaNameOf(url: string): string {
  const name = decodeSegment(path.posix.basename(url.split('?')[0]));
  if (!isMediaFileName(name)) throw new Error(`not a media file name: ${JSON.stringify(name)} (from ${url})`);
  return name;
}

/** Private files are addressed through this app's route whatever stores them; encoded for the router. */
export const privateUrlOf = (name: string) => `${PRIVATE_URL_PREFIX}${encodeURIComponent(name)}`;

export class LocalDiskStorage implements MediaStorage {
  constructor(private readonly dirs: Record<MediaLocation, string>) {}

  locationOf(url: string): MediaLocation | null {
    const bare = url.split('?')[0];
    if (bare.startsWith(PRIVATE_URL_PREFIX)) return 'private';
    if (bare.startsWith(PUBLIC_URL_PREFIX)) return 'public';
    return null;
  }

  nameOf(url: string): string {
    return mediaNameOf(url);
  }

  /** Public addresses as the local provider writes them (unencoded), private ones encoded for the route. */
  urlOf(name: string, location: MediaLocation): string {
    return location === 'private' ? privateUrlOf(name) : `${PUBLIC_URL_PREFIX}${name}`;
  }

  /** The folder of one place (only a local disk has one). */
  directoryOf(location: MediaLocation): string {
    return this.dirs[location];
  }

  pathOf(name: string, location: MediaLocation): string {
    if (!isMediaFileName(name)) throw new Error(`not a media file name: ${JSON.stringify(name)}`);
    return path.join(this.dirs[location], name);
  }

  async exists(name: string, location: MediaLocation) {
    return fsp
      .stat(this.pathOf(name, location))
      .then((s) => s.isFile())
      .catch(() => false);
  }

  async write(name: string, location: MediaLocation, source: NodeJS.ReadableStream | Buffer) {
    const target = this.pathOf(name, location);
    await fsp.mkdir(path.dirname(target), { recursive: true });
    if (Buffer.isBuffer(source)) await fsp.writeFile(target, source);
    else await pipeline(source, fs.createWriteStream(target));
  }

  async copy(name: string, from: MediaLocation, to: MediaLocation) {
    const target = this.pathOf(name, to);
    const partial = `${target}.${crypto.randomBytes(6).toString('hex')}.partial`;
    await fsp.mkdir(path.dirname(target), { recursive: true });
    try {
      await fsp.copyFile(this.pathOf(name, from), partial);
      await fsp.rename(partial, target);
    } catch (error) {
      await fsp.rm(partial, { force: true });
      throw error;
    }
  }

  async remove(name: string, location: MediaLocation) {
    await fsp.rm(this.pathOf(name, location), { force: true });
  }

  async read(name: string, location: MediaLocation): Promise<StoredFile | null> {
    const file = this.pathOf(name, location);
    const stat = await fsp.stat(file).catch(() => null);
    return stat?.isFile() ? { body: fs.createReadStream(file), size: stat.size } : null;
  }

  /** Created at start-up so the first private upload does not fail on a missing folder. */
  async prepare() {
    try {
      await fsp.mkdir(this.dirs.private, { recursive: true });
    } catch (error) {
      throw new Error(`PRIVATE_MEDIA_DIR: the folder for private media (${this.dirs.private}) cannot be created: ${(error as Error).message}`);
    }
  }
}
