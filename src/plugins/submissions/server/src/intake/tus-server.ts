import type { IncomingMessage } from 'http';
import path from 'path';
import { fromBuffer } from 'file-type';
import { ERRORS, EVENTS, Server, type Locker, type Upload } from '@tus/server';
import type { CorsOrigins } from '../../../../../shared/story-services';
import { videoFormatOf, videoMimeTypes, type VideoFormat } from './formats';
import { MESSAGES as M } from './messages';
import { UPLOAD_ID } from './schema';
import type { BudgetDecision } from './upload-budget';
import type { ResumableUploadStore } from './upload-store';

/**
 * Resumable video uploads over the tus protocol (tus.io, what tus-js-client speaks) at /api/v1/uploads. A phone
 * video of several hundred MB survives a dropped connection: the client asks for the offset (HEAD) and goes on
 * (PATCH). The upload is checked when it starts (declared size and type) and again when its last byte arrives
 * (the bytes themselves); the submission checks the bytes once more before it takes the file.
 *
 * The bytes go to UPLOAD_TMP_DIR (shared storage when several instances run) or to the private bucket; the lock
 * of an upload is held in the database (upload-locker.ts), so a client resuming on another instance never writes
 * alongside a request still running on the first.
 *
 * Before the file is created its declared size is reserved in the upload budget (upload-budget.ts); a refused
 * upload leaves nothing on disk. Bytes are given back when the upload is refused after its last byte or
 * cancelled (tus DELETE); the submission and the expiry sweep give back the rest. Should the file store fail to
 * create a reserved upload, its reservation simply lapses with the upload's expiry.
 */

export const UPLOAD_PATH = '/api/v1/uploads';
/** What file-type reads to recognise a container (its `minimumBytes`). */
const SNIFF_BYTES = 4100;

export interface TusOptions {
  store: ResumableUploadStore;
  locker: Locker;
  maxVideoBytes: number;
  videoFormats: readonly VideoFormat[];
  corsOrigins: CorsOrigins;
  budget: UploadBudgetGate;
}

/** Who starts an upload, as the controller admitted them. */
export interface UploadClaim {
  address: string;
  partner: boolean;
}

export interface UploadBudgetGate {
  reserve(reservation: UploadClaim & { uploadId: string; bytes: number }): Promise<BudgetDecision>;
  /** Never rejects: bytes that cannot be given back count until their upload expires, and that is logged. */
  release(uploadIds: string[]): Promise<void>;
}

const claims = new WeakMap<IncomingMessage, UploadClaim>();

/** Called by the controller once the caller is admitted, so the tus server can reserve the bytes in their name. */
export const claimUpload = (req: IncomingMessage, claim: UploadClaim) => claims.set(req, claim);

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
  const { store, maxVideoBytes, videoFormats, budget } = options;
  const server = new Server({
    path: UPLOAD_PATH,
    datastore: store.datastore(),
    locker: options.locker,
    maxSize: maxVideoBytes,
    // The client resolves a relative Location against the address it used, behind any proxy.
    relativeLocation: true,
    allowedOrigins: options.corsOrigins === '*' ? undefined : options.corsOrigins,
    // Only ids this server could have made reach the file store: no "..", no slashes, whatever the URL decodes to.
    getFileIdFromRequest: (_req, lastPath) => (lastPath && UPLOAD_ID.test(lastPath) ? lastPath : undefined),
    async onUploadCreate(req, res, upload) {
      if (upload.sizeIsDeferred || upload.size === undefined) throw refuse(400, M.uploadLength);
      if (!declaredAsAllowedVideo(upload, videoFormats)) throw refuse(415, M.uploadType(videoFormats));
      const claim = claims.get(req);
      if (!claim) throw new Error(`upload ${upload.id} was started without the controller admitting the caller (claimUpload)`);
      const decision = await budget.reserve({ ...claim, uploadId: upload.id, bytes: upload.size });
      if (!decision.allowed) {
        res.setHeader('Retry-After', String(decision.retryAfterSeconds));
        if (decision.limit === 'address') throw refuse(429, M.uploadBudgetPerAddress(decision.budgetBytes, decision.retryAfterSeconds));
        throw refuse(503, M.uploadBudgetPending(decision.retryAfterSeconds));
      }
      return res;
    },
    async onUploadFinish(_req, res, upload) {
      const type = await fromBuffer(await store.firstBytes(upload.id, SNIFF_BYTES));
      if (!type || !videoFormatOf(type.mime, videoFormats)) {
        await store.remove(upload.id);
        await budget.release([upload.id]);
        throw refuse(415, M.videoType(videoFormats));
      }
      return res;
    },
    onResponseError(_req, _res, error) {
      if ((error as TusError).body === ERRORS.ERR_MAX_SIZE_EXCEEDED.body) return refuse(413, M.videoSize(maxVideoBytes));
      return undefined;
    },
  });
  server.on(EVENTS.POST_TERMINATE, (_req, _res, id: string) => void budget.release([id]));
  return server;
}
