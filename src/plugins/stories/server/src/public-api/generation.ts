import type { Knex } from 'knex';
import type { PublicTables } from './tables';
import { toDate } from './values';

/**
 * The one fact every instance's response cache depends on: a counter in the database that any change to public
 * content increments. An instance that sees it move drops its cached answers, so correctness never rests on one
 * process's memory: an answer is given only under a counter read at most a poll interval ago (`recent`). The poll
 * keeps that read off the requests while answers are asked for; an instance nobody asks stops polling, and its next
 * answer reads the counter first.
 */

export const GENERATION_NAME = 'public-api';

export interface Generation {
  value: number;
  changedAt: Date;
}

export class GenerationWatcher {
  private known: Generation | null = null;
  private readAt = 0;
  private askedAt = 0;
  private timer: NodeJS.Timeout | null = null;
  private polling = false;

  constructor(
    private readonly knex: Knex,
    private readonly t: PublicTables,
    private readonly onChange: (generation: Generation) => void,
    private readonly now: () => Date = () => new Date()
  ) {}

  /** The last value this instance saw (null before the first read). */
  get current(): Generation | null {
    return this.known;
  }

  private async ensureRow(): Promise<void> {
    const c = this.t.generations.col;
    await this.knex(this.t.generations.table)
      .insert({ [c.name]: GENERATION_NAME, [c.value]: 0, [c.changedAt]: this.now() })
      .onConflict(c.name)
      .ignore();
  }

  /** Reads the counter; when it moved since the last read, tells the cache. */
  async read(): Promise<Generation> {
    const startedAt = Date.now();
    const c = this.t.generations.col;
    let row = await this.knex(this.t.generations.table).select({ value: c.value, changedAt: c.changedAt }).where(c.name, GENERATION_NAME).first();
    if (!row) {
      await this.ensureRow();
      row = await this.knex(this.t.generations.table).select({ value: c.value, changedAt: c.changedAt }).where(c.name, GENERATION_NAME).first();
    }
    const generation = { value: Number(row.value), changedAt: toDate(row.changedAt) ?? this.now() };
    this.readAt = startedAt;
    if (!this.known || this.known.value !== generation.value) {
      this.known = generation;
      this.onChange(generation);
    }
    return generation;
  }

  /** The counter as of at most `maxAgeMs` ago: the last poll's value when it is that recent, else a new read. */
  async recent(maxAgeMs: number): Promise<Generation> {
    this.askedAt = Date.now();
    if (this.known && Date.now() - this.readAt < maxAgeMs) return this.known;
    return this.read();
  }

  /** Moves the counter for every instance (a public change was committed) and applies it here at once. */
  async bump(): Promise<Generation> {
    const c = this.t.generations.col;
    const updated = await this.knex(this.t.generations.table)
      .where(c.name, GENERATION_NAME)
      .update({ [c.value]: this.knex.raw('?? + 1', [c.value]), [c.changedAt]: this.now() });
    if (!updated) {
      await this.ensureRow();
      return this.bump();
    }
    return this.read();
  }

  /** Reads the counter every `intervalMs` while `recent` was asked within the last `idleAfterMs`. */
  start(intervalMs: number, idleAfterMs: number, onError: (error: unknown) => void) {
    if (this.timer) return;
    this.timer = setInterval(() => {
      if (this.polling || Date.now() - this.askedAt > idleAfterMs) return;
      this.polling = true;
      this.read()
        .catch(onError)
        .finally(() => {
          this.polling = false;
        });
    }, intervalMs);
    this.timer.unref();
  }

  stop() {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }
}
