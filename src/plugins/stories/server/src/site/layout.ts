/**
 * The shell of every public page the app serves outside /api (/mitmachen, the legal pages, /widerruf, /melden,
 * /embed/stories): one HTML document with the alliance's header, a skip link and the footer with the four legal
 * links. Styles come from /assets/site.css and scripts only from files (`scripts`), never inline, so the pages
 * work under the Content Security Policy of Strapi's security middleware.
 */
import { escapeHtml as escapeHtmlText } from '../public-api/blocks';
import { LEGAL_PATHS } from '../../../../../shared/legal-pages';

/** The office's address from the call for participation, named on the public pages unless OFFICE_EMAIL is set. */
export const OFFICE_EMAIL = 'buendnis@niedersachsen.de';

export type PageOptions = {
  /** The page's own title; the document title becomes "<title> – ZUSAMMEN. MEHR.". */
  title: string;
  lang?: 'de';
  /** Trusted HTML of the main content: callers escape every dynamic value with escapeHtml. */
  main: string;
  /** Trusted HTML appended to <head> (e.g. a <meta name="robots"> or a page-specific stylesheet link). */
  head?: string;
  /** Script URLs, loaded with `defer` in this order. */
  scripts?: string[];
};

/** Escapes any value for HTML element content and quoted attribute values (null and undefined become ''). */
export function escapeHtml(text: unknown): string {
  return escapeHtmlText(String(text ?? ''));
}

export function renderPage(options: PageOptions): string {
  const lang = options.lang ?? 'de';
  const scripts = (options.scripts ?? []).map((src) => `<script src="${escapeHtml(src)}" defer></script>`).join('\n');
  const footerLinks = LEGAL_PATHS.map((link) => `<li><a href="${link.path}">${link.label}</a></li>`).join('');
  return `<!doctype html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(options.title)} – ZUSAMMEN. MEHR.</title>
<link rel="stylesheet" href="/assets/site.css">
${options.head ?? ''}
${scripts}
</head>
<body>
<a class="skip-link" href="#main">Zum Inhalt springen</a>
<header class="site-header">
  <div class="site-header__inner">
    <p class="site-brand"><span class="site-brand__claim">ZUSAMMEN. MEHR.</span>
      <span class="site-brand__alliance">Niedersachsen packt an</span></p>
    <nav aria-label="Hauptnavigation" class="site-header__nav"><a class="site-header__link" href="/geschichten">Geschichten</a>
      <a class="site-header__link" href="/mitmachen">Mitmachen</a></nav>
  </div>
</header>
<main id="main" tabindex="-1">
${options.main}
</main>
<footer class="site-footer">
  <div class="site-footer__inner">
    <nav aria-label="Rechtliches"><ul class="site-footer__links">${footerLinks}<li><a href="/partner">Für Partner</a></li></ul></nav>
    <p>Ein Angebot des Bündnisses „Niedersachsen packt an“.</p>
  </div>
</footer>
</body>
</html>
`;
}
