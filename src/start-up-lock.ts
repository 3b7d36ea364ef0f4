import { Client, type ClientConfig } from 'pg';
import type { Core } from '@strapi/strapi';

/**
 * Instances that start at the same moment on one PostgreSQL take turns from schema sync to the end of seeding:
 * Strapi creates its tables without a lock (two instances on an empty database collide in CREATE TABLE), and
 * seeding reads before it writes. A session-level advisory lock on a connection of its own is taken in the app's
 * register() — before Strapi's bootstrap syncs the schema — and released when the app's bootstrap has seeded;
 * an instance that dies meanwhile loses its session and with it the lock. SQLite needs none: one instance.
 */

/** Any fixed number, the same on every instance. */
const LOCK_KEY = 74_201_116;

const holders = new WeakMap<Core.Strapi, Client>();

export async function takeStartUpLock(strapi: Core.Strapi) {
  const database = strapi.config.get('database.connection') as { client: string; connection: ClientConfig };
  if (database.client !== 'postgres') return;
  const client = new Client(database.connection);
  await client.connect();
  await client.query('SELECT pg_advisory_lock($1)', [LOCK_KEY]);
  holders.set(strapi, client);
}

export async function releaseStartUpLock(strapi: Core.Strapi) {
  const client = holders.get(strapi);
  if (!client) return;
  holders.delete(strapi);
  await client.query('SELECT pg_advisory_unlock($1)', [LOCK_KEY]).finally(() => client.end());
}
