import fs from 'fs';
import path from 'path';
import NodeEnvironment from 'jest-environment-node';
import { ownAndReapedCpuMs, takeUnreapedCpu, UNREAPED_CPU } from './process-cpu';
import { SHARED_REQUIRE } from './shared-modules';

const appDir = path.resolve(__dirname, '..', '..');

/**
 * The folders of one jest worker below TEST_PASS_DIR (set by scripts/test.js per pass): temp, resumable uploads,
 * report exports, private media and a public dir with its own uploads (everything else in it links to public/).
 * Files of one worker run one after another; two workers' files never see each other's files — e.g. a check that
 * no formidable temp is left behind in the temp folder.
 */
function workerFolders(passDir: string, workerId: string): Record<string, string> {
  const base = path.join(passDir, `w${workerId}`);
  const folder = (sub: string) => {
    const dir = path.join(base, sub);
    fs.mkdirSync(dir, { recursive: true });
    return dir;
  };
  const publicDir = folder('public');
  fs.mkdirSync(path.join(publicDir, 'uploads'), { recursive: true });
  for (const entry of fs.readdirSync(path.join(appDir, 'public'))) {
    const link = path.join(publicDir, entry);
    if (entry !== 'uploads' && !fs.existsSync(link)) fs.symlinkSync(path.join(appDir, 'public', entry), link);
  }
  return {
    TMPDIR: folder('tmp'),
    UPLOAD_TMP_DIR: folder('tus'),
    REPORT_EXPORT_DIR: folder('reports'),
    PRIVATE_MEDIA_DIR: folder('private-media'),
    PUBLIC_DIR: publicDir,
  };
}

interface Usage {
  wallMs: number;
  /** CPU of this process and of the children it reaped (sync worker processes, the browser; tests/support/process-cpu.ts). */
  cpuMs: number;
  /** The main thread's time on a core and waiting for one: what is left of the wall time is waiting for something else. */
  mainThreadMs: number;
}

/** From Linux's /proc (clock ticks of 10 ms, nanoseconds in schedstat); null elsewhere. */
function usage(): Usage | null {
  try {
    const [running, queued] = fs.readFileSync('/proc/self/schedstat', 'utf8').trim().split(' ').map(Number);
    return { wallMs: Date.now(), cpuMs: ownAndReapedCpuMs(), mainThreadMs: (running + queued) / 1e6 };
  } catch {
    return null;
  }
}

/**
 * Global slots the test file shares with that app: Strapi's `strapi` (src/email/log-transport.ts) and the app's
 * registries kept in global slots (`Symbol.for('zusammen-mehr.…')`: the public API's runtimes, video sources and write
 * access in src/plugins/stories/server/src/public-api/), through which a test's own copy of an app module (imported
 * from src/) meets the app — the app's copy keeps the registry it found when first loaded, so it stays for the next
 * file; and `fetch`, which a test may wrap to see the app's requests, so it is put back at the file's end. A new
 * registry in a global slot is added here, or a test reaching it through its own copy finds it empty.
 */
export const APP_SLOTS = ['public-api.runtimes', 'public-api.video-sources', 'public-api.write-access'].map((name) => Symbol.for(`zusammen-mehr.${name}`));
// Besides those the app's, a slot of the tests' own: the CPU of the file's processes that the worker will not reap.
const SHARED_GLOBALS: PropertyKey[] = ['strapi', ...APP_SLOTS, UNREAPED_CPU, 'fetch'];
const RESTORED_GLOBALS: PropertyKey[] = ['fetch'];

const KEEPS_LISTENERS = Symbol.for('zusammen-mehr.tests.keeps-process-listeners');

/**
 * Strapi's destroy() calls `process.removeAllListeners()`, meant for the signal handlers it added; on the worker's
 * own process that would also take jest's IPC listener (the idle worker then exits, and jest reports it crashed)
 * and Node's signal bookkeeping. From the first test file on, a call without an event name removes only listeners
 * added since, as it did on the sandbox's copy of the process.
 */
function keepWorkerListeners() {
  const target = process as NodeJS.Process & { [KEEPS_LISTENERS]?: true };
  if (target[KEEPS_LISTENERS]) return;
  target[KEEPS_LISTENERS] = true;
  const own = new Map(process.eventNames().map((name) => [name, process.rawListeners(name)]));
  const removeAll = process.removeAllListeners.bind(process);
  process.removeAllListeners = ((event?: string | symbol) => {
    if (event !== undefined) return removeAll(event);
    for (const name of process.eventNames()) {
      for (const listener of process.rawListeners(name)) {
        if (!own.get(name)?.includes(listener)) process.removeListener(name, listener as (...args: unknown[]) => void);
      }
    }
    return process;
  }) as typeof process.removeAllListeners;
}

/** Puts `saved` back as the process's environment: what a test file set does not reach the next file. */
function restoreEnvironment(saved: NodeJS.ProcessEnv) {
  for (const name of Object.keys(process.env)) if (!(name in saved)) delete process.env[name];
  Object.assign(process.env, saved);
}

/**
 * Node's test environment, with the worker's folders put into the worker process's own environment before the
 * test file's sandbox sees it: `os.tmpdir()` and child processes read the process's real environment.
 *
 * Strapi and the app it loads from dist/ are required once per worker process, outside the test file's module
 * registry (tests/support/shared-modules.ts): inside it, every test file would load Strapi's thousands of modules
 * again through jest's resolver and vm — 3.5 s of CPU per file, most of a boot. That app reads the process's real
 * environment, so the sandbox shares it instead of a copy, and each file's changes are undone at its teardown.
 */
export default class WorkerEnvironment extends NodeEnvironment {
  private readonly started = usage();
  private readonly testPath: string;
  private readonly savedEnvironment: NodeJS.ProcessEnv;
  private readonly savedGlobals = new Map(RESTORED_GLOBALS.map((key) => [key, (globalThis as Record<PropertyKey, unknown>)[key]]));

  constructor(...[config, context]: ConstructorParameters<typeof NodeEnvironment>) {
    const passDir = process.env.TEST_PASS_DIR;
    if (passDir) Object.assign(process.env, workerFolders(passDir, process.env.JEST_WORKER_ID ?? '1'));
    super(config, context);
    this.testPath = context.testPath;
    this.savedEnvironment = { ...process.env };
    keepWorkerListeners();
    this.global.process.env = process.env;
    // Dates a test makes reach that app's database driver, which knows only the worker's own Date (instanceof).
    this.global.Date = Date;
    for (const key of SHARED_GLOBALS) {
      Object.defineProperty(this.global, key, {
        configurable: true,
        get: () => (globalThis as Record<PropertyKey, unknown>)[key],
        set: (value: unknown) => {
          (globalThis as Record<PropertyKey, unknown>)[key] = value;
        },
      });
    }
    this.global[SHARED_REQUIRE] = (id: string) => require(require.resolve(id, { paths: [appDir] }));
  }

  /** Records the file's wall, CPU and waiting time in TEST_PASS_DIR/usage.jsonl, for the timing table of scripts/test.js. */
  async teardown() {
    await super.teardown();
    restoreEnvironment(this.savedEnvironment);
    for (const [key, value] of this.savedGlobals) (globalThis as Record<PropertyKey, unknown>)[key] = value;
    const passDir = process.env.TEST_PASS_DIR;
    const ended = usage();
    if (!passDir || !this.started || !ended) return;
    const wallMs = ended.wallMs - this.started.wallMs;
    const line = {
      file: path.relative(appDir, this.testPath),
      wallMs,
      cpuMs: ended.cpuMs - this.started.cpuMs + takeUnreapedCpu(),
      waitingMs: Math.max(0, Math.round(wallMs - (ended.mainThreadMs - this.started.mainThreadMs))),
    };
    fs.appendFileSync(path.join(passDir, 'usage.jsonl'), `${JSON.stringify(line)}\n`);
  }
}
