import type { youtube_v3 } from 'googleapis/build/src/apis/youtube';

type Snippet = youtube_v3.Schema$VideoSnippet;
type Status = youtube_v3.Schema$VideoStatus;

/**
 * videos.update replaces every mutable property of each part it names: what the request leaves out is reset
 * (developers.google.com/youtube/v3/docs/videos/update, parameter `part`). So an update is read, change, write:
 * these are the properties a part carries back, taken from the video as YouTube has it; read-only ones
 * (thumbnails, uploadStatus, madeForKids …) are not sent.
 */
const MUTABLE_SNIPPET = ['title', 'description', 'tags', 'categoryId', 'defaultLanguage', 'defaultAudioLanguage'] as const;
const MUTABLE_STATUS = ['privacyStatus', 'embeddable', 'license', 'publicStatsViewable', 'publishAt', 'selfDeclaredMadeForKids', 'containsSyntheticMedia'] as const;

function pick<T extends object>(value: T | undefined, keys: readonly (keyof T)[]): Partial<T> {
  const out: Partial<T> = {};
  for (const key of keys) if (value?.[key] !== undefined && value[key] !== null) out[key] = value[key];
  return out;
}

export interface VideoChanges {
  snippet?: Partial<Snippet>;
  status?: Partial<Status>;
}

/** The request body for videos.update: the video's current parts with our changes on top, and the parts to name. */
export function updatedParts(current: youtube_v3.Schema$Video, id: string, changes: VideoChanges): { video: youtube_v3.Schema$Video; parts: string[] } {
  const video: youtube_v3.Schema$Video = { id };
  const parts: string[] = [];
  if (changes.snippet) {
    video.snippet = { ...pick(current.snippet, MUTABLE_SNIPPET), ...changes.snippet };
    parts.push('snippet');
  }
  if (changes.status) {
    const status: Status = { ...pick(current.status, MUTABLE_STATUS), ...changes.status };
    // YouTube schedules private videos only and rejects a publishAt next to another privacy.
    if (status.privacyStatus !== 'private') delete status.publishAt;
    video.status = status;
    parts.push('status');
  }
  return { video, parts };
}
