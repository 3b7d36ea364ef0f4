import type { SiteService } from '../../../../../shared/story-services';

const NO_INDEX = '<meta name="robots" content="noindex">';

/** The thank-you page after a submission: the reference number, what happens next, how to withdraw. */
export function renderThankYou({ escapeHtml, renderPage }: SiteService, referenceNumber: string, officeEmail: string): string {
  const mail = escapeHtml(officeEmail);
  return renderPage({
    title: 'Danke für Ihre Geschichte',
    head: NO_INDEX,
    main: `<h1>Danke! Ihre Geschichte ist angekommen.<span class="en en-block" lang="en">Thank you! Your story has arrived.</span></h1>
<div class="notice notice--success">
  <p>Ihre Vorgangsnummer: <span class="reference" id="reference-number">${escapeHtml(referenceNumber)}</span></p>
  <p>Bitte notieren Sie die Nummer. Sie steht auch in der E-Mail, die wir Ihnen gerade geschickt haben.
  <span lang="en" class="en">Please note your reference number. It is also in the e-mail we just sent you.</span></p>
</div>
<h2>So geht es weiter<span class="en en-block" lang="en">What happens next</span></h2>
<ol>
  <li>Die Redaktion prüft Ihre Geschichte. <span lang="en" class="en">Our editors review your story.</span></li>
  <li>Wenn wir Fragen haben, schreiben wir Ihnen eine E-Mail. <span lang="en" class="en">If we have questions, we e-mail you.</span></li>
  <li>Nichts wird veröffentlicht, bevor die Redaktion es freigegeben hat – und nur dort, wo alle gezeigten Personen zugestimmt haben.
  <span lang="en" class="en">Nothing is published before our editors approve it, and only where everyone shown agreed.</span></li>
</ol>
<h2>Einwilligung widerrufen<span class="en en-block" lang="en">Withdrawing consent</span></h2>
<p>In der E-Mail finden Sie einen persönlichen Link. Damit können Sie die Einwilligung jederzeit für die Zukunft widerrufen – ganz oder nur für einzelne Kanäle – und sehen, welche Daten wir gespeichert haben.</p>
<p>Keine E-Mail bekommen? Schauen Sie bitte im Spam-Ordner nach oder schreiben Sie uns mit Ihrer Vorgangsnummer an <a href="mailto:${mail}">${mail}</a>.</p>
<p lang="en" class="en">The e-mail contains a personal link to withdraw consent at any time and to see the data we keep. No e-mail? Check your spam folder or write to us with your reference number.</p>
<p><a class="button button--secondary" href="/mitmachen">Noch eine Geschichte erzählen<span class="en" lang="en"> / Tell another story</span></a></p>`,
  });
}

/** Shown instead of the thank-you page when the link carries no valid reference number; the value is not echoed. */
export function renderUnknownReference({ renderPage }: SiteService): string {
  return renderPage({
    title: 'Vorgangsnummer ungültig',
    head: NO_INDEX,
    main: `<h1>Diese Vorgangsnummer ist ungültig<span class="en en-block" lang="en">This reference number is not valid</span></h1>
<p>Der Link ist unvollständig. Wenn Sie eine Geschichte geschickt haben, steht Ihre Vorgangsnummer in der E-Mail, die wir Ihnen geschickt haben.</p>
<p lang="en" class="en">The link is incomplete. Your reference number is in the e-mail we sent you.</p>
<p><a class="button button--secondary" href="/mitmachen">Zum Formular „Mitmachen“</a></p>`,
  });
}
