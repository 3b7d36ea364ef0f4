import type { Core } from '@strapi/strapi';
import { GetObjectCommand, S3Client } from '@aws-sdk/client-s3';
import type { MediaService, PrivateBucket } from '../../../../../shared/story-services';
import { storyVisibilityChanged } from '../media-privacy/hooks';
import { signedMediaUrl } from '../media-privacy/links';
import { fileOnDisk, mediaStorage } from '../media-privacy/media-storage';
import { uploadPrivately } from '../media-privacy/provider';
import { s3ClientConfig } from '../media-privacy/s3-client';
import { mediaPrivacySettings, type S3Settings } from '../media-privacy/settings';
import { LocalDiskStorage, writeFileAtomically } from '../media-privacy/storage';
import { resolveTables } from '../public-api/tables';

function privateBucketOf(s3: S3Settings): PrivateBucket {
  const clientConfig = s3ClientConfig(s3);
  const client = new S3Client(clientConfig);
  const name = s3.privateBucket;
  return {
    name,
    clientConfig,
    async download(key, target) {
      const object = await client.send(new GetObjectCommand({ Bucket: name, Key: key }));
      if (!object.Body) throw new Error(`${key}: the bucket ${name} returned no bytes`);
      await writeFileAtomically(target, object.Body as NodeJS.ReadableStream);
    },
  };
}

/** Private media for other plugins: their uploads stored privately, signed links, the folders or the bucket. */
export default ({ strapi }: { strapi: Core.Strapi }): MediaService => ({
  uploadPrivately,
  signedUrl: (url) => signedMediaUrl(strapi, url),
  storyVisibilityChanged: (documentId) => storyVisibilityChanged(strapi, documentId),
  localDirectories() {
    const storage = mediaStorage(strapi);
    return storage instanceof LocalDiskStorage ? [storage.directoryOf('private'), storage.directoryOf('public')] : null;
  },
  privateBucket() {
    const { storage } = mediaPrivacySettings(strapi);
    return storage.driver === 's3' ? privateBucketOf(storage.s3) : null;
  },
  fileLinks: () => resolveTables(strapi).fileLinks,
  fileOnDisk: (url) => fileOnDisk(strapi, url),
});
