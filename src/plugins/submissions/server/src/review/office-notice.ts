import type { Core } from '@strapi/strapi';
import { queueMail } from '../outbox/mails';
import { submissionSettings } from '../intake/settings';

export interface OfficeNotice {
  /** What the notice is, without personal data: it stays in the outbox after the mail's content is erased. */
  about: string;
  subject: string;
  text: string;
}

/**
 * Tells the office (OFFICE_EMAIL) of something it has to act on by hand: a withdrawal for social media, a content
 * notice. The mail is queued in the durable outbox, which retries it and logs it in full if it cannot be
 * delivered; without OFFICE_EMAIL it is only logged.
 */
export async function notifyOffice(strapi: Core.Strapi, notice: OfficeNotice): Promise<void> {
  const to = submissionSettings(strapi).officeEmail;
  if (!to) {
    strapi.log.warn(`Notice for the office (OFFICE_EMAIL is not set, so it is only logged): ${notice.subject}\n${notice.text}`);
    return;
  }
  await queueMail(strapi, { to, subject: notice.subject, text: notice.text }, notice.about);
}

/** The story's page in the admin's content manager, for links in notices. */
export const adminStoryUrl = (strapi: Core.Strapi, documentId: string) => {
  const base = String(strapi.config.get('admin.url') ?? '/admin');
  const root = base.startsWith('http') ? base : `${String(strapi.config.get('server.url') || '').replace(/\/$/, '')}${base}`;
  return `${root.replace(/\/$/, '')}/content-manager/collection-types/api::story.story/${documentId}`;
};
