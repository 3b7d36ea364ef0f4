import type { Core } from '@strapi/strapi';
import { claimNext, release, type LeasedRow, type LeaseQueue } from '../lease-queue/lease-queue';
import { startRepeatingTask } from './repeating-task';
import type { Clock } from '../../../../../shared/clock';
import type { Schedule } from '../../../../../shared/operations';

export const SCHEDULED_RUN = 'plugin::operations.scheduled-run';

export type { Schedule };

/** How often each instance asks whether a run is due: one small UPDATE, while the run itself happens once. */
const CHECK_EVERY_MS = 60_000;

const runs = (strapi: Core.Strapi) => strapi.db.query(SCHEDULED_RUN);

/** The schedule's row, due at once when first created; the unique name lets only one instance create it. */
async function ensureRow(strapi: Core.Strapi, name: string, now: Date) {
  if (await runs(strapi).findOne({ where: { name }, select: ['id'] })) return;
  try {
    await runs(strapi).create({ data: { name, nextRunAt: now.toISOString() } });
  } catch (error) {
    if (!(await runs(strapi).findOne({ where: { name }, select: ['id'] }))) {
      throw new Error(`could not record the scheduled run "${name}": ${(error as Error).message}`);
    }
  }
}

const SCHEDULE_QUEUE: LeaseQueue = {
  uid: SCHEDULED_RUN,
  waiting: (at) => ({ lockToken: null, nextRunAt: { $lte: at } }),
  orderBy: [{ id: 'asc' }],
};

/**
 * Claims the current period's run: the schedule's row is due and free, or its holder's lease has run out. Of several
 * instances asking at once exactly one wins, and the claim moves the next run one period ahead, so a finished run
 * is not repeated by the others.
 */
async function claimRun(strapi: Core.Strapi, schedule: Schedule, now: Date): Promise<LeasedRow | null> {
  await ensureRow(strapi, schedule.name, now);
  return claimNext<LeasedRow>(strapi, SCHEDULE_QUEUE, {
    now,
    leaseMs: schedule.leaseMs,
    scope: { name: schedule.name },
    claimData: () => ({ lastRunAt: now.toISOString(), nextRunAt: new Date(now.getTime() + schedule.periodMs).toISOString() }),
  });
}

/** Releases the claim and records the outcome; a holder whose lease was taken over changes nothing. */
async function finishRun(strapi: Core.Strapi, claim: LeasedRow, now: Date, outcome: { result: unknown } | { error: string }) {
  await release(strapi, SCHEDULE_QUEUE, claim, {
    lastFinishedAt: now.toISOString(),
    ...('result' in outcome ? { lastResult: outcome.result, lastError: null } : { lastError: outcome.error.slice(0, 2000) }),
  });
}

/** Runs `task` if this instance wins the current period's claim; null when the run is not due or another has it. */
export async function runOncePerPeriod<T>(strapi: Core.Strapi, schedule: Schedule, clock: Clock, task: () => Promise<T>): Promise<T | null> {
  const claim = await claimRun(strapi, schedule, clock.now());
  if (!claim) return null;
  try {
    const result = await task();
    await finishRun(strapi, claim, clock.now(), { result });
    return result;
  } catch (error) {
    await finishRun(strapi, claim, clock.now(), { error: (error as Error).message });
    throw error;
  }
}

/** The in-server timer: every instance checks regularly, the database decides which one runs. */
export function startSchedule(strapi: Core.Strapi, schedule: Schedule, clock: Clock, task: () => Promise<unknown>) {
  return startRepeatingTask(strapi, `Scheduled run "${schedule.name}"`, Math.min(schedule.periodMs, CHECK_EVERY_MS), () =>
    runOncePerPeriod(strapi, schedule, clock, task)
  );
}

export type ScheduleHandle = ReturnType<typeof startSchedule>;
