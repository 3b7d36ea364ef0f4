// videos.list / videos.update / videos.delete, and the creation step shared by both upload paths.
import type { EmulatorContext, Handler } from './context';
import { errors } from './errors';
import { asObject, asString, readJson } from './http';
import { PARTS, listResponse, parseParts, renderVideo } from './resources';
import { googleTime, randomId } from './store';
import type { PrivacyStatus, VideoMedia, VideoRecord } from './types';
import { validateVideoSnippet, validateVideoStatus, type VideoSnippetInput, type VideoStatusInput } from './validation';

/** A fake but stable duration: as if the file were encoded at about 2 Mbit/s. */
export function durationFromSize(bytes: number): number {
  return Math.max(1, Math.round(bytes / 250_000));
}

export function createVideo(
  ctx: EmulatorContext,
  snippet: VideoSnippetInput,
  status: VideoStatusInput,
  media: VideoMedia,
  notifySubscribers: boolean,
): VideoRecord {
  // Uploads default to public when no privacy is given (videos.insert docs).
  const requested: PrivacyStatus = status.privacyStatus ?? 'public';
  const locked = ctx.options.forcePrivateUploads;
  const video: VideoRecord = {
    id: randomId(11),
    channelId: ctx.store.channel.id,
    publishedAt: googleTime(ctx.now()),
    snippet,
    status: { ...status, privacyStatus: locked ? 'private' : requested },
    lockedPrivate: locked,
    requestedPrivacyStatus: requested,
    statistics: { viewCount: 0, likeCount: 0, commentCount: 0 },
    media,
    notifySubscribers,
    durationSeconds: durationFromSize(media.size),
    thumbnailVersion: 0,
  };
  ctx.store.videos.set(video.id, video);
  ctx.changed();
  return video;
}

export const listVideos: Handler = async (ctx, r) => {
  const parts = parseParts(r.query, PARTS.video);
  const ids = r.query.list('id');
  if (!r.query.has('id') && !r.query.has('chart') && !r.query.has('myRating')) {
    throw errors.missingFilter('myRating, id, chart, idParam');
  }
  if (ids.length > 50) {
    throw errors.invalidFilters('The request specifies more than 50 video IDs in the <code>id</code> parameter.');
  }
  const found = ids.map((id) => ctx.store.videos.get(id)).filter((v): v is VideoRecord => v !== undefined);
  const items = found.map((v) => renderVideo(ctx, r.base, v, parts));
  return { kind: 'json', status: 200, body: listResponse('youtube#videoListResponse', items, items.length, items.length) };
};

export const updateVideo: Handler = async (ctx, r) => {
  const parts = parseParts(r.query, PARTS.video);
  const body = asObject(await readJson(r.req));
  const id = asString(body.id);
  if (!id) throw errors.required('id');
  const video = ctx.store.videos.get(id);
  if (!video) throw errors.videoNotFound('update');
  // Validate everything before changing anything: a failed update leaves the video untouched.
  // Like YouTube, a part sent in an update replaces the old one (omitted fields are cleared).
  const snippet = parts.has('snippet') ? validateVideoSnippet(body.snippet, true) : null;
  const status = parts.has('status') ? validateVideoStatus(body.status) : null;
  if (snippet) video.snippet = snippet;
  if (status) {
    const requested = status.privacyStatus ?? video.requestedPrivacyStatus;
    // An unaudited API project cannot make its uploads public: YouTube answers 200 but the
    // video stays private ("locked as private").
    const previousKids = video.status.selfDeclaredMadeForKids;
    video.status = { ...status, privacyStatus: video.lockedPrivate ? 'private' : requested };
    // The audience setting is a declaration YouTube keeps; it is not cleared by omission.
    if (status.selfDeclaredMadeForKids === undefined && previousKids !== undefined) {
      video.status.selfDeclaredMadeForKids = previousKids;
    }
    video.requestedPrivacyStatus = requested;
  }
  ctx.changed();
  return { kind: 'json', status: 200, body: renderVideo(ctx, r.base, video, parts) };
};

export const deleteVideo: Handler = async (ctx, r) => {
  const id = r.query.get('id');
  if (!id) throw errors.required('id');
  if (!ctx.store.deleteVideo(id)) throw errors.videoNotFoundParam('The video that you are trying to delete cannot be found.', 'id');
  ctx.changed();
  return { kind: 'empty', status: 204 };
};
