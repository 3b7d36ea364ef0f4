import fs from 'fs';
import os from 'os';
import path from 'path';
import knex, { type Knex } from 'knex';
import databaseConfig from '../../config/database';
import { testEnvironment } from '../support/test-env';

/**
 * The app's SQLite connections (config/database.ts) keep a write-ahead log: a reader — the public API, a second
 * process on the same file — goes on while another connection holds the write lock. With SQLite's default rollback
 * journal, an exclusive writer locks readers out ("database is locked" after better-sqlite3's 5 s busy timeout).
 */

const STORY_COUNT = 3;
let dir: string;
const opened: Knex[] = [];

/** A knex on `filename` with the app's own SQLite settings (the worker environment undoes the variables at the end). */
function appConnection(filename: string): Knex {
  Object.assign(process.env, testEnvironment(), { DATABASE_CLIENT: 'sqlite', DATABASE_FILENAME: filename });
  const { connection } = databaseConfig();
  const db = knex({ ...connection, client: 'better-sqlite3' } as Knex.Config);
  opened.push(db);
  return db;
}

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sqlite-journal-'));
});
afterEach(async () => {
  await Promise.all(opened.splice(0).map((db) => db.destroy()));
  fs.rmSync(dir, { recursive: true, force: true });
});

test('the database file is in write-ahead-log mode with normal syncing', async () => {
  const db = appConnection(path.join(dir, 'app.db'));
  const [journal] = await db.raw('PRAGMA journal_mode');
  const [synchronous] = await db.raw('PRAGMA synchronous');
  expect(journal).toEqual({ journal_mode: 'wal' });
  // 1 is NORMAL (2 would be FULL, SQLite's default).
  expect(synchronous).toEqual({ synchronous: 1 });
});

test('a reader gets its answer while another connection holds the write lock', async () => {
  const file = path.join(dir, 'app.db');
  const app = appConnection(file);
  await app.schema.createTable('stories', (table) => {
    table.increments('id');
    table.string('title');
  });
  await app('stories').insert(Array.from({ length: STORY_COUNT }, (_, i) => ({ title: `Geschichte ${i + 1}` })));

  // One connection per knex on SQLite: the statements below run in one transaction that holds the lock.
  const writer = appConnection(file);
  await writer.raw('BEGIN EXCLUSIVE');
  await writer.raw('DELETE FROM stories');
  // The writer has not committed: the reader sees the stories as they were, at once.
  const [{ count: whileLocked }] = await app('stories').count({ count: '*' });
  expect(whileLocked).toBe(STORY_COUNT);
  await writer.raw('COMMIT');
  const [{ count: afterCommit }] = await app('stories').count({ count: '*' });
  expect(afterCommit).toBe(0);
});
