import zlib from 'zlib';
import type { PublicResponse } from './response';

/**
 * Content coding of text answers (JSON, HTML, JS, CSS, feeds): brotli or gzip as the client's Accept-Encoding
 * prefers (q-values, `identity`, `*`), identity otherwise. Each variant has its own strong ETag (the identity tag
 * with `-br`/`-gz` inside the quotes) and is compressed at most once per answer object: a cached answer keeps its
 * variants for as long as it is cached, so serving a hit never compresses.
 */

export type Encoding = 'br' | 'gzip' | 'identity';

/** Below this a compressed body saves less than the headers and the work cost. */
export const MIN_COMPRESS_BYTES = 1024;

const COMPRESSIBLE = /^(application\/(json|[\w.+-]*\+(json|xml)|xml|javascript)|text\/[\w.+-]+|image\/svg\+xml)\s*(;|$)/i;

const SERVER_PREFERENCE: Encoding[] = ['br', 'gzip', 'identity'];

/** The coding to send for an Accept-Encoding header (RFC 9110 §12.5.3); absent means identity. */
export function chooseEncoding(acceptEncoding: string | string[] | undefined): Encoding {
  const header = Array.isArray(acceptEncoding) ? acceptEncoding.join(',') : acceptEncoding;
  if (!header) return 'identity';
  const weights = new Map<string, number>();
  for (const part of header.split(',')) {
    const [name, ...params] = part.trim().toLowerCase().split(';');
    if (!name) continue;
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    const weight = q ? Number(q.slice(2)) : 1;
    weights.set(name === 'x-gzip' ? 'gzip' : name, Number.isFinite(weight) ? weight : 0);
  }
  const weightOf = (coding: Encoding) => weights.get(coding) ?? (coding === 'identity' ? (weights.get('*') ?? 1) : (weights.get('*') ?? 0));
  let best: Encoding = 'identity';
  let bestWeight = 0;
  for (const coding of SERVER_PREFERENCE) {
    const weight = weightOf(coding);
    if (weight > bestWeight) {
      best = coding;
      bestWeight = weight;
    }
  }
  return best;
}

/** Whether an answer of this type and size is worth compressing (and so varies by Accept-Encoding). */
export const isCompressible = (contentType: string, bytes: number) => bytes >= MIN_COMPRESS_BYTES && COMPRESSIBLE.test(contentType);

const SUFFIX: Record<Exclude<Encoding, 'identity'>, string> = { br: '-br', gzip: '-gz' };

/** `"abc"` → `"abc-br"`; a weak tag stays weak. */
export function variantEtag(etag: string, encoding: Encoding): string {
  if (encoding === 'identity') return etag;
  return etag.replace(/"$/, `${SUFFIX[encoding]}"`);
}

function compress(body: Buffer, encoding: Exclude<Encoding, 'identity'>): Buffer {
  if (encoding === 'gzip') return zlib.gzipSync(body, { level: 9 });
  return zlib.brotliCompressSync(body, {
    params: {
      [zlib.constants.BROTLI_PARAM_QUALITY]: 10,
      [zlib.constants.BROTLI_PARAM_MODE]: zlib.constants.BROTLI_MODE_TEXT,
      [zlib.constants.BROTLI_PARAM_SIZE_HINT]: body.length,
    },
  });
}

/** One answer as sent in one coding. */
export interface Variant {
  encoding: Encoding;
  body: Buffer;
  etag: string;
  /** Whether the answer's bytes depend on Accept-Encoding (then `Vary: Accept-Encoding`). */
  varies: boolean;
}

const variants = new WeakMap<PublicResponse, Map<Encoding, Variant>>();

/** The variant of `response` for this Accept-Encoding, compressed on first use and kept with the answer object. */
export function variantOf(response: PublicResponse, acceptEncoding: string | string[] | undefined): Variant {
  const varies = isCompressible(response.contentType, response.body.length);
  const encoding = varies ? chooseEncoding(acceptEncoding) : 'identity';
  let known = variants.get(response);
  if (!known) {
    known = new Map();
    variants.set(response, known);
  }
  let variant = known.get(encoding);
  if (!variant) {
    const body = encoding === 'identity' ? response.body : compress(response.body, encoding);
    variant = { encoding, body, etag: variantEtag(response.etag, encoding), varies };
    known.set(encoding, variant);
  }
  return variant;
}

/** The headers that tell a variant apart; Vary is merged into what is already there. */
export function variantHeaders(variant: Variant, vary: string | undefined): Record<string, string> {
  const headers: Record<string, string> = { ETag: variant.etag };
  if (variant.encoding !== 'identity') headers['Content-Encoding'] = variant.encoding;
  if (variant.varies) headers.Vary = vary ? `${vary}, Accept-Encoding` : 'Accept-Encoding';
  else if (vary) headers.Vary = vary;
  return headers;
}
