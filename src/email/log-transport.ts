import type { SentMessageInfo, Transport } from 'nodemailer';
import type MailMessage from 'nodemailer/lib/mailer/mail-message';

/**
 * A nodemailer transport for installations without an SMTP server: every mail is written to the log in full (at
 * info level) instead of being sent, so nothing is lost silently. config/plugins.ts hands it to Strapi's nodemailer
 * provider as its transport; a provider module of our own would have to be named by path, and Strapi lower-cases
 * the provider name, which breaks any install path with a capital letter.
 */

export interface MailLog {
  info(message: string): void;
}

const globalLog = (): MailLog => (globalThis as { strapi?: { log: MailLog } }).strapi?.log ?? console;

const list = (value: unknown): string => {
  if (value === undefined || value === null || value === '') return '';
  if (Array.isArray(value)) return value.map(list).join(', ');
  if (typeof value === 'object' && 'address' in (value as object)) {
    const { name, address } = value as { name?: string; address: string };
    return name ? `${name} <${address}>` : address;
  }
  return String(value);
};

export function formatLoggedMail(data: MailMessage['data']): string {
  const headers = [
    ['From', list(data.from)],
    ['To', list(data.to)],
    ['Cc', list(data.cc)],
    ['Reply-To', list(data.replyTo)],
    ['Subject', String(data.subject ?? '')],
  ].filter(([, value]) => value);
  return [
    'E-mail NOT sent (no SMTP server configured: set SMTP_HOST to send mail); its full text follows.',
    ...headers.map(([name, value]) => `${name}: ${value}`),
    '',
    typeof data.text === 'string' ? data.text : '(no plain-text part)',
  ].join('\n');
}

export function logTransport(log: () => MailLog = globalLog): Transport<SentMessageInfo> {
  return {
    name: 'log',
    version: '1.0.0',
    send(mail: MailMessage, callback: (error: Error | null, info: SentMessageInfo) => void) {
      try {
        log().info(formatLoggedMail(mail.data));
        callback(null, { envelope: mail.message.getEnvelope(), messageId: mail.message.messageId(), logged: true });
      } catch (error) {
        callback(error as Error, undefined);
      }
    },
  };
}
