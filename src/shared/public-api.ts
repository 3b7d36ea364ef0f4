/**
 * What other plugins hand to the stories' public API (`strapi.plugin('stories').service('public-api')`): types only.
 */

/** What a browser on another site may send to a path, as the answer to its preflight says. */
export interface CorsAccess {
  methods: string;
  requestHeaders: string;
}

/**
 * The write access of an API that lives under /api/v1 besides the read-only public API (the submissions'): given a
 * canonical request target, its access, or undefined when the path is not that API's.
 */
export type WriteAccessRule = (target: string) => CorsAccess | undefined;

/**
 * Where the public API reads the YouTube side of the stories: two content types with the attributes it names. The
 * public API defines what it reads; the plugin that keeps these rows (youtube-sync) says where, at register time.
 */
export interface VideoSource {
  /** Per story: `storyDocumentId`, `youtubeVideoId`, `privacyStatus` and `status` of its video on YouTube. */
  videoStateUid: string;
  /** The channel's playlists: `key`, `youtubePlaylistId` and `title`. */
  playlistUid: string;
}

export interface PublicApiRegistrations {
  /** Registers a rule for the preflights the front layer answers; paths no rule claims are read-only. */
  allowWrites(rule: WriteAccessRule): void;
  /** Says where the videos and playlists are; the public API starts only once one source is registered. */
  useVideoSource(source: VideoSource): void;
}
