import crypto from 'crypto';
import fs from 'fs';
import type { Video, YouTubeClient } from '../youtube/client';
import { YouTubeError } from '../youtube/errors';
import { resumableUpload, sessionStatus } from '../youtube/resumable-upload';
import type { SyncContext } from './context';
import type { MediaFile } from './load-story';
import { localPath } from './media';
import { notifySubscribers } from './notify';
import { metadataHash, type DesiredState } from './plan';
import { retireOwnVideo } from './retire';
import { saveState, type SyncState, type UploadIdentity } from './state';

/**
 * How long a lost upload is searched for before it is given up and the file uploaded anew. YouTube lists a fresh
 * upload in the channel's uploads playlist only after a while, so one search right after the loss can miss it.
 */
export const LOST_UPLOAD_WINDOW_MS = 30 * 60 * 1000;

export interface UploadedVideo {
  video: Video;
  /** The metadata the video was uploaded with; a newer one is written by an update afterwards. */
  metadataHash: string | null;
}

/** What the upload is made of: the media library file, its size and a SHA-256 of its bytes, read once. */
async function fileIdentity(file: MediaFile, path: string): Promise<UploadIdentity> {
  const hash = crypto.createHash('sha256');
  let size = 0;
  for await (const chunk of fs.createReadStream(path)) {
    hash.update(chunk as Buffer);
    size += (chunk as Buffer).length;
  }
  return { mediaId: file.id ?? null, size, sha256: hash.digest('hex') };
}

const sameFile = (a: UploadIdentity, b: UploadIdentity) => a.mediaId === b.mediaId && a.size === b.size && a.sha256 === b.sha256;

/** Nothing pending any more: no session, no lost upload to look for. */
export const FORGET_UPLOAD = {
  uploadSessionUri: null,
  uploadMarker: null,
  uploadFile: null,
  uploadMetadataHash: null,
  uploadedVideoIds: [],
  uploadLostAt: null,
  uploadFinalSent: false,
};

/** Looks for a video this plugin uploaded earlier (its tags carry the story's marker) among the channel's uploads. */
async function findUploadedByMarker(client: YouTubeClient, marker: string): Promise<Video | undefined> {
  const channel = await client.channel();
  const uploads = channel?.contentDetails?.relatedPlaylists?.uploads;
  if (!uploads) return undefined;
  const ids = (await client.playlistItems(uploads)).map((i) => i.contentDetails?.videoId ?? i.snippet?.resourceId?.videoId).filter((v): v is string => Boolean(v));
  for (let i = 0; i < ids.length; i += 50) {
    const found = (await client.videos(ids.slice(i, i + 50))).find((v) => v.snippet?.tags?.includes(marker));
    if (found) return found;
  }
  return undefined;
}

/**
 * Finds the video of an earlier attempt whose answer was lost: first among the ids YouTube handed back to earlier
 * attempts (one videos.list, 1 unit, immune to the uploads playlist's lag), then by the marker among the uploads.
 * Found nothing → if the session had been sent its last chunk, retried later within LOST_UPLOAD_WINDOW_MS of the
 * loss; otherwise (and after the window) the upload starts anew.
 */
async function findLostUpload(ctx: SyncContext, state: SyncState, marker: string): Promise<Video | undefined> {
  const remembered = state.uploadedVideoIds ?? [];
  const known = remembered.length ? (await ctx.client.videos(remembered.slice(-50))).find((v) => v.snippet?.tags?.includes(marker)) : undefined;
  const found = known ?? (await findUploadedByMarker(ctx.client, marker));
  if (found) return found;
  // The last chunk was never sent: the lost session cannot have become a video, so there is nothing to wait for.
  if (state.uploadFinalSent === false) {
    await saveState(ctx.strapi, state, FORGET_UPLOAD);
    return undefined;
  }
  const now = ctx.now();
  const lostAt = state.uploadLostAt ? new Date(state.uploadLostAt) : now;
  if (!state.uploadLostAt) await saveState(ctx.strapi, state, { uploadLostAt: lostAt.toISOString() });
  const until = new Date(lostAt.getTime() + LOST_UPLOAD_WINDOW_MS);
  if (now < until) {
    throw new YouTubeError(
      `Das Video einer abgebrochenen Übertragung ist noch nicht auffindbar (YouTube listet neue Uploads verzögert); erneute Suche bis ${until.toISOString()}`,
      'retryable'
    );
  }
  await saveState(ctx.strapi, state, FORGET_UPLOAD);
  return undefined;
}

/**
 * The file changed since the pending session was started: the session is dropped, never resumed with other bytes.
 * If the old session had already become a video (its answer lost), that video is retired, like any video an
 * earlier attempt got back, so nothing of the old file stays public.
 */
async function discardUpload(ctx: SyncContext, state: SyncState, marker: string) {
  const finished = new Set(state.uploadedVideoIds ?? []);
  if (state.uploadSessionUri && state.uploadFile) {
    const status = await sessionStatus(ctx.client, state.uploadSessionUri, state.uploadFile.size).catch((error: unknown) => {
      // A session YouTube refuses to talk about holds no video; anything passing (5xx) is asked again next time.
      if (error instanceof YouTubeError && error.kind === 'permanent') return null;
      throw error;
    });
    if (status?.kind === 'done' && status.video.id) finished.add(status.video.id);
  }
  for (const videoId of finished) await retireOwnVideo(ctx, videoId, marker);
  await saveState(ctx.strapi, state, FORGET_UPLOAD);
}

/** Uploads the story's video exactly once: resume the session of the same file, adopt a finished one, or start anew. */
export async function uploadVideo(ctx: SyncContext, state: SyncState, desired: DesiredState, file: MediaFile): Promise<UploadedVideo> {
  const { strapi, client, config } = ctx;
  const path = await localPath(strapi, file);
  const identity = await fileIdentity(file, path);
  if (state.uploadFile ? !sameFile(state.uploadFile, identity) : state.uploadSessionUri) await discardUpload(ctx, state, desired.marker);
  const metadata: Video = { snippet: desired.metadata.snippet, status: desired.metadata.status };
  for (let round = 0; round < 2; round++) {
    if (!state.uploadSessionUri && state.uploadMarker) {
      const lost = await findLostUpload(ctx, state, desired.marker);
      if (lost) return { video: lost, metadataHash: state.uploadMetadataHash };
    }
    const outcome = await resumableUpload({
      client,
      file: { path, size: identity.size, mime: file.mime },
      metadata,
      notifySubscribers: notifySubscribers(config.notifySubscribers, ctx.reason, state),
      sessionUri: state.uploadSessionUri,
      chunkBytes: config.uploadChunkBytes,
      onSession: (uri) =>
        saveState(strapi, state, {
          uploadSessionUri: uri,
          uploadMarker: desired.marker,
          uploadFile: identity,
          uploadMetadataHash: metadataHash(desired),
          uploadLostAt: null,
          uploadFinalSent: false,
        }),
      onFinalChunk: () => (state.uploadFinalSent ? Promise.resolve() : saveState(strapi, state, { uploadFinalSent: true })),
    });
    if (outcome.kind === 'done') {
      await saveState(strapi, state, { uploadedVideoIds: [...new Set([...(state.uploadedVideoIds ?? []), outcome.video.id as string])] });
      return { video: outcome.video, metadataHash: state.uploadMetadataHash };
    }
    // The session expired or is unknown: the video may still have landed before the answer was lost.
    await saveState(strapi, state, { uploadSessionUri: null });
  }
  throw new YouTubeError('Upload-Sitzung wurde zweimal verworfen', 'retryable');
}
