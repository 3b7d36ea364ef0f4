/**
 * The Content-Security-Policy of the plugin's own HTML pages (story pages, the partners' iframe page), replacing the
 * default of Strapi's security middleware: scripts, styles and API calls from this server only (no inline code),
 * images also from an upload provider's https host, and frames from YouTube's privacy-enhanced domain only. The
 * pages differ only in who may frame them and where their forms may post.
 */
export function pagePolicy({ frameAncestors, formAction }: { frameAncestors: string; formAction: string }): string {
  return [
    "default-src 'none'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' https: data:",
    "connect-src 'self'",
    'frame-src https://www.youtube-nocookie.com',
    `frame-ancestors ${frameAncestors}`,
    "base-uri 'self'",
    `form-action ${formAction}`,
  ].join('; ');
}
