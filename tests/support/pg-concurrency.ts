import path from 'path';
import type { Client as PgClient } from 'pg';
import { sharedModule } from './shared-modules';

/**
 * pg queues a query sent while its connection is busy and, once a query is already waiting in that queue, warns
 * ("Calling client.query() when the client is already executing a query"); pg 9 will refuse it. The app's
 * connections send one query at a time (src/one-query-at-a-time.ts), Strapi's own `Promise.all` inside a
 * transaction included. This check is stricter than pg's warning: any query that reaches pg while another runs on
 * its connection — from the app, Strapi or a test — fails the test file that sent it, naming the code and the
 * statements. scripts/test.js also fails the run when pg's warning is printed at all (by a child process, say).
 */

const appDir = path.resolve(__dirname, '..', '..') + path.sep;

type BusyClient = PgClient & { _activeQuery?: { text?: string }; _queryQueue?: unknown[] };

const sqlOf = (query: unknown) => String(typeof query === 'string' ? query : (query as { text?: string })?.text ?? '').slice(0, 90);
/** A frame in a file of this app (src, dist, tests), not of a package or of Node, nor of this check. */
const isOurs = (frame: string) => frame.includes(appDir) && !/node_modules|pg-concurrency/.test(frame);

/** The app's pg (tests/support/shared-modules.ts): its prototype is patched once per worker, each file counts its own. */
const { Client } = sharedModule<typeof import('pg')>('pg');
const { callFrames } = sharedModule<{ callFrames: (below: Function) => string[] }>('./tests/support/call-frames.js');
const PATCHED = Symbol.for('zusammen-mehr.pg-concurrency');
type Counted = { [PATCHED]?: { overlaps: Map<string, number> } };
const overlaps = new Map<string, number>();

/** Where the overlap comes from: the nearest frames of this app, or the nearest of all when none is ours. */
function callSite(stack: string[]): string {
  const ours = stack.filter(isOurs);
  return (ours.length ? ours : stack).slice(0, 3).join(' ← ');
}

const prototype = Client.prototype as typeof Client.prototype & Counted;
if (prototype[PATCHED]) {
  prototype[PATCHED].overlaps = overlaps;
} else {
  const counting = { overlaps };
  const original = prototype.query;
  prototype[PATCHED] = counting;
  prototype.query = function query(this: BusyClient, ...args: unknown[]) {
    if (this._activeQuery || (this._queryQueue?.length ?? 0) > 0) {
      const key = `${callSite(callFrames(query))}\n     sent: ${sqlOf(args[0])}\n     while running: ${sqlOf(this._activeQuery)}`;
      counting.overlaps.set(key, (counting.overlaps.get(key) ?? 0) + 1);
    }
    return (original as (...a: unknown[]) => unknown).apply(this, args);
  } as typeof Client.prototype.query;
}

afterAll(() => {
  if (!overlaps.size) return;
  const sites = [...overlaps].map(([site, count]) => `  ${count}× ${site}`).join('\n');
  overlaps.clear();
  throw new Error(`Queries ran side by side on one PostgreSQL connection (pg 9 refuses this):\n${sites}`);
});
