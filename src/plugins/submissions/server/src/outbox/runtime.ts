import type { Core } from '@strapi/strapi';
import { background } from '../dependencies';
import { deliverDueMails } from './delivery';
import { outboxMails } from './mails';
import { registerWaker, unregisterWaker } from './wake';

/**
 * The outbox worker of one instance: a delivery pass when woken (right after a mail was queued and committed) and
 * every POLL_MS (retries, mails queued by other instances, leases of dead instances), never two passes at once;
 * and a daily sweep that deletes rows sent or failed more than RETENTION_DAYS ago. Stopping waits for the mail
 * under way; the others stay pending in the database.
 */

const POLL_MS = 15 * 1000;
const SWEEP_MS = 24 * 3600 * 1000;
const RETENTION_DAYS = 30;

export interface OutboxWorker {
  stop(): Promise<void>;
}

const workers = new WeakMap<Core.Strapi, OutboxWorker>();

export async function sweepOutbox(strapi: Core.Strapi, now = new Date()): Promise<number> {
  const before = new Date(now.getTime() - RETENTION_DAYS * 24 * 3600 * 1000).toISOString();
  const { count } = await outboxMails(strapi).deleteMany({ where: { status: { $in: ['sent', 'failed'] }, finishedAt: { $lt: before } } });
  return count;
}

export function startOutbox(strapi: Core.Strapi): OutboxWorker {
  const existing = workers.get(strapi);
  if (existing) return existing;
  let stopped = false;
  let running: Promise<void> | null = null;
  let again = false;
  const pass = () => {
    if (stopped) return;
    if (running) {
      again = true;
      return;
    }
    running = (async () => {
      do {
        again = false;
        await deliverDueMails(strapi, { stopped: () => stopped });
      } while (again && !stopped);
    })()
      .catch((error) => {
        strapi.log.error(`Outbox: delivery pass failed: ${(error as Error).message}`);
      })
      .finally(() => {
        running = null;
      });
  };
  const timer = setInterval(pass, POLL_MS);
  timer.unref();
  const sweep = background(strapi).startRepeatingTask('Outbox: deleting old sent and failed mails', SWEEP_MS, () => sweepOutbox(strapi));
  const worker: OutboxWorker = {
    async stop() {
      stopped = true;
      clearInterval(timer);
      workers.delete(strapi);
      unregisterWaker(strapi);
      await sweep.stop();
      await running;
    },
  };
  workers.set(strapi, worker);
  registerWaker(strapi, pass);
  pass();
  return worker;
}

export async function stopOutbox(strapi: Core.Strapi) {
  await workers.get(strapi)?.stop();
}
