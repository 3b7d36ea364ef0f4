import crypto from 'crypto';
import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';
import { storiesConfig } from '../config/settings';
import type { StoriesConfig } from '../config';
import { LookupCounts, ResponseCache } from './cache';
import { installFrontLayer } from './front-layer';
import { GenerationWatcher } from './generation';
import { ensurePublicApiSchema } from './indexes';
import { clearShownKeys, PartnerKeyResolver } from './partner-keys';
import { PublicQueries, type Reference } from './query';
import { RateLimits } from './rate-limit';
import { syncSearchIndex } from './search-index';
import { resolveTables, type PublicTables } from './tables';
import { UsageCounter } from './usage';
import { writeAccessOf } from './write-access';
import { buildWidgetAssets, widgetSourceDir, type WidgetAssets } from '../embed/widget-assets';

/**
 * The public API's moving parts of one Strapi instance: its response cache, the generation watcher, rate limits,
 * partner key look-ups and usage counting, started in bootstrap and stopped in destroy.
 */

const GENERATION_POLL_MS = 250;
/** An idle instance stops polling (each poll is a query; 4 a second add up over instances and hours). */
const GENERATION_POLL_WHILE_ASKED_MS = 10_000;
const HOUSEKEEPING_MS = 10_000;
const CACHE_BYTES = 64 * 1024 * 1024;
const REDIS_READY_WAIT_MS = 2000;

export type PublicApiSettings = StoriesConfig['publicApi'] & { publicUrl: string };

/**
 * Rate-limit counters are shared by the instances of one deployment, which is one database: the key prefix is
 * derived from the database's identity, so two deployments (or two test runs) on one Redis do not mix counts.
 */
function counterPrefix(strapi: Core.Strapi): string {
  const connection = strapi.config.get('database.connection') as { client?: string; connection?: Record<string, unknown> };
  const c = connection.connection ?? {};
  const identity = [connection.client, c.connectionString, c.host, c.port, c.database, c.schema, c.filename].map((v) => String(v ?? '')).join('|');
  return `zm:public-api:${crypto.createHash('sha1').update(identity).digest('hex').slice(0, 12)}`;
}

export class PublicApiRuntime {
  readonly settings: PublicApiSettings;
  readonly cache: ResponseCache;
  readonly usage = new UsageCounter();
  /** Built when the runtime is made, so a broken widget source stops the boot with its error. */
  readonly widget: WidgetAssets;
  readonly cacheLookups = new LookupCounts();
  cacheEnabled: boolean;
  private state: {
    tables: PublicTables;
    queries: PublicQueries;
    generation: GenerationWatcher;
    limits: RateLimits;
    keys: PartnerKeyResolver;
    uninstallFrontLayer: () => void;
    housekeeping: NodeJS.Timeout;
  } | null = null;
  private referenceCache: { generation: number; reference: Promise<Reference> } | null = null;
  /** Bookkeeping that runs after a commit, awaited when the app stops so that nothing writes to a closed pool. */
  private readonly afterCommitWork = new Set<Promise<void>>();

  constructor(private readonly strapi: Core.Strapi) {
    const config = storiesConfig(strapi);
    this.settings = { ...config.publicApi, publicUrl: config.publicUrl };
    this.cache = new ResponseCache(this.settings.cacheTtlMs, CACHE_BYTES);
    this.cacheEnabled = this.settings.cache;
    this.widget = buildWidgetAssets(widgetSourceDir(strapi.dirs.app.root), new Date());
  }

  get knex(): Knex {
    return this.strapi.db.connection;
  }

  get started() {
    return this.state !== null;
  }

  private get running() {
    if (!this.state) throw new Error('The public API is not started (its bootstrap has not run or it was stopped).');
    return this.state;
  }

  get tables() {
    return this.running.tables;
  }
  get queries() {
    return this.running.queries;
  }
  get generation() {
    return this.running.generation;
  }
  get limits() {
    return this.running.limits;
  }
  get keys() {
    return this.running.keys;
  }

  async start() {
    if (this.state) return;
    const { strapi, knex } = this;
    const tables = resolveTables(strapi);
    await ensurePublicApiSchema(knex, tables);
    const indexed = await syncSearchIndex(knex, tables);
    if (indexed.indexed || indexed.dropped)
      strapi.log.info(`Public API: search index updated (${indexed.indexed} stories indexed, ${indexed.dropped} dropped).`);
    const generation = new GenerationWatcher(knex, tables, () => this.forgetAnswers());
    await generation.read();
    generation.start(GENERATION_POLL_MS, GENERATION_POLL_WHILE_ASKED_MS, (error) =>
      strapi.log.warn(`Public API: could not read the cache generation: ${(error as Error).message}`)
    );
    const limits = new RateLimits(this.settings.redisUrl, counterPrefix(strapi), strapi.log);
    if (this.settings.redisUrl && !(await limits.ready(REDIS_READY_WAIT_MS))) {
      strapi.log.warn('Public API: Redis did not answer at start-up; rate limits are counted in memory until it does.');
    }
    const housekeeping = setInterval(() => {
      this.housekeeping().catch((error) => strapi.log.warn(`Public API: housekeeping failed: ${(error as Error).message}`));
    }, HOUSEKEEPING_MS);
    housekeeping.unref();
    this.state = {
      tables,
      queries: new PublicQueries(knex, tables),
      generation,
      limits,
      keys: new PartnerKeyResolver(knex, tables, this.settings.keyRateLimitPerMinute),
      uninstallFrontLayer: () => undefined,
      housekeeping,
    };
    this.state.uninstallFrontLayer = installFrontLayer(strapi.server.httpServer, this, strapi);
  }

  /** What a browser may send to this canonical target besides reading (write-access.ts). */
  writeAccess(target: string) {
    return writeAccessOf(this.strapi, target);
  }

  /** Keeps `work` until it has finished, so that `stop` can wait for it. */
  track(work: Promise<void>) {
    this.afterCommitWork.add(work);
    void work.finally(() => this.afterCommitWork.delete(work));
  }

  async stop() {
    const state = this.state;
    if (!state) return;
    while (this.afterCommitWork.size) await Promise.allSettled([...this.afterCommitWork]);
    this.state = null;
    state.uninstallFrontLayer();
    state.generation.stop();
    clearInterval(state.housekeeping);
    await this.usage
      .flush(this.knex, state.tables, new Date())
      .catch((error) => this.strapi.log.warn(`Public API: could not save partner usage counts: ${(error as Error).message}`));
    await state.limits.close();
    this.forgetAnswers();
  }

  /** The cache generation, read from the database unless the poll read it within its interval. */
  freshGeneration() {
    return this.running.generation.recent(GENERATION_POLL_MS);
  }

  /** Drops every cached answer and the reference data read for them. */
  forgetAnswers() {
    this.cache.clear();
    this.referenceCache = null;
  }

  /** Regions, themes and projects as of a generation, read once per generation. */
  reference(generation: number): Promise<Reference> {
    if (this.referenceCache?.generation !== generation) {
      const reference = this.running.queries.reference();
      this.referenceCache = { generation, reference };
      reference.catch(() => {
        if (this.referenceCache?.reference === reference) this.referenceCache = null;
      });
    }
    return this.referenceCache.reference;
  }

  /** Public content changed and is committed: drop this instance's answers now and tell the others. */
  async contentChanged() {
    if (!this.state) return;
    this.forgetAnswers();
    await this.state.generation.bump();
  }

  async housekeeping() {
    const state = this.running;
    const now = new Date();
    await this.usage.flush(this.knex, state.tables, now);
    await clearShownKeys(this.knex, state.tables, now);
  }
}

/**
 * One runtime per Strapi instance, also when this module is loaded twice — the app runs the compiled copy, while
 * scripts and tests may call services through the source — so the registry lives in a global slot.
 */
const REGISTRY = Symbol.for('zusammen-mehr.public-api.runtimes');
const slots = globalThis as { [REGISTRY]?: WeakMap<Core.Strapi, PublicApiRuntime> };
const runtimes = (slots[REGISTRY] ??= new WeakMap<Core.Strapi, PublicApiRuntime>());

export function runtimeOf(strapi: Core.Strapi): PublicApiRuntime {
  let runtime = runtimes.get(strapi);
  if (!runtime) {
    runtime = new PublicApiRuntime(strapi);
    runtimes.set(strapi, runtime);
  }
  return runtime;
}
