/**
 * Every failure of a YouTube or Google OAuth call becomes a YouTubeError of one of four kinds, because the queue
 * reacts to the kind, not to the status code: retry later, wait for the daily quota, ask an editor to reconnect
 * the channel, or give up with a reason an editor can read.
 */
export type ErrorKind = 'retryable' | 'quota' | 'auth' | 'permanent';

export class YouTubeError extends Error {
  constructor(
    message: string,
    readonly kind: ErrorKind,
    readonly status?: number,
    readonly reason?: string,
    /** What YouTube asked for in a Retry-After header (429, 503): wait at least this long. */
    readonly retryAfterMs?: number
  ) {
    super(message);
    this.name = 'YouTubeError';
  }
}

const QUOTA_REASONS = new Set(['quotaExceeded', 'dailyLimitExceeded', 'uploadLimitExceeded']);
const RATE_REASONS = new Set(['rateLimitExceeded', 'userRateLimitExceeded', 'backendError', 'internalError']);
const AUTH_REASONS = new Set(['invalid_grant', 'invalid_client', 'unauthorized_client', 'authError', 'forbidden:auth']);
const NETWORK_CODES = new Set(['ECONNRESET', 'ECONNREFUSED', 'ETIMEDOUT', 'EPIPE', 'EAI_AGAIN', 'UND_ERR_SOCKET', 'ECONNABORTED']);

interface GoogleErrorBody {
  error?: string | { code?: number; message?: string; errors?: { reason?: string; message?: string }[] };
  error_description?: string;
}

type HeaderBag = Headers | Record<string, string | string[] | undefined> | undefined;

/** Retry-After as seconds or as an HTTP date, in milliseconds from `now`; undefined when absent or unreadable. */
export function retryAfterMs(headers: HeaderBag, now = Date.now()): number | undefined {
  const raw = headers instanceof Headers ? headers.get('retry-after') : headers?.['retry-after'] ?? headers?.['Retry-After'];
  const value = (Array.isArray(raw) ? raw[0] : raw)?.trim();
  if (!value) return undefined;
  if (/^\d+$/.test(value)) return Number(value) * 1000;
  const at = Date.parse(value);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}

/** Pulls status, reason and message out of gaxios errors, fetch answers and socket errors alike. */
function describe(error: unknown): { status?: number; reason?: string; message: string; code?: string } {
  const e = error as {
    response?: { status?: number; data?: unknown; headers?: HeaderBag };
    status?: number;
    code?: string;
    cause?: { code?: string };
    message?: string;
    body?: GoogleErrorBody;
  };
  const status = e.response?.status ?? e.status;
  let body = (e.response?.data ?? e.body) as GoogleErrorBody | string | undefined;
  if (typeof body === 'string') {
    try {
      body = JSON.parse(body) as GoogleErrorBody;
    } catch {
      body = undefined;
    }
  }
  if (body && typeof body === 'object') {
    if (typeof body.error === 'string') {
      return { status, reason: body.error, message: body.error_description ?? body.error };
    }
    const first = body.error?.errors?.[0];
    if (body.error) return { status, reason: first?.reason, message: body.error.message ?? first?.message ?? 'YouTube error' };
  }
  return { status, message: e.message ?? String(error), code: e.code ?? e.cause?.code };
}

export function classify(error: unknown): YouTubeError {
  if (error instanceof YouTubeError) return error;
  const { status, reason, message, code } = describe(error);
  const text = `${status ? `HTTP ${status}` : code ?? 'network error'}${reason ? ` ${reason}` : ''}: ${message}`;
  let kind: ErrorKind;
  if (reason && QUOTA_REASONS.has(reason)) kind = 'quota';
  else if ((reason && AUTH_REASONS.has(reason)) || status === 401) kind = 'auth';
  else if ((reason && RATE_REASONS.has(reason)) || status === 429 || (status !== undefined && status >= 500)) kind = 'retryable';
  else if (status === undefined) kind = code && !NETWORK_CODES.has(code) && !/socket|network|fetch failed|aborted|ECONN/i.test(message) ? 'permanent' : 'retryable';
  else kind = 'permanent';
  const e = error as { response?: { headers?: HeaderBag }; headers?: HeaderBag };
  const wait = status === 429 || status === 503 ? retryAfterMs(e.response?.headers ?? e.headers) : undefined;
  return new YouTubeError(text, kind, status, reason, wait);
}
