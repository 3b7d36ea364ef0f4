import crypto from 'crypto';
import fs from 'fs';
import path from 'path';
import { Client } from 'pg';

export const POSTGRES_URL = process.env.TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

export type Backend = 'sqlite' | 'postgres';

/** Which database the integration tests run on: scripts/test.js runs them once per backend. */
export function currentBackend(): Backend {
  return process.env.TEST_DATABASE === 'postgres' ? 'postgres' : 'sqlite';
}

export interface TestDatabase {
  env: Record<string, string>;
  drop(): Promise<void>;
}

async function withClient<T>(fn: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: POSTGRES_URL, connectionTimeoutMillis: 3000 });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/** A fresh, empty database for one test file: a new SQLite file, or a new schema in the test PostgreSQL. */
export async function createTestDatabase(): Promise<TestDatabase> {
  const id = `${process.pid}_${crypto.randomBytes(4).toString('hex')}`;
  if (currentBackend() === 'postgres') {
    const schema = `t_${id}`;
    await withClient((c) => c.query(`CREATE SCHEMA "${schema}"`));
    return {
      env: { DATABASE_CLIENT: 'postgres', DATABASE_URL: POSTGRES_URL, DATABASE_SCHEMA: schema, DATABASE_POOL_MAX: '5' },
      drop: () => withClient((c) => c.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`)).then(() => undefined),
    };
  }
  const file = path.join(process.cwd(), '.tmp', 'tests', `${id}.db`);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  return {
    env: { DATABASE_CLIENT: 'sqlite', DATABASE_FILENAME: file },
    drop: async () => {
      for (const suffix of ['', '-wal', '-shm', '-journal']) fs.rmSync(file + suffix, { force: true });
    },
  };
}
