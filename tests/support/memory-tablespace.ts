import fs from 'fs';
import type { Client } from 'pg';

/**
 * A PostgreSQL tablespace in memory (tmpfs) for the databases of the test files.
 *
 * PostgreSQL keeps each table and index of a database in files of their own: a copy of the template is some 600 new
 * files, and a run makes and drops one copy per Strapi boot. On this machine's root filesystem (ext4 without a journal),
 * making a file soon after many were deleted is slow: the inode allocator passes over every recently deleted inode.
 * Measured with `perf`: during a loop of boots, about 70 % of the server's CPU was in the kernel's `recently_deleted`;
 * the server's CPU per boot (copy, queries, drop) 0.24–0.77 s on disk, 0.20 s in memory. The templates stay on disk.
 *
 * Only where that works without asking anyone: the server runs on this machine (its URL names the loopback), as the
 * OS user `postgres`, and this process may give it a folder (it runs as root, as CI does). Anywhere else the test
 * databases stay in the default tablespace and nothing changes but speed.
 */
const MEMORY_TABLESPACE = 'zm_test_memory';
const MEMORY_DIR = '/dev/shm/zusammen-mehr-postgres';
const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);

type OsUser = { uid: number; gid: number };

/** The uid and gid of the OS user `postgres`, or null when there is none. */
function postgresUser(): OsUser | null {
  const line = fs
    .readFileSync('/etc/passwd', 'utf8')
    .split('\n')
    .find((entry) => entry.startsWith('postgres:'));
  if (!line) return null;
  const [, , uid, gid] = line.split(':');
  return { uid: Number(uid), gid: Number(gid) };
}

/** Why the memory tablespace cannot be used here, or null when it can; `owner` is the OS user postgres, if any. */
function unusable(serverUrl: string, owner: OsUser | null): string | null {
  if (!LOOPBACK.has(new URL(serverUrl).hostname)) return 'the server is not on this machine';
  if (!fs.existsSync('/dev/shm')) return 'there is no /dev/shm';
  if (process.getuid?.() !== 0) return 'only root can hand the server a folder';
  if (!owner) return 'there is no OS user postgres';
  return null;
}

const isAlive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
};

/**
 * Drops the test databases in the tablespace whose process has ended (a run that crashed or was stopped): they are
 * named `t_<pid>_…` (tests/support/database.ts), and in memory they would hold on to it until the next reboot.
 */
async function dropOrphans(client: Client) {
  const { rows } = await client.query<{ datname: string }>(
    'SELECT d.datname FROM pg_database d JOIN pg_tablespace t ON t.oid = d.dattablespace WHERE t.spcname = $1',
    [MEMORY_TABLESPACE]
  );
  for (const { datname } of rows) {
    const pid = Number(/^t_(\d+)_/.exec(datname)?.[1]);
    if (!pid || !isAlive(pid)) await client.query(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`);
  }
}

/**
 * The tablespace's name once it exists and its folder is in place, or null (with the reason on the console) where the
 * test databases stay on disk. After a reboot the folder is gone while the server still lists the tablespace: then
 * the tablespace is made again. Two jest processes may get here at once (the PostgreSQL pass and the Node LTS smoke).
 */
export async function ensureMemoryTablespace(client: Client, serverUrl: string): Promise<string | null> {
  const owner = postgresUser();
  const reason = unusable(serverUrl, owner);
  if (reason || !owner) {
    console.log(`Test databases on PostgreSQL stay on disk: ${reason}.`);
    return null;
  }
  const { rows } = await client.query<{ location: string }>('SELECT pg_tablespace_location(oid) AS location FROM pg_tablespace WHERE spcname = $1', [
    MEMORY_TABLESPACE,
  ]);
  const inPlace = rows.length === 1 && rows[0].location === MEMORY_DIR && fs.existsSync(MEMORY_DIR) && fs.readdirSync(MEMORY_DIR).length > 0;
  if (inPlace) {
    await dropOrphans(client);
    return MEMORY_TABLESPACE;
  }
  if (rows.length) {
    await dropOrphans(client);
    await client.query(`DROP TABLESPACE IF EXISTS ${MEMORY_TABLESPACE}`);
  }
  fs.mkdirSync(MEMORY_DIR, { recursive: true, mode: 0o700 });
  fs.chownSync(MEMORY_DIR, owner.uid, owner.gid);
  try {
    await client.query(`CREATE TABLESPACE ${MEMORY_TABLESPACE} LOCATION '${MEMORY_DIR}'`);
  } catch (error) {
    // 42710: the other jest process made it meanwhile.
    if ((error as { code?: string }).code !== '42710') throw error;
  }
  return MEMORY_TABLESPACE;
}
