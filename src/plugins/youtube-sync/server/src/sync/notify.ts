import type { PluginConfig } from '../config';

/**
 * Whether an upload asks YouTube to notify the channel's subscribers. Only a story's first publication by an editor
 * does (the story was published, or edited while published, and never went up before); an import (stories created
 * already published), a re-sync, a reconcile repair, a retry by hand or a replaced file stays quiet — otherwise a
 * re-sync of 500 stories would notify every subscriber 500 times.
 */
const EDITOR_PUBLISH_ACTIONS = new Set(['publish', 'update']);

export interface UploadHistory {
  firstUploadAt?: string | null;
  lastSyncedAt?: string | null;
}

export function notifySubscribers(setting: PluginConfig['notifySubscribers'], jobReason: string | null, history: UploadHistory): boolean {
  return setting === 'first_publish' && jobReason !== null && EDITOR_PUBLISH_ACTIONS.has(jobReason) && !history.firstUploadAt && !history.lastSyncedAt;
}
