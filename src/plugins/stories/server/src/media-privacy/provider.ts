import { AsyncLocalStorage } from 'async_hooks';
import type { Core } from '@strapi/strapi';
import { signedMediaUrl } from './links';
import { mediaStorage } from './media-storage';
import { mediaPrivacySettings } from './settings';
import type { MediaStorage } from './storage';

/**
 * Extends the upload plugin's provider (the local one, or aws-s3 for the public bucket) with the private place:
 *
 * - an upload made inside `uploadPrivately()` (the submission path) is written to private storage at once, its
 *   image formats too, so a submitted file never has a public URL, not even for a moment;
 * - replacing or deleting a private file works on the private copy;
 * - the provider says it is private, so Strapi asks it to sign file URLs in what the media library, the content
 *   manager and the Document Service hand out; it signs private URLs only for requests of a logged-in editor
 *   (the admin's <img> and <video> elements cannot send the bearer token) and leaves every other URL alone.
 */

interface ProviderFile {
  hash: string;
  ext?: string;
  url?: string;
  buffer?: Buffer;
  stream?: NodeJS.ReadableStream;
}

interface UploadProvider {
  upload?(file: ProviderFile): Promise<void>;
  uploadStream?(file: ProviderFile): Promise<void>;
  replace?(file: ProviderFile, old: ProviderFile): Promise<void>;
  replaceStream?(file: ProviderFile, old: ProviderFile): Promise<void>;
  delete(file: ProviderFile): Promise<void>;
  extend(methods: Record<string, unknown>): void;
}

const privateUploads = new AsyncLocalStorage<true>();

/** Runs `work` so that every file the upload plugin stores meanwhile goes to private storage. */
export const uploadPrivately = <T>(work: () => Promise<T>): Promise<T> => privateUploads.run(true, work);

const fileName = (file: ProviderFile) => `${file.hash}${file.ext ?? ''}`;

async function writePrivately(storage: MediaStorage, file: ProviderFile) {
  const name = fileName(file);
  const source = file.stream ?? file.buffer;
  if (!source) throw new Error(`private upload of ${name}: the file has neither a stream nor a buffer`);
  await storage.write(name, 'private', source);
  file.url = storage.urlOf(name, 'private');
}

const isPrivateFile = (storage: MediaStorage, file: ProviderFile) => Boolean(file.url && storage.locationOf(file.url) === 'private');

/** Whether the request being served (if any) is one of a logged-in editor in the admin. */
function editorRequest(strapi: Core.Strapi) {
  const ctx = strapi.requestContext.get() as { state?: { auth?: { strategy?: { name?: string } } } } | undefined;
  return ctx?.state?.auth?.strategy?.name === 'admin';
}

/** Called from the plugin's register(), after the upload plugin made its provider. */
export function extendUploadProvider(strapi: Core.Strapi) {
  const provider = strapi.plugin('upload')?.provider as UploadProvider | undefined;
  if (!provider) throw new Error('Private media: the upload plugin has no provider to extend (is @strapi/upload enabled?).');
  const expected = mediaPrivacySettings(strapi).storage.driver === 's3' ? 'aws-s3' : 'local';
  const configured = strapi.config.get('plugin::upload.provider', 'local');
  if (configured !== expected) {
    throw new Error(`Private media: the upload provider is "${configured}", but STORAGE_DRIVER needs "${expected}" (see README, "Objektspeicher / object storage").`);
  }
  const storage = () => mediaStorage(strapi);
  const original = {
    upload: provider.upload?.bind(provider),
    uploadStream: provider.uploadStream?.bind(provider),
    replace: provider.replace?.bind(provider),
    replaceStream: provider.replaceStream?.bind(provider),
    delete: provider.delete.bind(provider),
  };
  const write =
    (method: 'upload' | 'uploadStream') =>
    async (file: ProviderFile): Promise<void> => {
      if (privateUploads.getStore()) return writePrivately(storage(), file);
      const own = original[method];
      if (!own) throw new Error(`the upload provider has no ${method}()`);
      return own(file);
    };
  const replace =
    (method: 'replace' | 'replaceStream') =>
    async (file: ProviderFile, old: ProviderFile): Promise<void> => {
      // A replaced private file stays private: the new bytes go where the old ones were.
      if (isPrivateFile(storage(), old)) {
        await writePrivately(storage(), file);
        if (fileName(file) !== fileName(old)) await storage().remove(fileName(old), 'private');
        return;
      }
      const own = original[method];
      if (!own) throw new Error(`the upload provider has no ${method}()`);
      return own(file, old);
    };
  provider.extend({
    upload: write('upload'),
    uploadStream: write('uploadStream'),
    replace: replace('replace'),
    replaceStream: replace('replaceStream'),
    async delete(file: ProviderFile) {
      // Both places: a copy left behind by an interrupted move goes with the file.
      await storage().remove(fileName(file), 'private');
      await original.delete(file);
    },
    isPrivate: () => true,
    getSignedUrl: (file: ProviderFile) => ({ url: file.url && editorRequest(strapi) ? signedMediaUrl(strapi, file.url) : file.url }),
  });
}
