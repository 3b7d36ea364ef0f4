/**
 * Headers of the iframe page. Strapi's security middleware forbids framing everywhere (X-Frame-Options SAMEORIGIN,
 * frame-ancestors 'self'); this one page is meant to be framed by any partner site, so it replaces them. Its own
 * policy allows scripts, styles and API calls from this server only and frames from YouTube's privacy-enhanced
 * domain only. Cover images may come from an upload provider on another host, hence https: for images.
 */
export const EMBED_CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' https: data:",
  "connect-src 'self'",
  'frame-src https://www.youtube-nocookie.com',
  'frame-ancestors *',
  "base-uri 'self'",
  "form-action 'none'",
].join('; ');

export const EMBED_HEADERS: Record<string, string> = {
  'Content-Security-Policy': EMBED_CONTENT_SECURITY_POLICY,
  // YouTube's player does not start without a referrer; the origin is all it gets.
  'Referrer-Policy': 'strict-origin-when-cross-origin',
  'Content-Type': 'text/html; charset=utf-8',
};

/** Partners' pages may keep the page a few minutes; the stories inside are fetched fresh by the widget. */
export const EMBED_CACHE_CONTROL = 'public, max-age=300';
