import { pagePolicy } from '../site/page-policy';

/**
 * Headers of the iframe page. Strapi's security middleware forbids framing everywhere (X-Frame-Options SAMEORIGIN,
 * frame-ancestors 'self'); this one page is meant to be framed by any partner site, so its policy lets any site
 * frame it, and it has no form to post.
 */
export const EMBED_CONTENT_SECURITY_POLICY = pagePolicy({ frameAncestors: '*', formAction: "'none'" });

export const EMBED_HEADERS: Record<string, string> = {
  'Content-Security-Policy': EMBED_CONTENT_SECURITY_POLICY,
  // YouTube's player does not start without a referrer; the origin is all it gets.
  'Referrer-Policy': 'strict-origin-when-cross-origin',
  'Content-Type': 'text/html; charset=utf-8',
};

/** Partners' pages may keep the page a few minutes; the stories inside are fetched fresh by the widget. */
export const EMBED_CACHE_CONTROL = 'public, max-age=300';
