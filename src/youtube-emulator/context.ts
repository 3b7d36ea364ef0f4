// What every handler needs: the state, the clock, the quota ledger and the fault switches.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { FaultState } from './faults';
import type { Query } from './http';
import type { QuotaLedger } from './quota';
import type { AccessTokenRecord, Store } from './store';
import type { UploadSessions } from './upload-sessions';
import type { CallRecord, EmulatorRules, OAuthClient, QuotaModel } from './types';

export interface ResolvedOptions {
  host: string;
  port: number;
  quotaModel: QuotaModel;
  dailyUnits: number;
  dailyUploads: number;
  clients: OAuthClient[];
  refreshTokens: Array<{ token: string; clientId: string | null; scope: string }>;
  forcePrivateUploads: boolean;
  accessTokenTtlSeconds: number;
  stateFile?: string;
  publicUrl?: string;
}

export interface EmulatorContext {
  store: Store;
  quota: QuotaLedger;
  faults: FaultState;
  sessions: UploadSessions;
  options: ResolvedOptions;
  /** Switchable at run time (setRules, POST /__emulator/rules). */
  rules: EmulatorRules;
  now(): Date;
  /** Base URL of the emulator (publicUrl or the listening address). */
  baseUrl(): string;
  /** State changed: schedule a save of the state file. */
  changed(): void;
  logCall(call: CallRecord): void;
}

export interface ApiRequest {
  req: IncomingMessage;
  res: ServerResponse;
  url: URL;
  query: Query;
  endpoint: string;
  /** Base URL as the client reached us. */
  base: string;
  token: AccessTokenRecord | null;
}

export type Outcome =
  | { kind: 'json'; status: number; body: unknown; headers?: Record<string, string> }
  | { kind: 'empty'; status: number; headers?: Record<string, string> }
  | { kind: 'raw'; status: number; body: Buffer; contentType: string }
  /** The emulator destroyed the socket. `completed`: the operation took effect anyway. */
  | { kind: 'dropped'; completed: boolean };

export type Handler = (ctx: EmulatorContext, r: ApiRequest) => Promise<Outcome>;
