import fs from 'fs';
import path from 'path';
import type { Core } from '@strapi/strapi';
import { runtimeOf } from '../../../stories/server/src/public-api/runtime';
import { submissionSettings } from '../../../submissions/server/src/intake/settings';
import { mediaPrivacySettings } from '../../../stories/server/src/media-privacy/settings';

/**
 * Whether this instance can serve: the database answers, Redis answers when one is configured, and the folders that
 * uploads are written to are writable. Each check has its own time limit, so a hanging dependency makes the
 * instance "not ready" instead of making the readiness check hang. While the instance shuts down it is not ready.
 */

const CHECK_TIMEOUT_MS = 2000;

export type ComponentState = 'ok' | 'not configured' | string;

export interface Readiness {
  ready: boolean;
  components: Record<string, ComponentState>;
}

function withTimeout(work: Promise<unknown>, what: string): Promise<ComponentState> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<ComponentState>((resolve) => {
    timer = setTimeout(() => resolve(`${what} did not answer within ${CHECK_TIMEOUT_MS} ms`), CHECK_TIMEOUT_MS);
  });
  const answer = work.then(
    (): ComponentState => 'ok',
    (error: Error): ComponentState => `${what} failed: ${error.message}`
  );
  return Promise.race([answer, timeout]).finally(() => clearTimeout(timer));
}

async function writable(directories: string[]): Promise<void> {
  for (const directory of directories) {
    try {
      await fs.promises.access(directory, fs.constants.W_OK);
    } catch (error) {
      throw new Error(`${directory} is not writable (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`);
    }
  }
}

/** The local folders this instance writes uploads to; shared storage when several instances run. */
function storageDirectories(strapi: Core.Strapi): string[] {
  return [submissionSettings(strapi).uploadDir, mediaPrivacySettings(strapi).privateDir, path.join(strapi.dirs.static.public, 'uploads')];
}

export async function checkReadiness(strapi: Core.Strapi, shuttingDown: boolean): Promise<Readiness> {
  const publicApi = runtimeOf(strapi);
  const redisConfigured = publicApi.limits.backend === 'redis';
  const [database, redis, storage] = await Promise.all([
    withTimeout(strapi.db.connection.raw('SELECT 1'), 'the database'),
    redisConfigured ? withTimeout(publicApi.limits.ping(), 'Redis') : Promise.resolve<ComponentState>('not configured'),
    withTimeout(writable(storageDirectories(strapi)), 'the upload storage'),
  ]);
  const components: Record<string, ComponentState> = { database, redis, storage, shutdown: shuttingDown ? 'shutting down' : 'ok' };
  const ready = Object.values(components).every((state) => state === 'ok' || state === 'not configured');
  return { ready, components };
}
