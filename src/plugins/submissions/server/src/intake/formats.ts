/**
 * The file formats a submission may bring, named the way people know them (file extensions) and recognised by the
 * MIME type that file-type reads from the bytes. The name a file arrives with decides nothing.
 */

export const VIDEO_FORMATS = {
  mp4: ['video/mp4'],
  mov: ['video/quicktime'],
  webm: ['video/webm'],
  '3gp': ['video/3gpp', 'video/3gpp2'],
  m4v: ['video/x-m4v'],
  mkv: ['video/x-matroska'],
} as const;

export type VideoFormat = keyof typeof VIDEO_FORMATS;
export const VIDEO_FORMAT_NAMES = Object.keys(VIDEO_FORMATS) as VideoFormat[];

/**
 * Images a browser can show on the story page and YouTube takes as a thumbnail. HEIC (iPhone photos) is recognised
 * but refused with a hint: browsers other than Safari cannot show it and the image library here cannot convert it.
 */
export const IMAGE_FORMATS = {
  jpg: ['image/jpeg'],
  png: ['image/png'],
  webp: ['image/webp'],
} as const;

export type ImageFormat = keyof typeof IMAGE_FORMATS;
export const HEIC_TYPES = ['image/heic', 'image/heif', 'image/heic-sequence', 'image/heif-sequence'];

/** Captions are text: WebVTT or SubRip, told apart by their structure. */
export const CAPTION_FORMATS = {
  vtt: 'text/vtt',
  srt: 'application/x-subrip',
} as const;

export type CaptionFormat = keyof typeof CAPTION_FORMATS;

/** Caption files are small; a larger "caption" is something else. */
export const MAX_CAPTION_BYTES = 1024 * 1024;

export function videoMimeTypes(formats: readonly VideoFormat[]): string[] {
  return formats.flatMap((f) => [...VIDEO_FORMATS[f]]);
}

export function videoFormatOf(mime: string, allowed: readonly VideoFormat[]): VideoFormat | undefined {
  return allowed.find((f) => (VIDEO_FORMATS[f] as readonly string[]).includes(mime));
}

export function imageFormatOf(mime: string): ImageFormat | undefined {
  return (Object.keys(IMAGE_FORMATS) as ImageFormat[]).find((f) => (IMAGE_FORMATS[f] as readonly string[]).includes(mime));
}
