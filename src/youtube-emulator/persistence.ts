// Optional JSON state file so a demo restart keeps the channel. Writes are debounced and
// atomic (write + rename) so a kill -9 leaves either the old or the new file, never half.
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { PersistedState } from './store';

export class StateFile {
  private readonly path: string;
  private timer: NodeJS.Timeout | null = null;
  private snapshot: (() => PersistedState) | null = null;

  constructor(path: string) {
    this.path = path;
  }

  load(): PersistedState | null {
    if (!existsSync(this.path)) return null;
    try {
      const parsed = JSON.parse(readFileSync(this.path, 'utf8')) as PersistedState;
      return parsed.version === 1 ? parsed : null;
    } catch (e) {
      console.error(`[youtube-emulator] ignoring unreadable state file ${this.path}:`, e);
      return null;
    }
  }

  schedule(snapshot: () => PersistedState): void {
    this.snapshot = snapshot;
    if (this.timer) return;
    this.timer = setTimeout(() => this.flush(), 200);
    this.timer.unref();
  }

  flush(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    if (!this.snapshot) return;
    const data = JSON.stringify(this.snapshot());
    this.snapshot = null;
    mkdirSync(dirname(this.path), { recursive: true });
    const tmp = `${this.path}.${process.pid}.tmp`;
    writeFileSync(tmp, data);
    renameSync(tmp, this.path);
  }
}
