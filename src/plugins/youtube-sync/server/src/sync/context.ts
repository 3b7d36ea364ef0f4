import type { Core } from '@strapi/strapi';
import type { PluginConfig } from '../config';
import type { YouTubeClient } from '../youtube/client';

export interface SyncContext {
  strapi: Core.Strapi;
  /** Checks the job's lease before every call (see queue/fenced-client.ts). */
  client: YouTubeClient;
  config: PluginConfig;
  now: () => Date;
  /** The job's lock token: the story's sync state is written only while it still carries it. */
  lockToken: string | null;
  /** Why the job was queued (publish, update, create, resync, reconcile …): decides whether subscribers are notified. */
  reason: string | null;
}
