import type { Core } from '@strapi/strapi';
import type { Mail } from './mail';

/**
 * Sends a submission's mails after its story is committed, without making the submitter wait for the mail server.
 * A mail that cannot be sent is written to the error log in full with its reference number, so the office can
 * send it by hand: the submission itself has succeeded and stays. Stopping the app waits for mails under way.
 */
export class Outbox {
  private readonly pending = new Set<Promise<void>>();

  constructor(private readonly strapi: Core.Strapi) {}

  send(mail: Mail, referenceNumber: string) {
    const { strapi } = this;
    const delivery = (async () => {
      try {
        await strapi.plugin('email').service('email').send(mail);
      } catch (error) {
        strapi.log.error(
          `Submission ${referenceNumber}: the mail "${mail.subject}" to ${mail.to} could not be sent (${(error as Error).message}). ` +
            `Please send it by hand; its text:\n${mail.text}`
        );
      }
    })();
    this.pending.add(delivery);
    void delivery.finally(() => this.pending.delete(delivery));
  }

  /** Resolves once every mail handed over so far has been sent or logged. */
  async drain() {
    while (this.pending.size) await Promise.all([...this.pending]);
  }
}
