import { Client } from 'pg';
import { oneQueryAtATime } from '../../src/one-query-at-a-time';
import { POSTGRES_URL, currentBackend } from '../support/database';

/**
 * The app's PostgreSQL connections send one query at a time (config/database.ts): queries sent at once — Strapi's
 * `Promise.all` inside a transaction — wait their turn instead of piling up in pg's queue, which pg 9 refuses.
 * PostgreSQL pass only.
 */

const onPostgres = currentBackend() === 'postgres';
if (!onPostgres) console.log('one-query-at-a-time is about PostgreSQL connections: it runs in the PostgreSQL pass');

type PgInternals = Client & { _activeQuery?: unknown; _queryQueue?: unknown[] };

/** A connection whose pg sees every query: `sentWhileBusy` counts those that reached it while another ran. */
async function watchedConnection(serialized: boolean) {
  const client = new Client({ connectionString: POSTGRES_URL }) as PgInternals;
  await client.connect();
  const watch = { sentWhileBusy: 0 };
  const pgQuery = client.query.bind(client) as (...args: unknown[]) => unknown;
  client.query = ((...args: unknown[]) => {
    if (client._activeQuery || (client._queryQueue?.length ?? 0) > 0) watch.sentWhileBusy += 1;
    return pgQuery(...args);
  }) as Client['query'];
  if (serialized) oneQueryAtATime(client);
  return { client, watch };
}

const slowly = (client: Client, value: number) => client.query<{ value: number }>('SELECT pg_sleep(0.02), $1::int AS value', [value]);

(onPostgres ? describe : describe.skip)('one query at a time on a PostgreSQL connection (PostgreSQL pass only)', () => {
  const open: Client[] = [];
  afterEach(async () => {
    await Promise.all(open.splice(0).map((client) => client.end().catch(() => undefined)));
  });

  test('without it, queries sent at once reach pg while another runs (what this guards against)', async () => {
    const { client, watch } = await watchedConnection(false);
    open.push(client);
    // Two, not three: with a third waiting, pg would print its warning, which fails the run (scripts/test.js).
    await Promise.all([1, 2].map((value) => slowly(client, value)));
    expect(watch.sentWhileBusy).toBe(1);
  });

  test('queries sent at once inside a transaction run one after another, in order, each with its own answer', async () => {
    const { client, watch } = await watchedConnection(true);
    open.push(client);
    const finished: number[] = [];
    await client.query('BEGIN');
    await client.query('CREATE TEMP TABLE turns (value int) ON COMMIT DROP');
    const answers = await Promise.all(
      [1, 2, 3, 4].map(async (value) => {
        await client.query('INSERT INTO turns VALUES ($1)', [value]);
        const { rows } = await slowly(client, value);
        finished.push(value);
        return rows[0].value;
      })
    );
    const { rows } = await client.query<{ value: number }>('SELECT value FROM turns');
    await client.query('COMMIT');
    expect(answers).toEqual([1, 2, 3, 4]);
    expect(finished).toEqual([1, 2, 3, 4]);
    expect(rows.map((row) => row.value).sort()).toEqual([1, 2, 3, 4]);
    expect(watch.sentWhileBusy).toBe(0);
  });

  test('the callback form, as knex sends its queries, waits its turn too', async () => {
    const { client, watch } = await watchedConnection(true);
    open.push(client);
    const values = await Promise.all(
      [5, 6].map(
        (value) =>
          new Promise<number>((resolve, reject) => {
            client.query('SELECT $1::int AS value', [value], (error: Error | null, result: { rows: { value: number }[] }) =>
              error ? reject(error) : resolve(result.rows[0].value)
            );
          })
      )
    );
    expect(values).toEqual([5, 6]);
    expect(watch.sentWhileBusy).toBe(0);
  });

  test('a failing query fails only itself; the waiting ones get their answers or the transaction error, none hangs', async () => {
    const { client } = await watchedConnection(true);
    open.push(client);
    await client.query('BEGIN');
    const results = await Promise.allSettled([slowly(client, 1), client.query('SELECT missing_column FROM pg_class'), slowly(client, 3)]);
    await client.query('ROLLBACK');
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'rejected']);
    expect(String((results[1] as PromiseRejectedResult).reason)).toMatch(/missing_column/);
    expect(String((results[2] as PromiseRejectedResult).reason)).toMatch(/current transaction is aborted/);
  });

  test('queries still waiting when the connection closes are refused, not left hanging', async () => {
    const { client } = await watchedConnection(true);
    const first = slowly(client, 1);
    const waiting = slowly(client, 2);
    const closed = client.end();
    const [, b] = await Promise.allSettled([first, waiting]);
    await closed;
    expect(b.status).toBe('rejected');
    expect(String((b as PromiseRejectedResult).reason)).toMatch(/closed|terminated/i);
  });
});
