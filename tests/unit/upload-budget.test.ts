import { decideUpload, PENDING_RETRY_AFTER_SECONDS, type UploadBudgetLimits } from '../../src/plugins/submissions/server/src/intake/upload-budget';

const MB = 1024 * 1024;
const limits: UploadBudgetLimits = { pendingBytes: 100 * MB, dailyBytesPerAddress: 10 * MB, partnerFactor: 3 };
const now = new Date('2026-12-06T12:00:00Z');
const hoursAgo = (hours: number) => new Date(now.getTime() - hours * 3600 * 1000);
const started = (...uploads: [mb: number, hoursAgo: number][]) => uploads.map(([mb, h]) => ({ bytes: mb * MB, reservedAt: hoursAgo(h) }));

describe('the upload budget', () => {
  test('an upload fits while the address and all pending uploads stay within their budgets, up to the byte', () => {
    expect(decideUpload(4 * MB, false, { pendingBytes: 96 * MB, startedByAddress: started([6, 1]) }, limits, now)).toEqual({ allowed: true });
  });

  test('one byte over the address budget: 429-kind, waiting until the oldest upload that must go has left the 24 hours', () => {
    const decision = decideUpload(4 * MB + 1, false, { pendingBytes: 0, startedByAddress: started([3, 1], [3, 20]) }, limits, now);
    // 6 MB in the window; 4 MB + 1 byte more needs the 20-hour-old 3 MB to leave it, 4 hours from now.
    expect(decision).toEqual({ allowed: false, limit: 'address', budgetBytes: 10 * MB, retryAfterSeconds: 4 * 3600 });
  });

  test('when even the oldest leaving is not enough, the wait is until the newer one leaves as well', () => {
    const decision = decideUpload(8 * MB, false, { pendingBytes: 0, startedByAddress: started([5, 1], [5, 20]) }, limits, now);
    expect(decision).toMatchObject({ allowed: false, limit: 'address', retryAfterSeconds: 23 * 3600 });
  });

  test('a partner gets the factor times the address budget, and no more', () => {
    const used = { pendingBytes: 0, startedByAddress: started([10, 1], [10, 2]) };
    expect(decideUpload(10 * MB, true, used, limits, now)).toEqual({ allowed: true });
    expect(decideUpload(10 * MB + 1, true, used, limits, now)).toMatchObject({ allowed: false, limit: 'address', budgetBytes: 30 * MB });
    expect(decideUpload(1, false, used, limits, now)).toMatchObject({ allowed: false, limit: 'address', budgetBytes: 10 * MB });
  });

  test('beyond the pending budget every address is refused, partners too, with a fixed wait', () => {
    const full = { pendingBytes: 99 * MB, startedByAddress: [] };
    const refusal = { allowed: false, limit: 'pending', budgetBytes: 100 * MB, retryAfterSeconds: PENDING_RETRY_AFTER_SECONDS };
    expect(decideUpload(2 * MB, false, full, limits, now)).toEqual(refusal);
    expect(decideUpload(2 * MB, true, full, limits, now)).toEqual(refusal);
    expect(decideUpload(1 * MB, false, full, limits, now)).toEqual({ allowed: true });
  });
});
