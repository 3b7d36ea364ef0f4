import nodemailer from 'nodemailer';
import { logTransport } from '../../src/email/log-transport';
import { confirmationMail, htmlOf, officeNotice } from '../../src/plugins/submissions/server/src/intake/mail';
import { escapeHtml } from '../../src/plugins/stories/server/src/site/layout';

/** The mails of a submission, and where mail goes when no SMTP server is configured. */

const facts = {
  name: 'Amal Haddad',
  email: 'amal.haddad@example.org',
  title: 'Amal lernt Pflege <in> Göttingen',
  referenceNumber: 'ZM-2026-4F7K2Q',
  withdrawalLink: 'https://zusammen-mehr.example/widerruf?token=abc.def',
  linkValidUntil: new Date('2029-11-28T10:00:00Z'),
  needsFilmingHelp: false,
  hasVideo: true,
};

describe('the confirmation to the submitter', () => {
  test('German, then English: reference number, what happens next, the withdrawal link and until when it works', () => {
    const mail = confirmationMail(facts);
    expect(mail.to).toBe('amal.haddad@example.org');
    expect(mail.subject).toBe('Ihre Geschichte ist angekommen – Vorgangsnummer ZM-2026-4F7K2Q / Your story has arrived');
    expect(mail.text.indexOf('Ihre Vorgangsnummer: ZM-2026-4F7K2Q')).toBeLessThan(mail.text.indexOf('Your reference number: ZM-2026-4F7K2Q'));
    expect(mail.text).toContain('Nichts wird automatisch veröffentlicht.');
    expect(mail.text).toContain('gültig bis 28. November 2029');
    expect(mail.text).toContain('valid until 28 November 2029');
    expect(mail.text.match(/https:\/\/zusammen-mehr\.example\/widerruf\?token=abc\.def/g)).toHaveLength(2);
    expect(mail.text).toContain('sieht sich Ihr Video an');
    expect(mail.text).not.toContain('Hilfe beim Filmen');
  });

  test('the HTML version escapes the title and links the withdrawal address', () => {
    const html = htmlOf(confirmationMail(facts).text, escapeHtml);
    expect(html).toContain('Amal lernt Pflege &lt;in&gt; Göttingen');
    expect(html).toContain('<a href="https://zusammen-mehr.example/widerruf?token=abc.def">');
  });

  test('a written story is not asked about its video; a request for filming help is answered', () => {
    const text = confirmationMail({ ...facts, hasVideo: false, needsFilmingHelp: true }).text;
    expect(text).not.toContain('Video an');
    expect(text).toContain('Sie haben Hilfe beim Filmen angefragt');
  });
});

test('the office notice says what the office plans with, links the admin, and carries no contact data', () => {
  const mail = officeNotice(
    {
      referenceNumber: 'ZM-2026-4F7K2Q',
      title: 'Ein Café für alle',
      region: 'Region Hannover',
      project: 'Frauencafé Nordstadt',
      themes: ['Ehrenamt und Vereine', 'Nachbarschaft'],
      video: 'file',
      needsFilmingHelp: true,
      needsEquipment: false,
      minorsShown: true,
      source: 'partner',
      adminLink: 'https://zusammen-mehr.example/admin/content-manager/collection-types/api::story.story/abc',
    },
    'buero@zusammen-mehr.example'
  );
  expect(mail.to).toBe('buero@zusammen-mehr.example');
  expect(mail.subject).toBe('Neue Einsendung ZM-2026-4F7K2Q: Ein Café für alle');
  for (const line of [
    'Region: Region Hannover',
    'Projekt: Frauencafé Nordstadt',
    'Themen: Ehrenamt und Vereine, Nachbarschaft',
    'Video: ja, als Datei hochgeladen',
    'Braucht Hilfe beim Filmen: ja',
    'Braucht Technik (Ausleihe): nein',
    'Minderjährige zu sehen: ja',
    'Eingegangen über: Partner-Schnittstelle',
    'Im Admin öffnen: https://zusammen-mehr.example/admin/content-manager/collection-types/api::story.story/abc',
  ])
    expect(mail.text).toContain(line);
  expect(mail.text).not.toMatch(/@|Haddad/);
});

test('without an SMTP server, a mail is written to the log in full instead of being lost', async () => {
  const logged: string[] = [];
  const transport = nodemailer.createTransport(logTransport(() => ({ info: (message: string) => logged.push(message) })));
  const mail = confirmationMail(facts);
  const info = await transport.sendMail({
    from: 'ZUSAMMEN. MEHR. <mitmachen@zusammen-mehr.example>',
    ...mail,
    replyTo: 'redaktion@zusammen-mehr.example',
  });
  expect(info.envelope).toEqual({ from: 'mitmachen@zusammen-mehr.example', to: ['amal.haddad@example.org'] });
  expect(logged).toHaveLength(1);
  expect(logged[0]).toContain('E-mail NOT sent (no SMTP server configured: set SMTP_HOST');
  expect(logged[0]).toContain('To: amal.haddad@example.org');
  expect(logged[0]).toContain('Reply-To: redaktion@zusammen-mehr.example');
  expect(logged[0]).toContain(`Subject: ${mail.subject}`);
  expect(logged[0]).toContain(mail.text);
});
