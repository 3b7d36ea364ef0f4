/**
 * Editors paste YouTube links in every form YouTube hands out (watch, share, embed, shorts, live, mobile);
 * the story keeps only the 11-character video id, the one stable part of all of them.
 */

const VIDEO_ID = /^[A-Za-z0-9_-]{11}$/;
const YOUTUBE_HOSTS = new Set([
  'youtube.com',
  'www.youtube.com',
  'm.youtube.com',
  'music.youtube.com',
  'youtube-nocookie.com',
  'www.youtube-nocookie.com',
  'youtu.be',
  'www.youtu.be',
]);
const PATH_PREFIXES = ['embed', 'shorts', 'live', 'v', 'e'];

export class InvalidYouTubeReference extends Error {}

function idFromUrl(url: URL): string | undefined {
  const host = url.hostname.toLowerCase();
  if (!YOUTUBE_HOSTS.has(host)) return undefined;
  const segments = url.pathname.split('/').filter(Boolean);
  if (host.endsWith('youtu.be')) return segments[0];
  if (segments[0] === 'watch') return url.searchParams.get('v') ?? undefined;
  if (segments.length >= 2 && PATH_PREFIXES.includes(segments[0])) return segments[1];
  return undefined;
}

/** Returns the video id for any YouTube URL form or bare id; throws InvalidYouTubeReference otherwise. */
export function parseYouTubeReference(input: string): string {
  const text = input.trim();
  if (VIDEO_ID.test(text)) return text;
  let url: URL | undefined;
  try {
    url = new URL(/^[a-z]+:\/\//i.test(text) ? text : `https://${text}`);
  } catch {
    url = undefined;
  }
  const id = url && (url.protocol === 'https:' || url.protocol === 'http:') ? idFromUrl(url) : undefined;
  if (!id || !VIDEO_ID.test(id)) {
    throw new InvalidYouTubeReference(
      `„${text.slice(0, 80)}“ ist kein YouTube-Video-Link. Erlaubt sind Links wie https://www.youtube.com/watch?v=… ` +
        'oder https://youtu.be/… oder die 11-stellige Video-ID.'
    );
  }
  return id;
}
