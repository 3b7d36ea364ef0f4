// Small HTTP helpers: query access that accepts both `part=a&part=b` (Node client) and
// `part=a,b` (other clients), body reading, and JSON/empty replies.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { ApiError, errors } from './errors';

export class Query {
  private readonly params: URLSearchParams;

  constructor(params: URLSearchParams) {
    this.params = params;
  }

  get(name: string): string | undefined {
    const v = this.params.get(name);
    return v === null ? undefined : v;
  }

  has(name: string): boolean {
    return this.params.has(name);
  }

  /** Repeated and comma-joined values, flattened, trimmed, empties dropped. */
  list(name: string): string[] {
    return this.params
      .getAll(name)
      .flatMap((v) => v.split(','))
      .map((v) => v.trim())
      .filter((v) => v.length > 0);
  }

  bool(name: string): boolean {
    return this.get(name) === 'true';
  }

  toRecord(): Record<string, string | string[]> {
    const out: Record<string, string | string[]> = {};
    for (const key of new Set(this.params.keys())) {
      const all = this.params.getAll(key);
      out[key] = all.length === 1 ? (all[0] as string) : all;
    }
    return out;
  }
}

export interface ContentType {
  type: string;
  params: Record<string, string>;
}

export function parseContentType(header: string | undefined): ContentType {
  if (!header) return { type: '', params: {} };
  const [type, ...rest] = header.split(';');
  const params: Record<string, string> = {};
  for (const p of rest) {
    const eq = p.indexOf('=');
    if (eq < 0) continue;
    const key = p.slice(0, eq).trim().toLowerCase();
    let value = p.slice(eq + 1).trim();
    if (value.startsWith('"') && value.endsWith('"')) value = value.slice(1, -1);
    params[key] = value;
  }
  return { type: (type ?? '').trim().toLowerCase(), params };
}

/** Reads a whole (small) body; anything past `limit` is a 413 like Google's front end. */
export function readBody(req: IncomingMessage, limit = 10 * 1024 * 1024): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let tooBig = false;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) tooBig = true;
      if (!tooBig) chunks.push(chunk);
    });
    req.on('end', () => {
      if (tooBig) reject(errors.uploadTooLarge(limit));
      else resolve(Buffer.concat(chunks));
    });
    req.on('error', reject);
    req.on('aborted', () => reject(new Error('request aborted')));
  });
}

export async function readJson(req: IncomingMessage): Promise<unknown> {
  const body = await readBody(req);
  if (body.length === 0) return {};
  return parseJsonBuffer(body);
}

export function parseJsonBuffer(body: Buffer): unknown {
  try {
    return JSON.parse(body.toString('utf8')) as unknown;
  } catch {
    throw errors.parseError();
  }
}

export function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(body, null, 2);
  res.writeHead(status, {
    'Content-Type': 'application/json; charset=UTF-8',
    'Content-Length': String(Buffer.byteLength(text)),
    ...headers,
  });
  res.end(text);
}

export function sendEmpty(res: ServerResponse, status: number, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'Content-Length': '0', ...headers });
  res.end();
}

export function sendHtml(res: ServerResponse, status: number, html: string): void {
  res.writeHead(status, {
    'Content-Type': 'text/html; charset=UTF-8',
    'Content-Length': String(Buffer.byteLength(html)),
    'Cache-Control': 'no-store',
  });
  res.end(html);
}

export function sendApiError(res: ServerResponse, err: ApiError): void {
  // Google names the realm on 401s; clients refresh the token and retry once.
  const headers: Record<string, string> = err.code === 401 ? { 'WWW-Authenticate': 'Bearer realm="https://accounts.google.com/"' } : {};
  sendJson(res, err.code, err.toEnvelope(), headers);
}

/** Narrow an unknown JSON value to a plain object. */
export function asObject(value: unknown): Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

export function asString(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** The base URL as the client reached us, so Location headers work through any host alias. */
export function requestBaseUrl(req: IncomingMessage, fallback: string): string {
  const host = req.headers.host;
  return host ? `http://${host}` : fallback;
}
