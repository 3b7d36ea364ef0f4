import fs from 'fs';
import type { Core } from '@strapi/strapi';
import type { YouTubeClient } from '../youtube/client';
import type { YouTubeError } from '../youtube/errors';
import { localPath } from './media';
import { captionHash, type DesiredState } from './plan';
import { saveState, type CaptionTrack, type SyncState } from './state';

const LANGUAGE_NAMES: Record<string, string> = {
  de: 'Deutsch', en: 'English', ar: 'العربية', fa: 'فارسی', ps: 'پښتو', ku: 'Kurdî', ti: 'ትግርኛ', so: 'Soomaali', uk: 'Українська', ru: 'Русский', tr: 'Türkçe', fr: 'Français',
};

/** A caption file's type for YouTube: WebVTT or SubRip, judged by the file's own first line, not its name. */
function captionMime(path: string): string {
  const head = fs.readFileSync(path, { encoding: 'utf8' }).slice(0, 16).replace(/^\uFEFF/, '');
  return head.startsWith('WEBVTT') ? 'text/vtt' : 'application/x-subrip';
}

/**
 * Keeps one caption track per language in step with the story (captions are what BITV 2.0 asks of public video):
 * new language → insert, changed file → update, language gone → delete. Tracks are remembered by id and file hash,
 * so an unchanged story costs no captions.list call (50 units each).
 */
export async function syncCaptions(strapi: Core.Strapi, client: YouTubeClient, state: SyncState, desired: DesiredState, videoId: string) {
  const tracks: Record<string, CaptionTrack> = { ...(state.captions ?? {}) };
  const wanted = new Map(desired.captions.map((c) => [c.language, c]));
  for (const [language, track] of Object.entries(tracks)) {
    if (wanted.has(language)) continue;
    try {
      await client.deleteCaption(track.id);
    } catch (error) {
      if ((error as YouTubeError).status !== 404) throw error;
    }
    delete tracks[language];
    await saveState(strapi, state, { captions: tracks });
  }
  for (const [language, caption] of wanted) {
    const hash = captionHash(caption.file);
    if (tracks[language]?.hash === hash) continue;
    const path = await localPath(strapi, caption.file);
    const file = { path, mime: captionMime(path) };
    const existing = tracks[language];
    const result = existing ? await client.updateCaption(existing.id, file) : await client.insertCaption(videoId, language, LANGUAGE_NAMES[language] ?? language, file);
    tracks[language] = { id: (result.id as string) ?? existing?.id, hash };
    await saveState(strapi, state, { captions: tracks });
  }
}
