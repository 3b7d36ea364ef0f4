import fs from 'fs';

/**
 * CPU time from Linux's /proc, for the timing table of `npm test` (clock ticks of 10 ms); 0 where there is no /proc.
 *
 * A process's own time and that of the children it reaped is in its /proc/<pid>/stat. Chromium's renderer and GPU
 * processes are not reaped by it: when the browser closes they are left to init, and their time would be missing
 * from the test file that ran them (half a browser test's CPU). So the browser's whole tree is read before it
 * closes (`treeCpuMs`), and what its reaping does not bring in is counted as the file's unreaped CPU.
 */

const TICK_MS = 10;

/** The fields after the command name (which may hold spaces): state is [0], ppid [1], utime [11] … cstime [14]. */
function statFields(pid: number | 'self'): number[] | null {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat
      .slice(stat.lastIndexOf(')') + 2)
      .split(' ')
      .map(Number);
  } catch {
    return null;
  }
}

/** A process's CPU (utime, stime) and that of the children it reaped (cutime, cstime); 0 for one that has ended. */
const ownAndReaped = (fields: number[] | null) => (fields ? (fields[11] + fields[12] + fields[13] + fields[14]) * TICK_MS : 0);

/** This process's CPU and that of the children it has reaped. */
export const ownAndReapedCpuMs = (): number => ownAndReaped(statFields('self'));

/** The CPU of the children this process has reaped. */
export function reapedCpuMs(): number {
  const fields = statFields('self');
  return fields ? (fields[13] + fields[14]) * TICK_MS : 0;
}

/** The processes alive now, by parent. */
function childrenByParent(): Map<number, number[]> {
  const children = new Map<number, number[]>();
  let entries: string[] = [];
  try {
    entries = fs.readdirSync('/proc').filter((name) => /^\d+$/.test(name));
  } catch {
    return children;
  }
  for (const entry of entries) {
    const parent = statFields(Number(entry))?.[1];
    if (parent === undefined) continue;
    const siblings = children.get(parent);
    if (siblings) siblings.push(Number(entry));
    else children.set(parent, [Number(entry)]);
  }
  return children;
}

/** The children of this process alive now that run `command` (its name as /proc/<pid>/comm has it). */
export function ownChildren(command: string): number[] {
  return (childrenByParent().get(process.pid) ?? []).filter((pid) => {
    try {
      return fs.readFileSync(`/proc/${pid}/comm`, 'utf8').trim() === command;
    } catch {
      return false;
    }
  });
}

/** The CPU of `pid` and of every process below it that is alive now, each with the children it reaped. */
export function treeCpuMs(pid: number): number {
  const children = childrenByParent();
  let total = 0;
  for (const queue = [pid]; queue.length; ) {
    const current = queue.pop() as number;
    total += ownAndReaped(statFields(current));
    queue.push(...(children.get(current) ?? []));
  }
  return total;
}

/**
 * The CPU that processes of the current test file used and that this process will not reap, kept in the worker
 * process's global object (tests/support/worker-environment.ts shares the slot with the test file and adds it to
 * the file's CPU).
 */
export const UNREAPED_CPU = Symbol.for('zusammen-mehr.tests.unreaped-cpu-ms');

export function countUnreapedCpu(ms: number) {
  const slots = globalThis as { [UNREAPED_CPU]?: number };
  slots[UNREAPED_CPU] = (slots[UNREAPED_CPU] ?? 0) + Math.max(0, ms);
}

/** The unreaped CPU counted since the last call, and the count set back to 0. */
export function takeUnreapedCpu(): number {
  const slots = globalThis as { [UNREAPED_CPU]?: number };
  const ms = slots[UNREAPED_CPU] ?? 0;
  slots[UNREAPED_CPU] = 0;
  return ms;
}
