import path from 'path';
import type { Client } from 'pg';
import { environment } from '../src/environment';
import { oneQueryAtATime } from '../src/one-query-at-a-time';

/** The part of a better-sqlite3 connection used here (the package ships no types). */
interface SqliteConnection {
  pragma(source: string): unknown;
}

export default () => {
  const env = environment();
  if (env.DATABASE_CLIENT === 'postgres') {
    return {
      connection: {
        client: 'postgres',
        connection: env.DATABASE_URL
          ? { connectionString: env.DATABASE_URL, ssl: env.DATABASE_SSL && { rejectUnauthorized: false }, schema: env.DATABASE_SCHEMA }
          : {
              host: env.DATABASE_HOST,
              port: env.DATABASE_PORT,
              database: env.DATABASE_NAME,
              user: env.DATABASE_USERNAME,
              password: env.DATABASE_PASSWORD,
              ssl: env.DATABASE_SSL && { rejectUnauthorized: false },
              schema: env.DATABASE_SCHEMA,
            },
        pool: {
          min: env.DATABASE_POOL_MIN,
          max: env.DATABASE_POOL_MAX,
          afterCreate: (connection: Client, done: (error: Error | null, connection: Client) => void) => {
            oneQueryAtATime(connection);
            done(null, connection);
          },
        },
        acquireConnectionTimeout: 60000,
      },
    };
  }
  return {
    connection: {
      client: 'sqlite',
      connection: { filename: path.resolve(process.cwd(), env.DATABASE_FILENAME) },
      useNullAsDefault: true,
      pool: {
        /*
         * Write-ahead log: readers (the public API, a second process on the same file) do not wait for a writer, and
         * a commit appends to the log instead of syncing a rollback journal and the database file each time. With
         * `synchronous = NORMAL`, which SQLite recommends with WAL, a crash of the app loses nothing committed; a power
         * failure may lose the last commits, never the file's integrity.
         */
        afterCreate: (connection: SqliteConnection, done: (error: Error | null, connection: SqliteConnection) => void) => {
          connection.pragma('journal_mode = WAL');
          connection.pragma('synchronous = NORMAL');
          done(null, connection);
        },
      },
    },
  };
};
