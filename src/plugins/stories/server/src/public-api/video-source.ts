import type { Core } from '@strapi/strapi';
import type { VideoSource } from '../../../../../shared/public-api';

/**
 * Where the public API reads story videos and the channel's playlists (src/shared/public-api.ts says what it reads):
 * registered by the plugin that keeps them, so the stories need not know the YouTube sync.
 */

// In a global slot, as the runtimes (runtime.ts): scripts and tests load the sources while the app runs the compiled copy.
const REGISTRY = Symbol.for('zusammen-mehr.public-api.video-sources');
const slots = globalThis as { [REGISTRY]?: WeakMap<Core.Strapi, VideoSource> };
const sources = (slots[REGISTRY] ??= new WeakMap<Core.Strapi, VideoSource>());

export function useVideoSource(strapi: Core.Strapi, source: VideoSource) {
  sources.set(strapi, source);
}

export function videoSourceOf(strapi: Core.Strapi): VideoSource {
  const source = sources.get(strapi);
  if (!source) throw new Error('public API: no video source is registered (the youtube-sync plugin registers its sync state and playlists)');
  return source;
}
