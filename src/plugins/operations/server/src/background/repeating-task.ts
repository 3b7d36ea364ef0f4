import type { Core } from '@strapi/strapi';

/**
 * Runs `task` every `intervalMs` without overlapping itself; `stop()` waits for a run in progress, so Strapi's
 * destroy never closes the database under a running task. The timer does not keep the process alive.
 */
export function startRepeatingTask(strapi: Core.Strapi, label: string, intervalMs: number, task: () => Promise<unknown>) {
  let busy: Promise<unknown> | null = null;
  let stopped = false;
  const tick = () => {
    if (busy || stopped) return;
    busy = task()
      .catch((error) => strapi.log.error(`${label}: ${(error as Error).message}`))
      .finally(() => {
        busy = null;
      });
  };
  const timer = setInterval(tick, intervalMs);
  timer.unref();
  return {
    async stop() {
      stopped = true;
      clearInterval(timer);
      await busy;
    },
  };
}
