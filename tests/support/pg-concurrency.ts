import path from 'path';
import type { Client as PgClient } from 'pg';
import { sharedModule } from './shared-modules';

/**
 * pg queues a query sent while its connection is busy and, once a query is already waiting in that queue, warns
 * ("Calling client.query() when the client is already executing a query"); pg 9 will refuse it. On PostgreSQL every
 * query our code sends under that very condition — e.g. `Promise.all` of several queries inside a transaction —
 * fails the test file that caused it, naming the code and the statements.
 *
 * Strapi 5.54 does the same inside its Document Service: `applyPopulate` (database/query/helpers/populate/apply.ts)
 * and the entity validator's `relationsValidation` run their queries with `Promise.all` within the transaction
 * of a create or publish. That is upstream code we cannot change; an overlap whose `Promise.all` is Strapi's own is
 * left to pg's warning and not counted against us.
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

/** Whose overlap it is: the code that started the `Promise.all`, or — without one — the nearest code of ours. */
function ourCallSite(stack: string[]): string | null {
  const all = stack.findIndex((frame) => frame.includes('Promise.all'));
  if (all !== -1) return stack[all + 1] && isOurs(stack[all + 1]) ? stack.slice(all + 1, all + 4).join(' ← ') : null;
  const ours = stack.filter(isOurs);
  return ours.length ? ours.slice(0, 3).join(' ← ') : null;
}

const prototype = Client.prototype as typeof Client.prototype & Counted;
if (prototype[PATCHED]) {
  prototype[PATCHED].overlaps = overlaps;
} else {
  const counting = { overlaps };
  const original = prototype.query;
  prototype[PATCHED] = counting;
  prototype.query = function query(this: BusyClient, ...args: unknown[]) {
    if ((this._queryQueue?.length ?? 0) > 0) {
      const site = ourCallSite(callFrames(query));
      if (site) {
        const key = `${site}\n     sent: ${sqlOf(args[0])}\n     while running: ${sqlOf(this._activeQuery)}`;
        counting.overlaps.set(key, (counting.overlaps.get(key) ?? 0) + 1);
      }
    }
    return (original as (...a: unknown[]) => unknown).apply(this, args);
  } as typeof Client.prototype.query;
}

afterAll(() => {
  if (!overlaps.size) return;
  const sites = [...overlaps].map(([site, count]) => `  ${count}× ${site}`).join('\n');
  overlaps.clear();
  throw new Error(`Queries of ours ran side by side on one PostgreSQL connection (pg 9 refuses this):\n${sites}`);
});
