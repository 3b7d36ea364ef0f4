import type { Core } from '@strapi/strapi';
import type { SiteService } from '../../../../../shared/story-services';
import { site } from '../dependencies';
import type { LegalPath } from '../../../../../shared/legal-pages';

interface LegalDocument {
  title: string;
  body: unknown;
  feedbackEmail?: string | null;
  updatedAt?: string | null;
}

const dateFormat = new Intl.DateTimeFormat('de-DE', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'Europe/Berlin' });

/**
 * A legal page as a full HTML document, from its single type as the office last saved it. Whether the office has
 * reviewed the text is shown only in the admin: an "Entwurf" banner would make visitors doubt a page they are
 * entitled to rely on, and the seeded drafts already show their gaps as [placeholders] — the bootstrap warns
 * while a page is unreviewed. Returns null when the page does not exist (deleted in the admin).
 */
export async function renderLegalPage(strapi: Core.Strapi, page: LegalPath): Promise<string | null> {
  const doc = (await strapi.documents(page.uid as never).findFirst({})) as LegalDocument | null;
  if (!doc) return null;
  const { escapeHtml, renderPage, blocksToHtml } = site(strapi);
  const body = blocksToHtml(doc.body);
  const feedback = doc.feedbackEmail
    ? `<h2 id="rueckmeldung">Kontakt für Ihre Rückmeldung</h2>
<p>E-Mail: <a href="mailto:${escapeHtml(doc.feedbackEmail)}">${escapeHtml(doc.feedbackEmail)}</a></p>`
    : '';
  const updated = doc.updatedAt ? `<p class="page-meta">Stand: ${escapeHtml(dateFormat.format(new Date(doc.updatedAt)))}</p>` : '';
  return renderPage({
    title: doc.title,
    main: `<article class="prose">
<h1>${escapeHtml(doc.title)}</h1>
${body}
${feedback}
${updated}
</article>`,
  });
}

export function renderMissingLegalPage({ escapeHtml, renderPage }: SiteService, page: LegalPath): string {
  return renderPage({
    title: page.label,
    main: `<h1>${escapeHtml(page.label)}</h1>
<p>Diese Seite wird gerade überarbeitet. Bitte versuchen Sie es später noch einmal.</p>
<p lang="en" class="en">This page is being revised. Please try again later.</p>`,
  });
}
