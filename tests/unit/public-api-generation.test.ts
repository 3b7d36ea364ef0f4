import knexFactory, { type Knex } from 'knex';
import { GenerationWatcher } from '../../src/plugins/stories/server/src/public-api/generation';
import type { PublicTables } from '../../src/plugins/stories/server/src/public-api/tables';

/** The cache generation's poll: a counter read four times a second while answers are asked for, none when idle. */

const POLL_MS = 250;
const IDLE_AFTER_MS = 10_000;
const tables = { generations: { table: 'generations', col: { name: 'name', value: 'value', changedAt: 'changed_at' } } } as unknown as PublicTables;

let knex: Knex;
let reads: number;
let changes: number[];
let watcher: GenerationWatcher;

beforeEach(async () => {
  knex = knexFactory({ client: 'better-sqlite3', connection: { filename: ':memory:' }, useNullAsDefault: true });
  await knex.schema.createTable('generations', (t) => {
    t.string('name').primary();
    t.integer('value');
    t.datetime('changed_at');
  });
  await knex('generations').insert({ name: 'public-api', value: 1, changed_at: '2026-12-01T10:00:00.000Z' });
  reads = 0;
  knex.on('query', (query: { sql: string }) => {
    if (/^select/i.test(query.sql)) reads += 1;
  });
  changes = [];
  watcher = new GenerationWatcher(knex, tables, (generation) => changes.push(generation.value));
  await watcher.read();
  jest.useFakeTimers({ doNotFake: ['nextTick', 'setImmediate', 'queueMicrotask'] });
  watcher.start(POLL_MS, IDLE_AFTER_MS, (error) => {
    throw error;
  });
});

afterEach(async () => {
  watcher.stop();
  jest.useRealTimers();
  await knex.destroy();
});

test('an instance nobody asks does not read the counter', async () => {
  const before = reads;
  await jest.advanceTimersByTimeAsync(IDLE_AFTER_MS + 5_000);
  expect(reads).toBe(before);
});

test('while answers are asked for it polls every 250 ms, and stops 10 s after the last question', async () => {
  jest.advanceTimersByTime(IDLE_AFTER_MS + 1);
  const before = reads;
  await watcher.recent(POLL_MS);
  expect(reads).toBe(before + 1);
  await jest.advanceTimersByTimeAsync(1_000);
  expect(reads).toBe(before + 1 + 4);
  await jest.advanceTimersByTimeAsync(IDLE_AFTER_MS);
  const stoppedAt = reads;
  expect(stoppedAt).toBe(before + 1 + IDLE_AFTER_MS / POLL_MS);
  await jest.advanceTimersByTimeAsync(5_000);
  expect(reads).toBe(stoppedAt);
});

test("after an idle spell the first question reads the counter and sees another instance's change", async () => {
  await jest.advanceTimersByTimeAsync(IDLE_AFTER_MS + 5_000);
  await knex('generations').update({ value: 2 });
  await jest.advanceTimersByTimeAsync(5_000);
  expect(changes).toEqual([1]);
  expect((await watcher.recent(POLL_MS)).value).toBe(2);
  expect(changes).toEqual([1, 2]);
});
