import type { Core } from '@strapi/strapi';
import { pluginConfig } from '../utils/plugin-config';
import { connectionSummary, connectWithRefreshToken, disconnect, saveClient, testConnection } from './connection';
import type { OAuthClientCredentials } from '../config/credentials';
import { finishConnecting, settingsPageUrl, startConnecting, type AdminUser, type CallbackQuery } from './oauth';
import { playlistsView } from './playlists-view';
import { previewDescription, previewStories } from './preview';
import { queueView } from './queue-view';
import { startResync } from './resync';
import { retryAllFailed, syncStoryNow } from './retry';
import { DESCRIPTION_PLACEHOLDERS, readSettings, resetSettings, saveSettings } from '../config/settings';
import { syncStatus } from './status';
import { storyBadges, storyStatus } from './story-status';

/** The plugin's admin API as one service: each method is one use case of the dashboard, settings or side panel. */
const adminApiService = ({ strapi }: { strapi: Core.Strapi }) => {
  const config = () => pluginConfig(strapi);
  const now = () => new Date();
  return {
    status: () => syncStatus(strapi, config(), now),
    queue: () => queueView(strapi),
    playlists: () => playlistsView(strapi, config()),
    storyStatus: (documentId: string) => storyStatus(strapi, config(), documentId),
    storyBadges: (documentIds: string[]) => storyBadges(strapi, documentIds),
    syncStory: (documentId: string) => syncStoryNow(strapi, documentId, 'manual', now()),
    retryStory: (documentId: string) => syncStoryNow(strapi, documentId, 'retry', now()),
    retryAllFailed: () => retryAllFailed(strapi, now()),
    startResync: (startedBy: string | null) => startResync(strapi, startedBy, now()),

    connection: () => connectionSummary(strapi, config()),
    saveClient: (input: unknown) => saveClient(strapi, config(), input),
    testConnection: () => testConnection(strapi, config(), now),
    disconnect: () => disconnect(strapi, config()),
    startConnecting: (user: AdminUser) => startConnecting(strapi, config(), user, now()),
    /** Returns the admin page to send the browser to. */
    finishConnecting: async (query: CallbackQuery) => settingsPageUrl(strapi, await finishConnecting(strapi, config(), query, now)),
    /** For scripts (the demo): connect with a refresh token obtained elsewhere. */
    connectWithRefreshToken: (credentials: OAuthClientCredentials & { refreshToken: string }, connectedBy: string | null) =>
      connectWithRefreshToken(strapi, config(), credentials, connectedBy, now),

    settings: async () => ({ ...(await readSettings(strapi, config())), placeholders: DESCRIPTION_PLACEHOLDERS }),
    saveSettings: (input: unknown, updatedBy: string | null) => saveSettings(strapi, input, updatedBy, now()),
    resetSettings: () => resetSettings(strapi),
    preview: (input: unknown) => previewDescription(strapi, input),
    previewStories: () => previewStories(strapi),
  };
};

export default adminApiService;
export type AdminApiService = ReturnType<typeof adminApiService>;
