import { englishDate, germanDate, type Mail } from '../intake/mail';

/**
 * The mails of the personal link besides the confirmation: the one-time code for seeing one's data, and a new
 * link that replaces the older ones. German first, then English, like the confirmation.
 */

export interface CodeMailFacts {
  email: string;
  referenceNumber: string;
  code: string;
  validMinutes: number;
}

export function accessCodeMail(f: CodeMailFacts): Mail {
  const text = `Guten Tag,

Ihr Code, um Ihre gespeicherten Daten zur Einreichung ${f.referenceNumber} anzusehen:

${f.code}

Der Code gilt ${f.validMinutes} Minuten und nur einmal. Wenn Sie ihn nicht angefordert haben, können Sie diese E-Mail ignorieren: Ohne den Code sieht niemand Ihre Daten.

Ihre Redaktion ZUSAMMEN. MEHR.

---------------------------------------- English ----------------------------------------

Your code to see the data stored about your submission ${f.referenceNumber}:

${f.code}

The code works for ${f.validMinutes} minutes and only once. If you did not ask for it, ignore this e-mail: without the code nobody sees your data.

The ZUSAMMEN. MEHR. editorial team
`;
  return { to: f.email, subject: `Ihr Code: ${f.code} – Vorgangsnummer ${f.referenceNumber} / Your code`, text };
}

export interface NewLinkFacts {
  email: string;
  referenceNumber: string;
  link: string;
  validUntil: Date;
}

export function newLinkMail(f: NewLinkFacts): Mail {
  const text = `Guten Tag,

hier ist Ihr neuer persönlicher Link zu Ihrer Einreichung ${f.referenceNumber}. Damit sehen Sie, was wir gespeichert haben, und können Ihre Einwilligung jederzeit widerrufen (gültig bis ${germanDate(f.validUntil)}):
${f.link}

Alle früheren Links gelten ab jetzt nicht mehr. Bitte geben Sie den Link nicht weiter.

Ihre Redaktion ZUSAMMEN. MEHR.

---------------------------------------- English ----------------------------------------

Here is your new personal link to your submission ${f.referenceNumber}. With it you see what we have stored and can withdraw your consent at any time (valid until ${englishDate(f.validUntil)}):
${f.link}

All earlier links no longer work. Please do not share this link.

The ZUSAMMEN. MEHR. editorial team
`;
  return { to: f.email, subject: `Ihr neuer persönlicher Link – Vorgangsnummer ${f.referenceNumber} / Your new personal link`, text };
}
