import type { PluginConfig } from '../config';

/**
 * Links an editor can open. Against Google they go to youtube.com; against the local emulator (demo, tests) to
 * its channel page, which shows every video and playlist.
 */
const isGoogle = (config: PluginConfig) => /(^|\.)googleapis\.com$/.test(new URL(config.apiRoot).hostname);

export const videoUrl = (config: PluginConfig, videoId: string) =>
  isGoogle(config) ? `https://www.youtube.com/watch?v=${encodeURIComponent(videoId)}` : `${config.apiRoot.replace(/\/$/, '')}/?v=${encodeURIComponent(videoId)}`;

export const playlistUrl = (config: PluginConfig, playlistId: string) =>
  isGoogle(config) ? `https://www.youtube.com/playlist?list=${encodeURIComponent(playlistId)}` : `${config.apiRoot.replace(/\/$/, '')}/?list=${encodeURIComponent(playlistId)}`;

export const channelUrl = (config: PluginConfig, channelId: string) =>
  isGoogle(config) ? `https://www.youtube.com/channel/${encodeURIComponent(channelId)}` : `${config.apiRoot.replace(/\/$/, '')}/`;
