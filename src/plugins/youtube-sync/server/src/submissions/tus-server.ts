import path from 'path';
import { fromFile } from 'file-type';
import { FileStore } from '@tus/file-store';
import { ERRORS, Server, type Upload } from '@tus/server';
import type { CorsOrigins } from '../public-api/headers';
import { videoFormatOf, videoMimeTypes, type VideoFormat } from './formats';
import { MESSAGES as M } from './messages';
import { UPLOAD_ID } from './schema';
import { UPLOAD_EXPIRY_MS, type UploadStore } from './upload-store';

/**
 * Resumable video uploads over the tus protocol (tus.io, what tus-js-client speaks) at /api/v1/uploads. A phone
 * video of several hundred MB survives a dropped connection: the client asks for the offset (HEAD) and goes on
 * (PATCH). The upload is checked when it starts (declared size and type) and again when its last byte arrives
 * (the bytes themselves); the submission checks the bytes once more before it takes the file.
 *
 * Locks are per process (tus' memory locker): one client uploads one file sequentially, so two instances never
 * write the same upload at once in practice; the folder itself must be shared storage when several instances run.
 */

export const UPLOAD_PATH = '/api/v1/uploads';

export interface TusOptions {
  store: UploadStore;
  maxVideoBytes: number;
  videoFormats: readonly VideoFormat[];
  corsOrigins: CorsOrigins;
}

type TusError = { status_code: number; body: string };
const refuse = (status_code: number, body: string): TusError => ({ status_code, body: `${body}\n` });

function declaredAsAllowedVideo(upload: Upload, formats: readonly VideoFormat[]) {
  const type = upload.metadata?.filetype ?? '';
  const extension = path
    .extname(upload.metadata?.filename ?? '')
    .slice(1)
    .toLowerCase();
  return videoMimeTypes(formats).includes(type) || (formats as readonly string[]).includes(extension);
}

export function createTusServer(options: TusOptions): Server {
  const { store, maxVideoBytes, videoFormats } = options;
  return new Server({
    path: UPLOAD_PATH,
    datastore: new FileStore({ directory: store.directory, expirationPeriodInMilliseconds: UPLOAD_EXPIRY_MS }),
    maxSize: maxVideoBytes,
    // The client resolves a relative Location against the address it used, behind any proxy.
    relativeLocation: true,
    allowedOrigins: options.corsOrigins === '*' ? undefined : options.corsOrigins,
    // Only ids this server could have made reach the file store: no "..", no slashes, whatever the URL decodes to.
    getFileIdFromRequest: (_req, lastPath) => (lastPath && UPLOAD_ID.test(lastPath) ? lastPath : undefined),
    async onUploadCreate(_req, res, upload) {
      if (upload.sizeIsDeferred) throw refuse(400, M.uploadLength);
      if (!declaredAsAllowedVideo(upload, videoFormats)) throw refuse(415, M.uploadType(videoFormats));
      return res;
    },
    async onUploadFinish(_req, res, upload) {
      const type = await fromFile(path.join(store.directory, upload.id));
      if (!type || !videoFormatOf(type.mime, videoFormats)) {
        await store.remove(upload.id);
        throw refuse(415, M.videoType(videoFormats));
      }
      return res;
    },
    onResponseError(_req, _res, error) {
      if ((error as TusError).body === ERRORS.ERR_MAX_SIZE_EXCEEDED.body) return refuse(413, M.videoSize(maxVideoBytes));
      return undefined;
    },
  });
}
