import type { Client } from 'pg';

/**
 * Strapi 5.54 sends several queries at once on one connection: its Document Service runs `Promise.all` inside the
 * transaction of a create or publish (populate, relation validation). pg 8 queues them and warns ("Calling
 * client.query() when the client is already executing a query"); pg 9 will refuse them. This is the "external
 * flow control" pg asks for: a query sent while the connection is busy waits here, in order, until pg is idle
 * again, so pg never holds a second query. Each waiting query still runs on the same connection — inside the same
 * transaction — exactly as pg's own queue would have run it.
 *
 * Installed on every connection of the pool (config/database.ts, `pool.afterCreate`).
 */

type PgInternals = Client & { _activeQuery?: unknown; _queryQueue?: unknown[] };
type QueryArgs = Parameters<Client['query']>;

const busy = (client: PgInternals) => Boolean(client._activeQuery) || (client._queryQueue?.length ?? 0) > 0;

export function oneQueryAtATime(client: Client): void {
  const target = client as PgInternals;
  const send = client.query.bind(client) as (...args: QueryArgs) => unknown;
  const waiting: (() => void)[] = [];

  // 'drain' comes when pg's queue is empty; 'end' and 'error' let waiting queries reach pg, which fails them at once.
  const next = () => {
    while (waiting.length && !busy(target)) waiting.shift()?.();
  };
  const releaseAll = () => waiting.splice(0).forEach((run) => run());
  client.on('drain', next);
  client.on('end', releaseAll);
  client.on('error', releaseAll);

  client.query = function query(...args: QueryArgs) {
    if (!busy(target) && !waiting.length) return send(...args);
    const first = args[0] as { submit?: unknown } | undefined;
    // A submittable (pg-query-stream, a cursor) is returned as pg returns it, and sent when its turn comes.
    if (typeof first?.submit === 'function') {
      waiting.push(() => send(...args));
      return first;
    }
    if (args.some((arg) => typeof arg === 'function')) {
      waiting.push(() => send(...args));
      return undefined;
    }
    return new Promise((resolve, reject) => {
      waiting.push(() => {
        Promise.resolve(send(...args)).then(resolve, reject);
      });
    });
  } as Client['query'];
}
