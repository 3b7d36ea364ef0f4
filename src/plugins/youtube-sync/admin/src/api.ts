import * as React from 'react';
import { useFetchClient } from '@strapi/strapi/admin';
import type {
  ConnectionSummary,
  ConnectionTest,
  DescriptionPreview,
  EditorSettings,
  PlaylistView,
  QueueView,
  ResyncProgress,
  SettingsView,
  StoryStatusView,
  SyncStatus,
} from './api-types';

const BASE = '/youtube-sync';

/** Every call the plugin's pages make, all to the plugin's own admin routes. */
export function useYouTubeSyncApi() {
  const { get, post, put, del } = useFetchClient();
  return React.useMemo(
    () => ({
      status: () => get<SyncStatus>(`${BASE}/status`).then((r) => r.data),
      queue: () => get<QueueView>(`${BASE}/queue`).then((r) => r.data),
      playlists: () => get<{ playlists: PlaylistView[] }>(`${BASE}/playlists`).then((r) => r.data.playlists),
      story: (documentId: string) => get<StoryStatusView>(`${BASE}/stories/${documentId}`).then((r) => r.data),
      syncStory: (documentId: string) => post<StoryStatusView>(`${BASE}/stories/${documentId}/sync`).then((r) => r.data),
      retryStory: (documentId: string) => post<StoryStatusView>(`${BASE}/stories/${documentId}/retry`).then((r) => r.data),
      retryAllFailed: () => post<{ count: number }>(`${BASE}/retry-failed`).then((r) => r.data),
      startResync: () => post<ResyncProgress>(`${BASE}/resync`).then((r) => r.data),

      connection: () => get<ConnectionSummary>(`${BASE}/connection`).then((r) => r.data),
      saveClient: (clientId: string, clientSecret: string) => put<ConnectionSummary>(`${BASE}/connection/client`, { clientId, clientSecret }).then((r) => r.data),
      testConnection: () => post<ConnectionTest>(`${BASE}/connection/test`).then((r) => r.data),
      disconnect: () => del<{ revoked: boolean; connection: ConnectionSummary }>(`${BASE}/connection`).then((r) => r.data),
      startConnecting: () => get<{ url: string }>(`${BASE}/oauth/start`).then((r) => r.data.url),

      settings: () => get<SettingsView>(`${BASE}/settings`).then((r) => r.data),
      saveSettings: (settings: EditorSettings) => put<SettingsView>(`${BASE}/settings`, settings).then((r) => r.data),
      resetSettings: () => del<SettingsView>(`${BASE}/settings`).then((r) => r.data),
      /** `story`: a document id, 'sample' for the built-in sample story, or undefined for the latest published one. */
      preview: (template: string, story?: string) =>
        post<DescriptionPreview>(`${BASE}/settings/preview`, story === 'sample' ? { template, sample: true } : { template, documentId: story }).then((r) => r.data),
      previewStories: () => get<{ stories: { documentId: string; title: string }[] }>(`${BASE}/settings/preview-stories`).then((r) => r.data.stories),
    }),
    [get, post, put, del]
  );
}

