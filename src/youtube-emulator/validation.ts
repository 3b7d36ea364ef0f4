// Metadata rules YouTube enforces server-side. Our publisher must stay inside them, so the
// emulator rejects what YouTube rejects, with the same reasons.
import { errors } from './errors';
import { asObject, asString } from './http';
import type { PrivacyStatus, VideoRecord } from './types';

/** Assignable video categories (videoCategories.list, regions DE/US). */
export const ASSIGNABLE_CATEGORIES: Record<string, string> = {
  '1': 'Film & Animation',
  '2': 'Autos & Vehicles',
  '10': 'Music',
  '15': 'Pets & Animals',
  '17': 'Sports',
  '19': 'Travel & Events',
  '20': 'Gaming',
  '22': 'People & Blogs',
  '23': 'Comedy',
  '24': 'Entertainment',
  '25': 'News & Politics',
  '26': 'Howto & Style',
  '27': 'Education',
  '28': 'Science & Technology',
  '29': 'Nonprofits & Activism',
};

export const DEFAULT_CATEGORY = '22';
const PRIVACY: readonly string[] = ['private', 'public', 'unlisted'];

export const LIMITS = {
  titleChars: 100,
  descriptionBytes: 5000,
  tagsChars: 500,
  playlistTitleChars: 150,
  playlistDescriptionBytes: 5000,
};

/** YouTube counts characters, not UTF-16 code units. */
function charCount(s: string): number {
  return [...s].length;
}

/**
 * Length as YouTube counts tags: commas between tags count, and a tag containing a space is
 * counted as if wrapped in quotes ("Foo Baz" = 9, Foo-Baz = 7).
 */
export function tagsLength(tags: string[]): number {
  if (tags.length === 0) return 0;
  const body = tags.reduce((sum, t) => sum + charCount(t) + (t.includes(' ') ? 2 : 0), 0);
  return body + tags.length - 1;
}

export type VideoSnippetInput = VideoRecord['snippet'];
export type VideoStatusInput = Omit<VideoRecord['status'], 'privacyStatus'> & { privacyStatus?: PrivacyStatus };

export function validateVideoSnippet(raw: unknown, requireCategory: boolean): VideoSnippetInput {
  const s = asObject(raw);
  const title = asString(s.title) ?? '';
  if (title.trim().length === 0 || charCount(title) > LIMITS.titleChars || /[<>]/.test(title)) {
    throw errors.video('invalidTitle', 'The request metadata specifies an invalid or empty video title.');
  }
  const description = asString(s.description) ?? '';
  if (Buffer.byteLength(description, 'utf8') > LIMITS.descriptionBytes || /[<>]/.test(description)) {
    throw errors.video('invalidDescription', 'The request metadata specifies an invalid video description.');
  }
  let tags: string[] = [];
  if (s.tags !== undefined && s.tags !== null) {
    if (!Array.isArray(s.tags) || !s.tags.every((t): t is string => typeof t === 'string')) {
      throw errors.video('invalidTags', 'The request metadata specifies invalid video keywords.');
    }
    tags = s.tags.map((t) => t.trim()).filter((t) => t.length > 0);
    if (tagsLength(tags) > LIMITS.tagsChars || tags.some((t) => /[<>]/.test(t))) {
      throw errors.video('invalidTags', 'The request metadata specifies invalid video keywords.');
    }
  }
  const rawCategory = s.categoryId;
  const categoryId = typeof rawCategory === 'number' ? String(rawCategory) : asString(rawCategory);
  if ((categoryId === undefined && requireCategory) || (categoryId !== undefined && !(categoryId in ASSIGNABLE_CATEGORIES))) {
    throw errors.video(
      'invalidCategoryId',
      'The <code>snippet.categoryId</code> property specifies an invalid category ID. Use the <code>videoCategories.list</code> method to retrieve supported categories.',
    );
  }
  const out: VideoSnippetInput = { title, description, tags, categoryId: categoryId ?? DEFAULT_CATEGORY };
  const defaultLanguage = asString(s.defaultLanguage);
  if (defaultLanguage) out.defaultLanguage = defaultLanguage;
  const defaultAudioLanguage = asString(s.defaultAudioLanguage);
  if (defaultAudioLanguage) out.defaultAudioLanguage = defaultAudioLanguage;
  return out;
}

export function validateVideoStatus(raw: unknown): VideoStatusInput {
  const s = asObject(raw);
  const out: VideoStatusInput = { license: 'youtube', embeddable: true, publicStatsViewable: true };
  if (s.privacyStatus !== undefined) {
    const p = asString(s.privacyStatus);
    if (p === undefined || !PRIVACY.includes(p)) throw errors.video('invalidVideoMetadata', 'The request metadata is invalid.');
    out.privacyStatus = p as PrivacyStatus;
  }
  if (s.license !== undefined) {
    if (s.license !== 'youtube' && s.license !== 'creativeCommon') throw errors.video('invalidVideoMetadata', 'The request metadata is invalid.');
    out.license = s.license;
  }
  if (typeof s.embeddable === 'boolean') out.embeddable = s.embeddable;
  if (typeof s.publicStatsViewable === 'boolean') out.publicStatsViewable = s.publicStatsViewable;
  if (typeof s.selfDeclaredMadeForKids === 'boolean') out.selfDeclaredMadeForKids = s.selfDeclaredMadeForKids;
  if (s.publishAt !== undefined && s.publishAt !== null) {
    const publishAt = asString(s.publishAt);
    if (publishAt === undefined || Number.isNaN(Date.parse(publishAt))) {
      throw errors.video('invalidPublishAt', 'The request metadata specifies an invalid scheduled publishing time.');
    }
    out.publishAt = new Date(publishAt).toISOString();
  }
  if (out.publishAt !== undefined && out.privacyStatus !== undefined && out.privacyStatus !== 'private') {
    // YouTube only schedules private videos.
    throw errors.video('invalidPublishAt', 'The request metadata specifies an invalid scheduled publishing time.');
  }
  return out;
}

export function validatePlaylistSnippet(raw: unknown): { title: string; description: string; defaultLanguage?: string } {
  const s = asObject(raw);
  const title = asString(s.title) ?? '';
  if (title.trim().length === 0) {
    throw errors.playlist('playlistTitleRequired', 'The request must specify a playlist title.');
  }
  const description = asString(s.description) ?? '';
  if (
    charCount(title) > LIMITS.playlistTitleChars ||
    Buffer.byteLength(description, 'utf8') > LIMITS.playlistDescriptionBytes ||
    /[<>]/.test(description)
  ) {
    throw errors.playlist('invalidPlaylistSnippet', 'The request provides an invalid playlist snippet.');
  }
  const out: { title: string; description: string; defaultLanguage?: string } = { title, description };
  const defaultLanguage = asString(s.defaultLanguage);
  if (defaultLanguage) out.defaultLanguage = defaultLanguage;
  return out;
}

export function validatePlaylistPrivacy(raw: unknown): PrivacyStatus {
  const s = asObject(raw);
  if (s.privacyStatus === undefined) return 'public';
  const p = asString(s.privacyStatus);
  if (p === undefined || !PRIVACY.includes(p)) throw errors.invalidValue('status.privacyStatus', String(s.privacyStatus));
  return p as PrivacyStatus;
}
