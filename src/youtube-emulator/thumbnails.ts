// thumbnails.set: raw image body (uploadType=media, what the Node client sends) or multipart.
import type { IncomingMessage } from 'node:http';
import type { Handler } from './context';
import { errors } from './errors';
import { parseContentType } from './http';
import { sniffImage } from './image';
import { parseMultipartBuffer } from './multipart';
import { videoThumbnails } from './resources';
import { etagOf, sha256 } from './store';

export const MAX_THUMBNAIL_BYTES = 2 * 1024 * 1024;
const ACCEPTED = ['image/jpeg', 'image/png', 'application/octet-stream'];

/** Reads the whole body but keeps at most `keep` bytes; the true size is still reported. */
function readCapped(req: IncomingMessage, keep: number): Promise<{ data: Buffer; size: number }> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let kept = 0;
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (kept < keep) {
        const part = chunk.subarray(0, keep - kept);
        chunks.push(Buffer.from(part));
        kept += part.length;
      }
    });
    req.on('end', () => resolve({ data: Buffer.concat(chunks), size }));
    req.on('error', reject);
  });
}

export const setThumbnail: Handler = async (ctx, r) => {
  if (!r.url.pathname.startsWith('/upload/')) throw errors.mediaBodyRequired();
  const videoId = r.query.get('videoId');
  if (!videoId) throw errors.required('videoId');
  const video = ctx.store.videos.get(videoId);
  if (!video) {
    throw errors.videoNotFoundParam('The video that you are trying to insert a thumbnail image for cannot be found. Check the value of the <code>videoId</code> parameter to ensure that it is correct.', 'videoId');
  }
  if (!ctx.rules.channelVerified) throw errors.thumbnailsNotAllowed();
  const ct = parseContentType(r.req.headers['content-type']);
  // Multipart bodies carry a JSON part too; allow a little slack for it before the image limit.
  const multipart = ct.type === 'multipart/related' && ct.params.boundary !== undefined;
  const { data, size } = await readCapped(r.req, MAX_THUMBNAIL_BYTES + (multipart ? 64 * 1024 : 0) + 1);

  let image: Buffer;
  let declared: string;
  if (multipart) {
    let parts;
    try {
      parts = parseMultipartBuffer(data, ct.params.boundary as string);
    } catch {
      if (size > data.length) throw errors.uploadTooLarge(MAX_THUMBNAIL_BYTES);
      throw errors.badRequest('Malformed multipart body.');
    }
    const media = parts.find((p) => !(p.headers['content-type'] ?? '').includes('json')) ?? parts[parts.length - 1];
    if (!media) throw errors.mediaBodyRequired();
    image = media.body;
    declared = parseContentType(media.headers['content-type']).type;
  } else {
    if (size > MAX_THUMBNAIL_BYTES) throw errors.uploadTooLarge(MAX_THUMBNAIL_BYTES);
    image = data;
    declared = ct.type;
  }
  if (image.length > MAX_THUMBNAIL_BYTES) throw errors.uploadTooLarge(MAX_THUMBNAIL_BYTES);
  if (image.length === 0) throw errors.mediaBodyRequired();
  if (declared && !ACCEPTED.includes(declared)) throw errors.badContent(declared, ACCEPTED);
  const info = sniffImage(image);
  if (!info) throw errors.invalidImage();

  ctx.store.thumbnails.set(videoId, {
    videoId,
    mimeType: info.mimeType,
    size: image.length,
    sha256: sha256(image),
    width: info.width,
    height: info.height,
    setAt: ctx.now().toISOString(),
    bytes: image,
  });
  video.thumbnailVersion += 1;
  ctx.changed();
  const items = [videoThumbnails(r.base, video)];
  return { kind: 'json', status: 200, body: { kind: 'youtube#thumbnailSetResponse', etag: etagOf(items), items } };
};
