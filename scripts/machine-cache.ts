import fs from 'fs';
import os from 'os';
import path from 'path';

/**
 * Build outputs kept on this machine by the fingerprint of what they were built from, for another checkout of the same
 * sources (a fresh clone, CI, a second worktree): copied in within a second instead of built again. Each kind keeps
 * the three it stored last. Best effort: a machine without a writable cache folder builds again next time.
 */
const KEPT = 3;

export const machineCacheDir = (kind: string) => path.join(process.env.XDG_CACHE_HOME || path.join(os.homedir(), '.cache'), 'zusammen-mehr', kind);

/**
 * Copies `from` (a file or a folder) over `to` by way of a temporary name beside it, so that `to` is whole or absent. A
 * file is replaced by the rename itself, so a reader never finds it missing; a folder must be removed first.
 */
function copyWhole(from: string, to: string) {
  const partial = `${to}.${process.pid}.partial`;
  try {
    fs.cpSync(from, partial, { recursive: true });
    if (fs.statSync(partial).isDirectory()) fs.rmSync(to, { recursive: true, force: true });
    fs.renameSync(partial, to);
  } finally {
    fs.rmSync(partial, { recursive: true, force: true });
  }
}

/**
 * Copies the output kept for `fingerprint` to `target` (a file or a folder), whole or not at all; false when none is
 * kept, or when another checkout replaced or pruned it while it was being copied.
 */
export function restoreKept(kind: string, fingerprint: string, target: string): boolean {
  const kept = path.join(machineCacheDir(kind), fingerprint);
  if (!fs.existsSync(kept)) return false;
  fs.mkdirSync(path.dirname(target), { recursive: true });
  try {
    copyWhole(kept, target);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return false;
    throw error;
  }
}

/** Keeps a copy of `source` (a file or a folder) for `fingerprint`; it appears whole or not at all. */
export function keep(kind: string, fingerprint: string, source: string) {
  const dir = machineCacheDir(kind);
  try {
    fs.mkdirSync(dir, { recursive: true });
    copyWhole(source, path.join(dir, fingerprint));
    const older = fs
      .readdirSync(dir)
      // Not another process's copy under way (`<fingerprint>.<pid>.partial`).
      .filter((name) => !name.includes('.'))
      .map((name) => ({ name, at: fs.statSync(path.join(dir, name)).mtimeMs }))
      .sort((a, b) => b.at - a.at)
      .slice(KEPT);
    for (const { name } of older) fs.rmSync(path.join(dir, name), { recursive: true, force: true });
  } catch (error) {
    console.warn(`The ${kind} was not kept in ${dir} for later checkouts: ${(error as Error).message}`);
  }
}
