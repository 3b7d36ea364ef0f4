// Fault injection. Randomness is a seeded PRNG so a flaky-network scenario replays exactly.
import type { FaultSpec } from './types';

/** mulberry32: tiny, good enough for picking which calls fail. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// OAuth calls are not "API calls" for errorRate unless named explicitly in errorEndpoints.
const OAUTH_ENDPOINTS = new Set(['oauth2.token', 'oauth2.revoke']);

export class FaultState {
  private spec: FaultSpec = {};
  private random: () => number = Math.random;
  private dropsLeft = Infinity;

  set(spec: FaultSpec): void {
    this.spec = { ...spec };
    this.random = spec.seed !== undefined ? mulberry32(spec.seed) : Math.random;
    this.dropsLeft = spec.dropUploadTimes ?? Infinity;
  }

  clear(): void {
    this.set({});
  }

  get(): FaultSpec {
    return { ...this.spec };
  }

  private targets(endpoint: string): boolean {
    const list = this.spec.errorEndpoints;
    if (list && list.length > 0) return list.includes(endpoint);
    return !OAUTH_ENDPOINTS.has(endpoint);
  }

  latencyFor(endpoint: string): number {
    const ms = this.spec.latencyMs ?? 0;
    return ms > 0 && this.targets(endpoint) ? ms : 0;
  }

  /** 500 or 503 when this call should fail, otherwise null. */
  injectedError(endpoint: string): 500 | 503 | null {
    const rate = this.spec.errorRate ?? 0;
    if (rate <= 0 || !this.targets(endpoint)) return null;
    if (this.random() >= rate) return null;
    return this.random() < 0.5 ? 500 : 503;
  }

  /** Byte count after which an upload body should be cut, or null. */
  dropAfter(): number | null {
    const n = this.spec.dropUploadAfterBytes;
    if (n === undefined || n < 0 || this.dropsLeft <= 0) return null;
    return n;
  }

  /** Called when a drop really happened, so dropUploadTimes counts cuts, not uploads. */
  consumeDrop(): void {
    this.dropsLeft -= 1;
    if (this.dropsLeft <= 0) delete this.spec.dropUploadAfterBytes;
  }

  /** Whether this completed upload's answer should be lost. One-shot. */
  takeLoseResponse(): boolean {
    if (!this.spec.loseUploadResponse) return false;
    delete this.spec.loseUploadResponse;
    return true;
  }

  /** How long a fresh upload stays missing from the uploads playlist. */
  uploadsPlaylistLagMs(): number {
    return Math.max(0, this.spec.uploadsPlaylistLagMs ?? 0);
  }

  sessionsExpired(): boolean {
    return this.spec.expireUploadSessions === true;
  }

  quotaFlags(): { quotaExhausted: boolean; uploadLimitExhausted: boolean } {
    return { quotaExhausted: this.spec.quotaExhausted === true, uploadLimitExhausted: this.spec.uploadLimitExhausted === true };
  }
}
