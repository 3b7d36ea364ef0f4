import path from 'path';
import type { Client } from 'pg';
import { environment } from '../src/environment';
import { oneQueryAtATime } from '../src/one-query-at-a-time';

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
    },
  };
};
