import type { Core } from '@strapi/strapi';
import { submissionSettings } from '../submissions/settings';

export interface OfficeNotice {
  subject: string;
  text: string;
}

/**
 * Tells the office (OFFICE_EMAIL) of something it has to act on by hand: a withdrawal for social media, a content
 * report. A notice that cannot be mailed goes to the log in full, never lost silently; the caller's action has
 * happened either way, so a mail failure does not undo it. Returns whether the mail went out.
 */
export async function notifyOffice(strapi: Core.Strapi, notice: OfficeNotice): Promise<boolean> {
  const to = submissionSettings(strapi).officeEmail;
  if (!to) {
    strapi.log.warn(`Notice for the office (OFFICE_EMAIL is not set, so it is only logged): ${notice.subject}\n${notice.text}`);
    return false;
  }
  try {
    await strapi.plugin('email').service('email').send({ to, subject: notice.subject, text: notice.text });
    return true;
  } catch (error) {
    strapi.log.error(`Could not mail the office "${notice.subject}": ${(error as Error).message}\n${notice.text}`);
    return false;
  }
}

/** The story's page in the admin's content manager, for links in notices. */
export const adminStoryUrl = (strapi: Core.Strapi, documentId: string) => {
  const base = String(strapi.config.get('admin.url') ?? '/admin');
  const root = base.startsWith('http') ? base : `${String(strapi.config.get('server.url') || '').replace(/\/$/, '')}${base}`;
  return `${root.replace(/\/$/, '')}/content-manager/collection-types/api::story.story/${documentId}`;
};
