/**
 * The two mails of a submission, as plain text (the outbox adds the HTML version, `htmlOf`): the confirmation to the submitter (German, then
 * English) with the reference number and the personal withdrawal link, and the notice to the office (German) with
 * what it needs to plan and a link into the admin. The office notice carries no personal data: the admin has it.
 */

export interface Mail {
  to: string;
  subject: string;
  text: string;
  /** Made from `text` by the outbox (`htmlOf`) unless given. */
  html?: string;
  replyTo?: string;
}

export interface ConfirmationFacts {
  name: string;
  email: string;
  title: string;
  referenceNumber: string;
  withdrawalLink: string;
  linkValidUntil: Date;
  needsFilmingHelp: boolean;
  hasVideo: boolean;
}

export const germanDate = (date: Date) =>
  new Intl.DateTimeFormat('de-DE', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'Europe/Berlin' }).format(date);
export const englishDate = (date: Date) =>
  new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'Europe/Berlin' }).format(date);

/**
 * Blank-line separated paragraphs → <p>, single line breaks → <br>, addresses → links; `escapeHtml` is the site's
 * (stories' site service).
 */
export function htmlOf(text: string, escapeHtml: (text: string) => string): string {
  const body = text
    .split(/\n\s*\n/)
    .map(
      (p) =>
        `<p>${escapeHtml(p)
          .replace(/\n/g, '<br>')
          .replace(/(https?:\/\/[^\s<]+)/g, '<a href="$1">$1</a>')}</p>`
    )
    .join('\n');
  return `<!DOCTYPE html>\n<html><body style="font-family: system-ui, sans-serif; color: #003a70; line-height: 1.5">\n${body}\n</body></html>`;
}

export function confirmationMail(f: ConfirmationFacts): Mail {
  const filmingDe = f.needsFilmingHelp ? '\nSie haben Hilfe beim Filmen angefragt: Wir melden uns, um einen Termin zu finden.' : '';
  const filmingEn = f.needsFilmingHelp ? '\nYou asked for help with filming: we will contact you to find a date.' : '';
  const text = `Hallo ${f.name},

vielen Dank für Ihre Geschichte „${f.title}“! Sie ist bei uns angekommen.

Ihre Vorgangsnummer: ${f.referenceNumber}
Bitte nennen Sie diese Nummer, wenn Sie uns schreiben.

So geht es weiter:
1. Die Redaktion liest Ihre Geschichte${f.hasVideo ? ' und sieht sich Ihr Video an' : ''}.
2. Wenn wir Fragen haben, melden wir uns bei Ihnen.
3. Erst wenn alles geklärt ist, veröffentlichen wir die Geschichte. Nichts wird automatisch veröffentlicht.${filmingDe}

Ihre Daten und Ihre Einwilligung:
Unter diesem persönlichen Link können Sie Ihre Einwilligung jederzeit für die Zukunft widerrufen und – mit einem Code, den wir Ihnen dann per E-Mail schicken – sehen, was wir gespeichert haben (gültig bis ${germanDate(f.linkValidUntil)}):
${f.withdrawalLink}
Bitte geben Sie den Link nicht weiter.

Fragen? Antworten Sie einfach auf diese E-Mail.

Viele Grüße
Ihre Redaktion ZUSAMMEN. MEHR.
Niedersachsen packt an

---------------------------------------- English ----------------------------------------

Hello ${f.name},

thank you for your story "${f.title}"! It has arrived.

Your reference number: ${f.referenceNumber}
Please quote this number when you write to us.

What happens next:
1. Our editors read your story${f.hasVideo ? ' and watch your video' : ''}.
2. If we have questions, we will contact you.
3. We publish the story only when everything is clear. Nothing is published automatically.${filmingEn}

Your data and your consent:
With this personal link you can withdraw your consent for the future at any time and – with a code we then send you by e-mail – see what we have stored (valid until ${englishDate(f.linkValidUntil)}):
${f.withdrawalLink}
Please do not share this link.

Questions? Simply reply to this e-mail.

Kind regards
The ZUSAMMEN. MEHR. editorial team
`;
  return {
    to: f.email,
    subject: `Ihre Geschichte ist angekommen – Vorgangsnummer ${f.referenceNumber} / Your story has arrived`,
    text,
  };
}

export interface OfficeFacts {
  referenceNumber: string;
  title: string;
  region: string;
  project?: string;
  themes: string[];
  video: 'file' | 'youtube' | 'none';
  needsFilmingHelp: boolean;
  needsEquipment: boolean;
  minorsShown: boolean;
  source: 'form' | 'partner';
  adminLink: string;
}

const yes = (value: boolean) => (value ? 'ja' : 'nein');
const VIDEO = { file: 'ja, als Datei hochgeladen', youtube: 'ja, als YouTube-Link', none: 'nein (geschriebene Geschichte)' };

export function officeNotice(f: OfficeFacts, to: string): Mail {
  const text = `Neue Einsendung ${f.referenceNumber}

Titel: ${f.title}
Region: ${f.region}
Projekt: ${f.project ?? '–'}
Themen: ${f.themes.length ? f.themes.join(', ') : '–'}
Video: ${VIDEO[f.video]}
Braucht Hilfe beim Filmen: ${yes(f.needsFilmingHelp)}
Braucht Technik (Ausleihe): ${yes(f.needsEquipment)}
Minderjährige zu sehen: ${yes(f.minorsShown)}
Eingegangen über: ${f.source === 'partner' ? 'Partner-Schnittstelle' : 'Formular /mitmachen'}

Die Geschichte ist als Entwurf mit dem Status „Eingereicht“ gespeichert und wird erst nach Prüfung veröffentlicht.
Im Admin öffnen: ${f.adminLink}
`;
  return { to, subject: `Neue Einsendung ${f.referenceNumber}: ${f.title}`, text };
}
