import { Client } from 'pg';

/**
 * pg queues a query sent while its connection is busy and, once a query is already waiting in that queue, warns
 * ("Calling client.query() when the client is already executing a query"); pg 9 will refuse it. On PostgreSQL every
 * query sent under that very condition — e.g. `Promise.all` of several queries inside a transaction — fails the test
 * file that caused it, naming the code and the statements. (A single query waiting behind a running one is pg's
 * accepted case, and Strapi's own validators send unique checks that way.)
 */

type BusyClient = Client & { _activeQuery?: { text?: string }; _queryQueue?: unknown[] };

const sqlOf = (query: unknown) => String(typeof query === 'string' ? query : (query as { text?: string })?.text ?? '').slice(0, 90);

const overlaps = new Map<string, number>();
const original = Client.prototype.query;

/** The nearest frames outside pg and knex: the app's (or Strapi's) code that sent the query. */
function callSite(): string {
  const limit = Error.stackTraceLimit;
  Error.stackTraceLimit = 80;
  const stack = new Error().stack ?? '';
  Error.stackTraceLimit = limit;
  const frames = stack
    .split('\n')
    .slice(2)
    .map((line) => line.trim())
    .filter((line) => line.startsWith('at ') && !/node_modules\/(pg|knex|pg-pool)\/|pg-concurrency|node:internal|<anonymous>/.test(line));
  return frames.slice(0, 5).join(' ← ') || stack;
}

Client.prototype.query = function query(this: BusyClient, ...args: unknown[]) {
  if ((this._queryQueue?.length ?? 0) > 0) {
    const site = `${callSite()}\n     sent: ${sqlOf(args[0])}\n     while running: ${sqlOf(this._activeQuery)}`;
    overlaps.set(site, (overlaps.get(site) ?? 0) + 1);
  }
  return (original as (...a: unknown[]) => unknown).apply(this, args);
} as typeof Client.prototype.query;

afterAll(() => {
  if (!overlaps.size) return;
  const sites = [...overlaps].map(([site, count]) => `  ${count}× ${site}`).join('\n');
  overlaps.clear();
  throw new Error(`Queries ran side by side on one PostgreSQL connection (pg 9 refuses this):\n${sites}`);
});
