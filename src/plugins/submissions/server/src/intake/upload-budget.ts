/**
 * Whether one more resumable upload fits, by its declared size (Upload-Length), before a byte of it is stored:
 * - per address and day (a sliding 24 hours): the sizes of the uploads it started, finished or not — a partner
 *   (X-Submission-Secret) gets `partnerFactor` times as much, never unlimited;
 * - for everyone together: the sizes of the uploads still pending (started, neither taken by a submission nor
 *   cancelled nor expired), so the upload folder cannot be filled whatever the addresses.
 * Pure arithmetic; upload-reservations.ts reads the numbers from the database and records the reservation.
 */

export const DAY_MS = 24 * 3600 * 1000;

/**
 * When the pending budget is full nobody knows when uploads in progress end (finished, cancelled or expired);
 * a quarter of an hour is long enough not to hammer the server and short enough for a person to come back.
 */
export const PENDING_RETRY_AFTER_SECONDS = 15 * 60;

export interface UploadBudgetLimits {
  pendingBytes: number;
  dailyBytesPerAddress: number;
  partnerFactor: number;
}

export interface StartedUpload {
  bytes: number;
  reservedAt: Date;
}

export interface BudgetState {
  /** Declared bytes of every pending upload, on all instances. */
  pendingBytes: number;
  /** The uploads this address started within the last 24 hours. */
  startedByAddress: StartedUpload[];
}

export type BudgetDecision =
  | { allowed: true }
  | { allowed: false; limit: 'address' | 'pending'; budgetBytes: number; retryAfterSeconds: number };

export const addressBudget = (limits: UploadBudgetLimits, partner: boolean) => limits.dailyBytesPerAddress * (partner ? limits.partnerFactor : 1);

/** Seconds until enough of the address's uploads have left the 24-hour window for `bytes` more to fit. */
function secondsUntilFits(started: StartedUpload[], bytes: number, budget: number, now: Date): number {
  const oldestFirst = [...started].sort((a, b) => a.reservedAt.getTime() - b.reservedAt.getTime());
  let used = oldestFirst.reduce((sum, s) => sum + s.bytes, 0);
  for (const upload of oldestFirst) {
    used -= upload.bytes;
    if (used + bytes <= budget) return Math.max(1, Math.ceil((upload.reservedAt.getTime() + DAY_MS - now.getTime()) / 1000));
  }
  return DAY_MS / 1000;
}

export function decideUpload(bytes: number, partner: boolean, state: BudgetState, limits: UploadBudgetLimits, now: Date): BudgetDecision {
  const perAddress = addressBudget(limits, partner);
  const usedByAddress = state.startedByAddress.reduce((sum, s) => sum + s.bytes, 0);
  if (usedByAddress + bytes > perAddress) {
    return { allowed: false, limit: 'address', budgetBytes: perAddress, retryAfterSeconds: secondsUntilFits(state.startedByAddress, bytes, perAddress, now) };
  }
  if (state.pendingBytes + bytes > limits.pendingBytes) {
    return { allowed: false, limit: 'pending', budgetBytes: limits.pendingBytes, retryAfterSeconds: PENDING_RETRY_AFTER_SECONDS };
  }
  return { allowed: true };
}
