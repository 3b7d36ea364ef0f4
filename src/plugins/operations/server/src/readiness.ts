import fs from 'fs';
import path from 'path';
import type { Core } from '@strapi/strapi';
import type { ReadinessCheck, ReadinessService } from '../../../../shared/operations';

/**
 * Whether this instance can serve: the database answers, what the plugins registered answers (Redis, when one is
 * configured), and the folders that uploads are written to (the public uploads and those the plugins registered) are
 * writable. Each check has its own time limit, so a hanging dependency makes the
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

interface Registered {
  checks: ReadinessCheck[];
  directories: (() => string)[];
}

const registered = new WeakMap<Core.Strapi, Registered>();

function registeredOf(strapi: Core.Strapi): Registered {
  let found = registered.get(strapi);
  if (!found) {
    found = { checks: [], directories: [] };
    registered.set(strapi, found);
  }
  return found;
}

/** What the plugins add to the readiness answer, at register or bootstrap time. */
export const readinessRegistry = (strapi: Core.Strapi): ReadinessService => ({
  registerCheck: (check) => void registeredOf(strapi).checks.push(check),
  registerWritableDirectory: (directory) => void registeredOf(strapi).directories.push(directory),
});

/** The local folders this instance writes uploads to; shared storage when several instances run. */
function storageDirectories(strapi: Core.Strapi): string[] {
  return [...registeredOf(strapi).directories.map((directory) => directory()), path.join(strapi.dirs.static.public, 'uploads')];
}

export async function checkReadiness(strapi: Core.Strapi, shuttingDown: boolean): Promise<Readiness> {
  const { checks } = registeredOf(strapi);
  const [database, storage, ...registeredStates] = await Promise.all([
    withTimeout(strapi.db.connection.raw('SELECT 1'), 'the database'),
    withTimeout(writable(storageDirectories(strapi)), 'the upload storage'),
    ...checks.map(({ what, check }) => {
      const work = check();
      return work ? withTimeout(work, what) : Promise.resolve<ComponentState>('not configured');
    }),
  ]);
  const components: Record<string, ComponentState> = {
    database,
    ...Object.fromEntries(checks.map(({ component }, index) => [component, registeredStates[index]])),
    storage,
    shutdown: shuttingDown ? 'shutting down' : 'ok',
  };
  const ready = Object.values(components).every((state) => state === 'ok' || state === 'not configured');
  return { ready, components };
}
