import crypto from 'crypto';
import type { PluginConfig } from '../config';
import { buildTags, renderDescription, uploadMarker, youtubeSafe } from './description';
import type { MediaFile, StorySnapshot } from './load-story';

/** The YouTube state a published story should have. Pure: no I/O, so it can be hashed and unit-tested. */
export interface DesiredPlaylist {
  key: string;
  title: string;
}

export interface DesiredState {
  video: { source: 'adopted'; id: string } | { source: 'upload'; file: MediaFile } | null;
  metadata: {
    snippet: { title: string; description: string; tags: string[]; categoryId: string; defaultLanguage?: string; defaultAudioLanguage?: string };
    status: { privacyStatus: string; selfDeclaredMadeForKids: boolean; embeddable: boolean };
  };
  thumbnail: MediaFile | null;
  playlists: DesiredPlaylist[];
  /** One caption track per language; a later file for the same language wins. */
  captions: { language: string; file: MediaFile }[];
  marker: string;
}

const YOUTUBE_LANGUAGES = new Set(['de', 'en', 'ar', 'fa', 'ps', 'ku', 'ti', 'so', 'uk', 'ru', 'tr', 'fr']);

const fill = (pattern: string, name: string) => youtubeSafe(pattern.replace('{name}', name)).slice(0, 150);

/** A switched-off kind of playlist is left out, so the next sync takes the story's video out of those playlists. */
export function desiredPlaylists(story: StorySnapshot, titles: PluginConfig['playlistTitles'], kinds: PluginConfig['playlistKinds']): DesiredPlaylist[] {
  return [
    ...(kinds.channel ? [{ key: 'channel', title: youtubeSafe(titles.channel).slice(0, 150) }] : []),
    ...(kinds.region && story.region ? [{ key: `region:${story.region.slug}`, title: fill(titles.region, story.region.name) }] : []),
    ...(kinds.theme ? story.themes.map((t) => ({ key: `theme:${t.slug}`, title: fill(titles.theme, t.name) })) : []),
    ...(kinds.project && story.project ? [{ key: `project:${story.project.slug}`, title: fill(titles.project, story.project.name) }] : []),
  ];
}

/** `publicUrl`: the site's address (the stories' PUBLIC_URL), for the link to the story in the description. */
export function planStory(story: StorySnapshot, config: PluginConfig, publicUrl: string): DesiredState {
  const marker = uploadMarker(story.documentId);
  const language = story.language && YOUTUBE_LANGUAGES.has(story.language) ? story.language : undefined;
  let video: DesiredState['video'] = null;
  if (story.youtubeVideoId) video = { source: 'adopted', id: story.youtubeVideoId };
  else if (story.video) video = { source: 'upload', file: story.video };
  return {
    video,
    marker,
    metadata: {
      snippet: {
        title: youtubeSafe(story.title).slice(0, 100),
        description: renderDescription(config.descriptionTemplate, story, publicUrl),
        tags: buildTags(story, marker),
        categoryId: config.categoryId,
        ...(language && { defaultLanguage: 'de', defaultAudioLanguage: language }),
      },
      status: { privacyStatus: config.defaultPrivacy, selfDeclaredMadeForKids: false, embeddable: true },
    },
    thumbnail: story.cover,
    playlists: desiredPlaylists(story, config.playlistTitles, config.playlistKinds),
    captions: [...new Map(story.captions.filter((c) => c.file).map((c) => [c.language, { language: c.language, file: c.file as MediaFile }])).values()],
  };
}

const sha = (value: unknown) => crypto.createHash('sha256').update(JSON.stringify(value)).digest('hex');

export const metadataHash = (desired: DesiredState) => sha(desired.metadata);
export const videoSource = (desired: DesiredState): string | null =>
  desired.video && (desired.video.source === 'adopted' ? `adopted:${desired.video.id}` : `upload:${desired.video.file.hash}`);

export const captionHash = (file: MediaFile) => sha([file.hash, file.size]);

export const thumbnailHash = (desired: DesiredState) => (desired.thumbnail ? sha([desired.thumbnail.hash, desired.thumbnail.size]) : null);

/** Everything that, when changed, needs a call to YouTube; equal hashes mean a sync may make no write. */
export const desiredHash = (desired: DesiredState) =>
  sha({
    video: desired.video && (desired.video.source === 'adopted' ? desired.video : { upload: desired.video.file.hash }),
    metadata: desired.metadata,
    thumbnail: thumbnailHash(desired),
    playlists: desired.playlists,
    captions: desired.captions.map((c) => [c.language, captionHash(c.file)]),
  });
