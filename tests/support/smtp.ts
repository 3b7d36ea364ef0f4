import { AddressInfo } from 'net';
import { SMTPServer } from 'smtp-server';
import { simpleParser, type ParsedMail } from 'mailparser';

/**
 * A local SMTP sink for tests: smtp-server on a free port, every message parsed with mailparser and kept. No TLS,
 * no login, so nodemailer talks plain SMTP to it; `smtpEnv()` points the app at it.
 */

export interface SmtpSink {
  port: number;
  messages: ParsedMail[];
  /** Resolves with the messages once at least `count` arrived (rejects after `timeoutMs`). */
  waitFor(count: number, timeoutMs?: number): Promise<ParsedMail[]>;
  /** Resolves with the first message `matches` accepts, once it arrived (mails go out asynchronously, through the outbox). */
  waitForMatch(matches: (mail: ParsedMail) => boolean, timeoutMs?: number): Promise<ParsedMail>;
  /** Forgets what arrived so far. */
  clear(): void;
  /** false: every connection is refused with 421 (server not available), as when the mail server is down. */
  setAvailable(available: boolean): void;
  close(): Promise<void>;
}

export async function startSmtpSink(): Promise<SmtpSink> {
  const messages: ParsedMail[] = [];
  const waiters: (() => void)[] = [];
  let available = true;
  const server = new SMTPServer({
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onConnect(_session, callback) {
      if (available) return callback();
      callback(Object.assign(new Error('Service not available, try again later'), { responseCode: 421 }));
    },
    onData(stream, _session, callback) {
      simpleParser(stream)
        .then((mail) => {
          messages.push(mail);
          waiters.splice(0).forEach((wake) => wake());
          callback();
        })
        .catch(callback);
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.server.address() as AddressInfo).port;
  const sink: SmtpSink = {
    port,
    messages,
    async waitFor(count, timeoutMs = 10_000) {
      const deadline = Date.now() + timeoutMs;
      while (messages.length < count) {
        const left = deadline - Date.now();
        if (left <= 0) throw new Error(`expected ${count} mail(s) at the SMTP sink, got ${messages.length}`);
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, left);
          waiters.push(() => {
            clearTimeout(timer);
            resolve();
          });
        });
      }
      return messages;
    },
    async waitForMatch(matches, timeoutMs = 10_000) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const found = messages.find(matches);
        if (found) return found;
        if (Date.now() >= deadline) throw new Error(`no matching mail at the SMTP sink among ${messages.length}: ${messages.map((m) => m.subject).join(' | ')}`);
        await sink.waitFor(messages.length + 1, deadline - Date.now()).catch(() => undefined);
      }
    },
    clear() {
      messages.splice(0);
    },
    setAvailable(value) {
      available = value;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
  return sink;
}

/** Env that makes the app send through the sink, with a sender and an office address. */
export function smtpEnv(sink: SmtpSink, extra: Record<string, string> = {}): Record<string, string> {
  return {
    SMTP_HOST: '127.0.0.1',
    SMTP_PORT: String(sink.port),
    SMTP_SECURE: 'false',
    EMAIL_FROM: 'ZUSAMMEN. MEHR. <mitmachen@zusammen-mehr.example>',
    EMAIL_REPLY_TO: 'redaktion@zusammen-mehr.example',
    OFFICE_EMAIL: 'buero@zusammen-mehr.example',
    ...extra,
  };
}
