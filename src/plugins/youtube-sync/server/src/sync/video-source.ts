import type { Core } from '@strapi/strapi';
import { publicApi } from '../dependencies';
import { PLAYLIST, STATE } from './state';

/** The public API shows each story's video and the channel's playlists from the rows the sync keeps. */
export function offerVideosToPublicApi(strapi: Core.Strapi) {
  publicApi(strapi).useVideoSource({ videoStateUid: STATE, playlistUid: PLAYLIST });
}
