import { spawn, type ChildProcess } from 'child_process';
import fs from 'fs';
import path from 'path';
import { CreateBucketCommand, GetObjectAclCommand, GetObjectCommand, ListObjectsV2Command, S3Client } from '@aws-sdk/client-s3';
import { eventually } from './eventually';

/**
 * A real S3-compatible server for the object-storage tests: moto in server mode (Python's `moto[server]`, from PyPI).
 * It implements what the app needs — multipart uploads with ListParts (how @tus/s3-store resumes), CopyObject,
 * object ACLs, ranged GETs. s3rver, the npm alternative, has no ListParts (jamhall/s3rver#330), so a resumed tus
 * upload cannot work against it. MOTO_SERVER names the executable when it is not `moto_server` on the PATH.
 */

const EXECUTABLE = process.env.MOTO_SERVER ?? 'moto_server';
const CREDENTIALS = { accessKeyId: 'zm-test-key', secretAccessKey: 'zm-test-secret' };
export const PUBLIC_BUCKET = 'zm-public';
export const PRIVATE_BUCKET = 'zm-private';

function onPath(executable: string): string | null {
  if (executable.includes('/')) return fs.existsSync(executable) ? executable : null;
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
    const candidate = path.join(dir, executable);
    if (fs.existsSync(candidate)) return candidate;
  }
  return null;
}

/** Why the S3 suites cannot run here, or null when they can. */
export function s3ServerMissing(): string | null {
  return onPath(EXECUTABLE) ? null : `${EXECUTABLE} is not installed (pip install "moto[server]", or set MOTO_SERVER): the S3 tests are skipped`;
}

export interface S3Server {
  endpoint: string;
  client: S3Client;
  /** The app's environment for these buckets. */
  env: Record<string, string>;
  publicUrl: string;
  keys(bucket: string): Promise<string[]>;
  bytes(bucket: string, key: string): Promise<Buffer>;
  /** Whether the object's ACL lets anyone read it. */
  readableByAll(bucket: string, key: string): Promise<boolean>;
  stop(): Promise<void>;
}

/**
 * moto binds a port of its own choosing (`-p 0`) and names it: a port picked here and handed over would stay free
 * for the second or two moto takes to start, and another server of the run could take it meanwhile.
 */
function listeningPort(child: ChildProcess): Promise<number> {
  return new Promise((resolve, reject) => {
    let output = '';
    const read = (chunk: Buffer) => {
      output += chunk.toString();
      const port = /Running on http:\/\/127\.0\.0\.1:(\d+)/.exec(output)?.[1];
      if (!port) return;
      // Its request log goes on, read and dropped, so that a full pipe never stalls it.
      for (const stream of [child.stdout, child.stderr]) stream?.off('data', read).resume();
      resolve(Number(port));
    };
    child.stdout?.on('data', read);
    child.stderr?.on('data', read);
    child.once('exit', (code) => reject(new Error(`${EXECUTABLE} exited with ${code} before listening: ${output.trim()}`)));
  });
}

export async function startS3Server(): Promise<S3Server> {
  const child: ChildProcess = spawn(onPath(EXECUTABLE) ?? EXECUTABLE, ['-H', '127.0.0.1', '-p', '0'], { stdio: ['ignore', 'pipe', 'pipe'] });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const endpoint = `http://127.0.0.1:${await listeningPort(child)}`;
  await eventually(async () => {
    const res = await fetch(`${endpoint}/`);
    if (!res.ok) throw new Error(`${EXECUTABLE} answers ${res.status}`);
  }, 30_000, 100);
  const client = new S3Client({ endpoint, region: 'us-east-1', forcePathStyle: true, credentials: CREDENTIALS });
  for (const Bucket of [PUBLIC_BUCKET, PRIVATE_BUCKET]) await client.send(new CreateBucketCommand({ Bucket }));
  return {
    endpoint,
    client,
    publicUrl: `${endpoint}/${PUBLIC_BUCKET}`,
    env: {
      STORAGE_DRIVER: 's3',
      S3_ENDPOINT: endpoint,
      S3_REGION: 'us-east-1',
      S3_BUCKET: PUBLIC_BUCKET,
      S3_PRIVATE_BUCKET: PRIVATE_BUCKET,
      S3_ACCESS_KEY_ID: CREDENTIALS.accessKeyId,
      S3_SECRET_ACCESS_KEY: CREDENTIALS.secretAccessKey,
      S3_FORCE_PATH_STYLE: 'true',
    },
    async keys(bucket) {
      const listed = await client.send(new ListObjectsV2Command({ Bucket: bucket }));
      return (listed.Contents ?? []).map((o) => o.Key as string);
    },
    async bytes(bucket, key) {
      const object = await client.send(new GetObjectCommand({ Bucket: bucket, Key: key }));
      return Buffer.from((await object.Body?.transformToByteArray()) ?? []);
    },
    async readableByAll(bucket, key) {
      const acl = await client.send(new GetObjectAclCommand({ Bucket: bucket, Key: key }));
      return (acl.Grants ?? []).some((g) => g.Grantee?.URI === 'http://acs.amazonaws.com/groups/global/AllUsers' && ['READ', 'FULL_CONTROL'].includes(g.Permission ?? ''));
    },
    async stop() {
      client.destroy();
      child.kill('SIGTERM');
      await exited;
    },
  };
}
