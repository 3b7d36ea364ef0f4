import type { Core } from '@strapi/strapi';
import type { PluginConfig } from '../config';
import { systemClock, type Clock } from '../../../../../shared/clock';
import { createYouTubeClient, type YouTubeClient } from '../youtube/client';
import { classify, YouTubeError } from '../youtube/errors';
import { createQuotaLedger } from '../youtube/quota';
import { syncStory, type SyncResult } from './apply';
import { fenceState, saveState, stateOf } from './state';
import { MediaFileMissingError } from './media';
import { claim } from '../sync-jobs/claim';
import { fencedClient } from '../sync-jobs/fenced-client';
import { background, isLeaseLost, leaseQueue } from '../dependencies';
import { complete } from '../sync-jobs/complete';
import { releaseJob } from '../sync-jobs/release';
import { fail, outcomeFor } from '../sync-jobs/fail';
import { failureReasonOf } from './failure-reason';
import { JOB_QUEUE, jobLabel, type SyncJob } from '../sync-jobs/jobs';
import { effectiveConfig } from '../config/effective-config';
import { syncJobSeconds } from '../metrics';

/** Human-readable reasons for the editors (German), by error kind. */
const EDITOR_HINTS: Record<string, string> = {
  quota: 'Das tägliche YouTube-Kontingent ist aufgebraucht. Der Auftrag läuft automatisch nach Mitternacht (pazifische Zeit) weiter.',
  auth:
    'Die Verbindung zum YouTube-Kanal ist abgelaufen oder wurde widerrufen – bitte den Kanal neu verbinden. ' +
    'Häufige Ursache: Ein Google-Projekt im Modus „Testing“ stellt Refresh-Tokens aus, die nach 7 Tagen ablaufen.',
};

export interface RunSummary {
  processed: number;
  results: Record<string, number>;
}

export function createSyncRunner(strapi: Core.Strapi, baseConfig: PluginConfig, clock: Clock = systemClock) {
  const ledger = createQuotaLedger(strapi, clock.now, baseConfig);
  const jobSeconds = syncJobSeconds(strapi);
  let claiming = true;
  let running: SyncJob | null = null;

  /** Records a failed run on the job and the story's state, as long as this worker still holds the job. */
  async function recordFailure(job: SyncJob, raw: unknown, config: PluginConfig) {
    const classified = classify(raw);
    // A file missing on disk does not come back by waiting: an editor has to upload it again.
    const error = raw instanceof MediaFileMissingError ? new YouTubeError(classified.message, 'permanent') : classified;
    const outcome = outcomeFor(error, job, clock.now(), config, clock.random);
    const message = EDITOR_HINTS[error.kind] ? `${EDITOR_HINTS[error.kind]} (${error.message})` : error.message;
    if (!(await fail(strapi, job, outcome, { kind: error.kind, reason: failureReasonOf(raw, error), message }, clock.now()))) return;
    const state = { ...(await stateOf(strapi, job.storyDocumentId)), lockToken: job.lockToken };
    const stateStatus = outcome.status === 'pending' ? 'pending' : outcome.status === 'waiting_for_quota' || outcome.status === 'needs_reconnect' ? outcome.status : 'failed';
    await saveState(strapi, state, { status: stateStatus, lastError: message.slice(0, 2000) }).catch((lost: unknown) => {
      if (!isLeaseLost(lost)) throw lost;
    });
    strapi.log.warn(`YouTube sync of story ${job.storyDocumentId} → ${outcome.status}: ${error.message}`);
  }

  async function runJob(job: SyncJob, client: () => YouTubeClient, config: PluginConfig): Promise<SyncResult | 'failed' | 'lease_lost'> {
    const lease = leaseQueue(strapi).holdLease(JOB_QUEUE, job, jobLabel(job.storyDocumentId), clock.now, config.leaseMs);
    try {
      const ctx = { strapi, client: fencedClient(client(), lease.assert), config, now: clock.now, lockToken: job.lockToken, reason: job.reason };
      const result = await syncStory(ctx, job.storyDocumentId);
      await complete(strapi, job, clock.now());
      return result;
    } catch (raw) {
      if (isLeaseLost(raw)) {
        // Another worker runs the story now; whatever this one would record could only overwrite that one's work.
        strapi.log.warn(`YouTube sync of story ${job.storyDocumentId}: ${(raw as Error).message}`);
        return 'lease_lost';
      }
      await recordFailure(job, raw, config);
      return 'failed';
    } finally {
      lease.stop();
    }
  }

  /** Runs due jobs until none is left (or `limit` reached). Safe to call from several instances at once. */
  async function drain(limit = Infinity): Promise<RunSummary> {
    const summary: RunSummary = { processed: 0, results: {} };
    // The channel connected and the settings saved in the admin apply from the next drain on, on every instance.
    const config = await effectiveConfig(strapi, baseConfig);
    // One client (and so one access token) per drain, built only when a job needs it.
    let client: YouTubeClient | undefined;
    const lazyClient = () => (client ??= createYouTubeClient({ ...config, ledger }));
    while (claiming && summary.processed < limit) {
      const job = await claim(strapi, clock.now(), { ...config, fence: (claimed, written) => fenceState(strapi, claimed, written) });
      if (!job) break;
      running = job;
      const timer = jobSeconds.startTimer();
      const result = await runJob(job, lazyClient, config).finally(() => {
        running = null;
      });
      timer({ result });
      summary.processed += 1;
      summary.results[result] = (summary.results[result] ?? 0) + 1;
    }
    return summary;
  }

  return {
    drain,
    ledger,
    /** No job is claimed after this (the instance shuts down); the job under way runs on. */
    stopClaiming() {
      claiming = false;
    },
    /** The job under way goes back to the queue for another instance; false when there is none or it was lost. */
    releaseRunning(): Promise<boolean> {
      return running ? releaseJob(strapi, running, clock.now()) : Promise.resolve(false);
    },
  };
}

/** The in-server worker: polls for due jobs every `intervalMs`; one drain at a time per instance. */
export function startWorker(strapi: Core.Strapi, config: PluginConfig, clock: Clock = systemClock) {
  const runner = createSyncRunner(strapi, config, clock);
  const task = background(strapi).startRepeatingTask('YouTube sync worker', config.intervalMs, () => runner.drain());
  return {
    stop: () => {
      runner.stopClaiming();
      return task.stop();
    },
    stopClaiming: runner.stopClaiming,
    releaseRunning: runner.releaseRunning,
  };
}
