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

const appDir = path.resolve(__dirname, '..', '..');
const templateDir = path.join(appDir, '.tmp', 'templates');
const DAY_MS = 24 * 3600 * 1000;

export async function withClient<T>(fn: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: POSTGRES_URL, connectionTimeoutMillis: 3000 });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/**
 * A test database's address. Its sessions commit without waiting for the WAL to reach the disk: what a commit makes
 * visible, and in which order, is the same; only a crash of the server could lose the last commits, and a test
 * database is dropped anyway (the PostgreSQL integration pass: server CPU 37 → 31 s, wall 174 → 149 s).
 */
const databaseUrl = (name: string) => {
  const url = new URL(POSTGRES_URL);
  url.pathname = `/${name}`;
  url.searchParams.set('options', '-c synchronous_commit=off');
  return url.toString();
};

/**
 * Templates: a database migrated and seeded by one boot of the app (tests/support/template.ts), named after the
 * fingerprint of the sources it was built from. Every test file starts from a copy — a file copy on SQLite,
 * `CREATE DATABASE … TEMPLATE` on PostgreSQL — instead of migrating and seeding an empty database again.
 */
export const templateName = (backend: Backend, sourceHash: string) =>
  backend === 'postgres' ? `zm_tpl_${sourceHash}` : path.join(templateDir, `sqlite-${sourceHash}.db`);

export async function templateExists(backend: Backend, sourceHash: string): Promise<boolean> {
  const name = templateName(backend, sourceHash);
  if (backend === 'sqlite') return fs.existsSync(name);
  return withClient(async (c) => (await c.query('SELECT 1 FROM pg_database WHERE datname = $1', [name])).rowCount === 1);
}

/** An empty database to build a template in, and how to make it the template once the app has seeded it. */
export async function createTemplateBuild(backend: Backend, sourceHash: string): Promise<TestDatabase & { keep(): Promise<void> }> {
  const name = templateName(backend, sourceHash);
  const suffix = `${process.pid}_${crypto.randomBytes(3).toString('hex')}`;
  if (backend === 'postgres') {
    const building = `${name}_b${suffix}`;
    await withClient((c) => c.query(`CREATE DATABASE "${building}"`));
    const drop = () => withClient((c) => c.query(`DROP DATABASE IF EXISTS "${building}" WITH (FORCE)`)).then(() => undefined);
    return {
      env: { DATABASE_CLIENT: 'postgres', DATABASE_URL: databaseUrl(building), DATABASE_SCHEMA: 'public', DATABASE_POOL_MAX: '5' },
      drop,
      // Another run may have built the same template meanwhile: then this copy is not needed.
      keep: () =>
        withClient(async (c) => {
          try {
            await c.query(`ALTER DATABASE "${building}" RENAME TO "${name}"`);
            await c.query(`COMMENT ON DATABASE "${name}" IS '${new Date().toISOString()}'`);
          } catch {
            await c.query(`DROP DATABASE IF EXISTS "${building}" WITH (FORCE)`);
          }
        }),
    };
  }
  fs.mkdirSync(templateDir, { recursive: true });
  const building = `${name}.b${suffix}`;
  const drop = async () => {
    for (const ending of ['', '-wal', '-shm', '-journal']) fs.rmSync(building + ending, { force: true });
  };
  return {
    env: { DATABASE_CLIENT: 'sqlite', DATABASE_FILENAME: building },
    drop,
    keep: async () => {
      fs.renameSync(building, name);
      await drop();
    },
  };
}

/** Templates of other sources, left by earlier runs, go once they are a day old (a newer run may still use one). */
export async function removeStaleTemplates(backend: Backend, sourceHash: string): Promise<void> {
  const keep = templateName(backend, sourceHash);
  const cutoff = Date.now() - DAY_MS;
  if (backend === 'sqlite') {
    if (!fs.existsSync(templateDir)) return;
    for (const file of fs.readdirSync(templateDir)) {
      const full = path.join(templateDir, file);
      if (full !== keep && fs.statSync(full).mtimeMs < cutoff) fs.rmSync(full, { force: true });
    }
    return;
  }
  await withClient(async (c) => {
    const { rows } = await c.query(
      "SELECT datname, shobj_description(oid, 'pg_database') AS built FROM pg_database WHERE datname LIKE 'zm\\_tpl\\_%' AND datname <> $1",
      [keep]
    );
    for (const row of rows as { datname: string; built: string | null }[]) {
      const built = row.built ? Date.parse(row.built) : 0;
      if (built < cutoff) await c.query(`DROP DATABASE IF EXISTS "${row.datname}" WITH (FORCE)`).catch(() => undefined);
    }
  });
}

/**
 * The database of one test file: a copy of the template built for these sources (TEST_TEMPLATE names its
 * fingerprint; tests/support/global-setup.ts builds it), or an empty one when there is none or `empty` asks for it.
 */
export async function createTestDatabase(backend: Backend = currentBackend(), options: { empty?: boolean } = {}): Promise<TestDatabase> {
  const id = `${process.pid}_${crypto.randomBytes(4).toString('hex')}`;
  const sourceHash = options.empty ? undefined : process.env.TEST_TEMPLATE;
  const template = sourceHash && (await templateExists(backend, sourceHash)) ? templateName(backend, sourceHash) : null;
  if (backend === 'postgres') {
    const name = `t_${id}`;
    // TEST_PG_TABLESPACE: in memory where the server allows it (tests/support/memory-tablespace.ts).
    const tablespace = process.env.TEST_PG_TABLESPACE;
    await withClient((c) => c.query(`CREATE DATABASE "${name}"${template ? ` TEMPLATE "${template}"` : ''}${tablespace ? ` TABLESPACE ${tablespace}` : ''}`));
    return {
      env: { DATABASE_CLIENT: 'postgres', DATABASE_URL: databaseUrl(name), DATABASE_SCHEMA: 'public', DATABASE_POOL_MAX: '5' },
      drop: () => withClient((c) => c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`)).then(() => undefined),
    };
  }
  const file = path.join(appDir, '.tmp', 'tests', `${id}.db`);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  if (template) fs.copyFileSync(template, file);
  return {
    env: { DATABASE_CLIENT: 'sqlite', DATABASE_FILENAME: file },
    drop: async () => {
      for (const suffix of ['', '-wal', '-shm', '-journal']) fs.rmSync(file + suffix, { force: true });
    },
  };
}
