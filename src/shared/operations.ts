import type { IncomingMessage, ServerResponse } from 'http';
import type { Core } from '@strapi/strapi';
import type { z } from 'zod';
import type { Clock } from './clock';

/**
 * The shapes of the operations plugin's services (`strapi.plugin('operations').service(name)`), for the plugins that
 * use them: Strapi types every service as `any`, so a caller annotates what it takes with these. Types only; the
 * logic stays in src/plugins/operations.
 */

export type Where = Record<string, unknown>;

export interface LeasedRow {
  id: number;
  lockToken: string | null;
}

/** Rows that workers on several instances take one at a time under a lease (lease-queue/lease-queue.ts). */
export interface LeaseQueue {
  /** The content type of the rows. */
  uid: string;
  /** The status of a row while a worker holds it; rows without a status column are held while they carry a token. */
  heldStatus?: string;
  /** The rows that wait for a worker at `at` (ISO time). */
  waiting: (at: string) => Where;
  orderBy: Record<string, 'asc' | 'desc'>[];
}

export interface ClaimOptions<Row extends LeasedRow> {
  now: Date;
  leaseMs: number;
  /** Narrows the rows that may be claimed (e.g. one schedule's row). */
  scope?: Where;
  /** What the claim writes besides token, lease and held status (attempts, start time, instance …). */
  claimData?: (candidate: Row) => Where;
  /** A row not to be tried again (its workers died too often): what to write instead; the claim then moves on. */
  giveUp?: (candidate: Row) => Where | null;
  /** Runs in the claim's transaction once the row is won (or given up), e.g. to fence other rows with the token. */
  onTakeOver?: (candidate: Row, written: Where) => Promise<void>;
}

export interface Lease {
  /** Throws the lease-lost error once the lease was lost or ran out; called before every step that must be the holder's. */
  assert(): void;
  /** Ends the heartbeat; the row itself is let go by `release`. */
  stop(): void;
}

/**
 * The name of the error a worker stops with once another one took its row over (`leaseLost`): code that only lets
 * it pass through, without a strapi at hand, recognises it by this name.
 */
export const LEASE_LOST_ERROR = 'LeaseLostError';

export interface LeaseQueueService {
  /** The next due row (waiting, or held under an expired lease) with a fresh lock token; null when none is due. */
  claimNext<Row extends LeasedRow>(queue: LeaseQueue, options: ClaimOptions<Row>): Promise<Row | null>;
  /** The heartbeat: moves the lease on (with `data`, e.g. progress); false once this holder lost the row. */
  renewLease(queue: LeaseQueue, row: LeasedRow, now: Date, leaseMs: number, data?: Where): Promise<boolean>;
  /** Writes `data` and lets the row go, only while this holder still holds it (and `also` matches). */
  release(queue: LeaseQueue, row: LeasedRow, data: Where, also?: Where): Promise<boolean>;
  /** Renews a claimed row's lease on a timer for as long as the worker runs it. */
  holdLease(queue: LeaseQueue, row: LeasedRow, what: string, now: () => Date, leaseMs: number): Lease;
  /** The error a worker stops with when another one took its row over. */
  leaseLost(what: string): Error;
  isLeaseLost(error: unknown): boolean;
}

export interface RequestsService {
  /** Who a request comes from (TRUSTED_PROXIES decides how far X-Forwarded-For is believed). */
  clientAddress(req: IncomingMessage): string;
  /** Parses request input with a zod schema; a failure becomes Strapi's ValidationError with one entry per field. */
  parseInput<T extends z.ZodTypeAny>(schema: T, input: unknown, what: string): z.infer<T>;
}

/** A background loop of this instance, as the shutdown sees it. */
export interface BackgroundWork {
  name: string;
  /** Takes no new work from now on. */
  stopClaiming(): void;
  /** Resolves when the work under way is done. */
  stop(): Promise<void>;
  /** Hands the work under way back to its queue; true when there was some. */
  releaseRunning?(): Promise<boolean>;
}

export interface Schedule {
  /** One database row per schedule, e.g. `reconcile`. */
  name: string;
  periodMs: number;
  /** How long a run holds its claim; after that another instance assumes the holder died and takes over. */
  leaseMs: number;
}

export interface RepeatingTask {
  /** Stops the timer and waits for a run in progress. */
  stop(): Promise<void>;
}

export interface BackgroundService {
  /** A loop the graceful shutdown stops claiming, waits for and, when it takes too long, hands back. */
  register(work: BackgroundWork): void;
  /** Runs `task` every `intervalMs` without overlapping itself. */
  startRepeatingTask(label: string, intervalMs: number, task: () => Promise<unknown>): RepeatingTask;
  /** Runs `task` if this instance wins the current period's claim; null when the run is not due or another has it. */
  runOncePerPeriod<T>(schedule: Schedule, clock: Clock, task: () => Promise<T>): Promise<T | null>;
  /** Checks regularly on every instance whether the schedule's run is due; the database decides which one runs. */
  startSchedule(schedule: Schedule, clock: Clock, task: () => Promise<unknown>): RepeatingTask;
}

export type UniqueAttribute = [uid: string, attribute: string];

export interface DatabaseService {
  ensureUniqueIndexes(unique: UniqueAttribute[]): Promise<void>;
}

/** A page or file link at the site's root; visitors have no account, so `mount` turns Strapi's authentication off. */
export type PublicRoute = Pick<Core.Route, 'method' | 'path' | 'handler'> & { config?: Omit<Core.RouteConfig, 'auth'> };

export type PublicRouteFactory = (params: { strapi: Core.Strapi }) => PublicRoute[];

export interface PublicRoutesService {
  /** Mounts a plugin's public pages on Strapi's root router (operations' public-router.ts says why not a plugin router). */
  mount(factories: PublicRouteFactory[]): void;
}

export interface EndpointsService {
  /**
   * Health, readiness and metrics, answered before anything else looks at the request (true: answered), and the
   * count of every other request. The front layer calls it first for each request, with the URL already canonical.
   */
  handle(req: IncomingMessage, res: ServerResponse): boolean;
}

export interface ReadinessCheck {
  /** The key in the answer, e.g. `redis`. */
  component: string;
  /** How a failure names it, e.g. `Redis`. */
  what: string;
  check: () => Promise<unknown> | null;
}

export interface ReadinessService {
  /** A component of the readiness answer; `check` resolves when it can serve, or is null when it is not configured. */
  registerCheck(check: ReadinessCheck): void;
  /** A folder this instance writes uploads to; the `storage` component is ready while every such folder is writable. */
  registerWritableDirectory(directory: () => string): void;
}

export interface GaugeSample {
  labels?: Record<string, string>;
  value: number;
}

export interface MetricsService {
  /** A gauge of a queue's rows per status (0 for every status the content type knows), read at each scrape. */
  statusGauge(name: string, help: string, uid: string): void;
  /** A gauge whose samples are read at each scrape. */
  gauge(name: string, help: string, labelNames: string[], read: () => Promise<GaugeSample[]> | GaugeSample[]): void;
  /** A counter kept by its plugin since this instance started, read at each scrape. */
  counter(name: string, help: string, read: () => number): void;
  /** A histogram of durations in seconds; `startTimer()` returns the function that records one when called. */
  histogram(name: string, help: string, labelNames: string[], buckets: number[]): { startTimer(): (labels?: Record<string, string>) => number };
}
