import fs from 'fs';
import path from 'path';
import { Database, type DatabaseConfig } from '@strapi/database';
import type { TestDatabase } from './database';

/**
 * A database of the app before the plugin split (issue 13), as scripts/make-previous-layout-fixture.ts dumped it
 * from the old code on SQLite: every table Strapi made, with SQLite's values. Loaded into an empty database of
 * either client, it is what an office upgrading from that version has.
 */
export const PREVIOUS_LAYOUT_FILE = path.resolve(__dirname, '..', 'fixtures', 'previous-layout.json');

const MIGRATIONS_DIR = path.resolve(__dirname, '..', '..', 'database', 'migrations');

/** Strapi's own tables, outside the schema it records; @strapi/database creates them like this. */
export const BOOKKEEPING_TABLES = ['strapi_database_schema', 'strapi_migrations', 'strapi_migrations_internal'];

type Value = string | number | null;

interface Column {
  name: string;
  type: string;
  args?: unknown[];
}

interface Table {
  name: string;
  columns: Column[];
  foreignKeys?: { referencedTable: string }[];
}

interface FixtureUser {
  email: string;
  password: string;
}

export interface PreviousLayout {
  commit: string;
  /** The app's variables the old data depends on: the key the channel's secrets were sealed with. */
  env: { ENCRYPTION_KEY: string };
  users: { admin: FixtureUser; editor: FixtureUser };
  /** Every table's rows: the column names, then one array of values per row. */
  tables: Record<string, { columns: string[]; rows: Value[][] }>;
}

const bookkeeping = (name: string, columns: Column[]): Table => ({ name, columns: [{ name: 'id', type: 'increments' }, ...columns] });
const time: Column = { name: 'time', type: 'datetime', args: [{ useTz: false }] };
const BOOKKEEPING: Table[] = [
  bookkeeping('strapi_database_schema', [{ name: 'schema', type: 'json' }, time, { name: 'hash', type: 'string' }]),
  bookkeeping('strapi_migrations', [{ name: 'name', type: 'string' }, time]),
  bookkeeping('strapi_migrations_internal', [{ name: 'name', type: 'string' }, time]),
];

export function readPreviousLayout(): PreviousLayout {
  return JSON.parse(fs.readFileSync(PREVIOUS_LAYOUT_FILE, 'utf8')) as PreviousLayout;
}

/** The schema the old app recorded: the same table definitions on SQLite and PostgreSQL. */
function recordedTables(layout: PreviousLayout): Table[] {
  const { columns, rows } = layout.tables.strapi_database_schema;
  const latest = rows[rows.length - 1];
  return (JSON.parse(String(latest[columns.indexOf('schema')])) as { tables: Table[] }).tables;
}

/** Tables after the tables their foreign keys point at, so that rows go in without breaking a constraint. */
function insertOrder(tables: Table[]): Table[] {
  const byName = new Map(tables.map((t) => [t.name, t]));
  const ordered: Table[] = [];
  const placed = new Set<string>();
  const place = (table: Table) => {
    if (placed.has(table.name)) return;
    placed.add(table.name);
    for (const fk of table.foreignKeys ?? []) {
      const target = byName.get(fk.referencedTable);
      if (target) place(target);
    }
    ordered.push(table);
  };
  tables.forEach(place);
  return ordered;
}

/** SQLite keeps datetimes as milliseconds and booleans as 0/1; PostgreSQL takes dates and booleans. */
function forPostgres(table: Table, columns: string[]): (value: Value, index: number) => unknown {
  const types = columns.map((name) => table.columns.find((c) => c.name === name)?.type);
  return (value, index) => {
    if (value === null) return null;
    const type = types[index];
    if ((type === 'datetime' || type === 'timestamp') && typeof value === 'number') return new Date(value);
    if (type === 'boolean') return Boolean(value);
    return value;
  };
}

function connectionOf(database: TestDatabase): DatabaseConfig['connection'] {
  const { env } = database;
  if (env.DATABASE_CLIENT === 'postgres') return { client: 'postgres', connection: { connectionString: env.DATABASE_URL } };
  return { client: 'sqlite', connection: { filename: env.DATABASE_FILENAME }, useNullAsDefault: true };
}

const ROWS_PER_INSERT = 50;

/**
 * Builds the previous layout in `database` (empty): the tables with Strapi's own schema builder, then the rows, then
 * PostgreSQL's sequences moved past the ids that came with the rows.
 */
export async function loadPreviousLayout(database: TestDatabase, layout: PreviousLayout): Promise<void> {
  // Only the schema builder is used; the migrations folder is named because the constructor asks for one.
  const db = new Database({ connection: connectionOf(database), settings: { migrations: { dir: MIGRATIONS_DIR } } });
  const postgres = database.env.DATABASE_CLIENT === 'postgres';
  try {
    const tables = [...recordedTables(layout), ...BOOKKEEPING];
    await db.schema.builder.createSchema({ tables } as never);
    await db.connection.transaction(async (trx) => {
      for (const table of insertOrder(tables)) {
        const dumped = layout.tables[table.name];
        if (!dumped?.rows.length) continue;
        const convert = postgres ? forPostgres(table, dumped.columns) : (value: Value) => value;
        const rows = dumped.rows.map((row) => Object.fromEntries(dumped.columns.map((name, i) => [name, convert(row[i], i)])));
        for (let i = 0; i < rows.length; i += ROWS_PER_INSERT) await trx(table.name).insert(rows.slice(i, i + ROWS_PER_INSERT));
        if (postgres && dumped.columns.includes('id')) {
          await trx.raw(`SELECT setval(pg_get_serial_sequence(?, 'id'), (SELECT MAX(id) FROM ??))`, [table.name, table.name]);
        }
      }
    });
  } finally {
    await db.destroy();
  }
}
