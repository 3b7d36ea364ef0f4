import os from 'os';
import type { Core } from '@strapi/strapi';
import { reportSettings } from '../settings';
import { claimExport } from './claim';
import { runExport } from './run';
import { expireExports } from './sweep';

/**
 * The background loop of report exports. Every instance polls; the database decides which one makes a given
 * export (claim.ts). A new export also wakes the loop of the instance that received the request, so it starts
 * at once instead of at the next poll — an optimisation only: nothing depends on that instance's memory.
 */

export const instanceName = () => `${os.hostname()}:${process.pid}`;

/** Expires old downloads, then makes due exports one after another until none is left (or `claiming` says stop). */
export async function runDueExports(strapi: Core.Strapi, now: () => Date = () => new Date(), claiming: () => boolean = () => true): Promise<number> {
  const settings = reportSettings(strapi.dirs.app.root);
  await expireExports(strapi, settings, now());
  let ran = 0;
  while (claiming()) {
    const job = await claimExport(strapi, now(), settings.leaseMs, instanceName());
    if (!job) return ran;
    await runExport(strapi, job, settings, now);
    ran += 1;
  }
  return ran;
}

interface LoopState {
  running: Promise<void> | null;
  again: boolean;
  stopped: boolean;
}

const states = new WeakMap<Core.Strapi, LoopState>();

/** Runs due exports now, or once more after the current run when one is already going (no export waits for a poll). */
export function wakeExports(strapi: Core.Strapi): Promise<void> {
  const state = states.get(strapi) ?? { running: null, again: false, stopped: false };
  states.set(strapi, state);
  if (state.stopped) return Promise.resolve();
  if (state.running) {
    state.again = true;
    return state.running;
  }
  const run = async () => {
    do {
      state.again = false;
      await runDueExports(strapi, undefined, () => !state.stopped).catch((error) => strapi.log.error(`Report exports: ${(error as Error).message}`));
    } while (state.again && !state.stopped);
  };
  state.running = run().finally(() => {
    state.running = null;
  });
  return state.running;
}

export function startExportLoop(strapi: Core.Strapi) {
  const { pollMs } = reportSettings(strapi.dirs.app.root);
  const timer = setInterval(() => void wakeExports(strapi), pollMs);
  timer.unref();
  /** No export is started after this (the instance shuts down); the one under way is finished. */
  const stopClaiming = () => {
    clearInterval(timer);
    const state = states.get(strapi) ?? { running: null, again: false, stopped: true };
    state.stopped = true;
    states.set(strapi, state);
  };
  return {
    stopClaiming,
    async stop() {
      stopClaiming();
      await states.get(strapi)?.running;
    },
  };
}

export type ExportLoop = ReturnType<typeof startExportLoop>;
