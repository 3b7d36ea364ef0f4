/**
 * One reading of a request target, taken once before anything decides by the URL. Koa's router matches paths
 * case-insensitively and with or without a trailing slash, and Node hands absolute-form targets
 * (`GET http://host/api/v1/…`) through as they came: a check on the raw `req.url` that the router reads differently
 * is a bypass. The front layer rewrites every request's URL to this canonical form before Koa sees it, so the
 * router, the rate limit, the cache key and every middleware read the same path; comparisons of paths go through
 * `isUnder`, which ignores case as the router does.
 */

const UNRESERVED = /[A-Za-z0-9\-._~]/;

/** `%61` → `a` for unreserved characters only (RFC 3986 §6.2.2.2); `%2F` and friends stay encoded. */
function decodeUnreserved(path: string): string {
  return path.replace(/%([0-9A-Fa-f]{2})/g, (escape, hex: string) => {
    const char = String.fromCharCode(parseInt(hex, 16));
    return UNRESERVED.test(char) ? char : escape.toUpperCase();
  });
}

/** RFC 3986 §5.2.4 on a path already split at '/', with empty segments (repeated slashes) dropped. */
function resolveSegments(path: string): string {
  const out: string[] = [];
  for (const segment of path.split('/')) {
    if (segment === '' || segment === '.') continue;
    if (segment === '..') out.pop();
    else out.push(segment);
  }
  return `/${out.join('/')}`;
}

/** The origin-form path of a target: absolute-form reduced to its path, '*' and unparsable targets left as they are. */
function originForm(rawUrl: string): string | null {
  if (rawUrl.startsWith('/')) return rawUrl;
  try {
    const url = new URL(rawUrl);
    return `${url.pathname}${url.search}`;
  } catch {
    return null;
  }
}

/**
 * The canonical request target: origin-form, unreserved characters decoded, dot segments resolved, repeated and
 * trailing slashes removed; the query string untouched, the case kept (route parameters such as slugs keep theirs).
 */
export function canonicalTarget(rawUrl: string): string {
  const target = originForm(rawUrl);
  if (target === null) return rawUrl;
  const hash = target.indexOf('#');
  const withoutHash = hash === -1 ? target : target.slice(0, hash);
  const question = withoutHash.indexOf('?');
  const path = question === -1 ? withoutHash : withoutHash.slice(0, question);
  const query = question === -1 ? '' : withoutHash.slice(question);
  return `${resolveSegments(decodeUnreserved(path))}${query}`;
}

/** The path of a canonical target, without its query string. */
export function pathOf(target: string): string {
  const question = target.indexOf('?');
  return question === -1 ? target : target.slice(0, question);
}

/** Whether a canonical target's path is `prefix` or lies below it, compared as the router compares: ignoring case. */
export function isUnder(target: string, prefix: string): boolean {
  const path = pathOf(target).toLowerCase();
  const base = prefix.toLowerCase().replace(/\/$/, '');
  return path === base || path.startsWith(`${base}/`);
}

/** Whether a canonical target's path is exactly `path`, ignoring case. */
export function isPath(target: string, path: string): boolean {
  return pathOf(target).toLowerCase() === path.toLowerCase();
}
