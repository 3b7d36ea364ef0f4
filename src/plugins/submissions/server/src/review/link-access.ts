import type { Core } from '@strapi/strapi';
import { verifyWithdrawalToken, WithdrawalTokenError, type WithdrawalSubject } from '../intake/withdrawal-token';
import { currentLinkVersion } from './link-version';

/**
 * The personal link from the confirmation mail, checked: the story it is for (with the link's version, which is
 * the story's current one), or why it cannot be used — the HTTP status and a plain message (German and English)
 * for the page and the JSON API alike. A link replaced by a newer one is gone (410) like an expired one.
 */

export type LinkReason = 'missing' | 'invalid' | 'expired' | 'replaced';
export type LinkProblem = { status: 400 | 410; reason: LinkReason; message: string };
export type LinkSubject = Required<WithdrawalSubject>;

const PROBLEMS: Record<LinkReason, LinkProblem> = {
  missing: { status: 400, reason: 'missing', message: 'Der Link ist unvollständig: es fehlt der Schlüssel (token). / The link is incomplete: the token is missing.' },
  invalid: { status: 400, reason: 'invalid', message: 'Der Link ist ungültig oder wurde verändert. / The link is not valid or was changed.' },
  expired: { status: 410, reason: 'expired', message: 'Der Link ist abgelaufen. / The link has expired.' },
  replaced: {
    status: 410,
    reason: 'replaced',
    message: 'Dieser Link wurde ersetzt: Bitte nutzen Sie den neuesten Link aus Ihren E-Mails. / This link was replaced: please use the newest link from your e-mails.',
  },
};

export async function checkLink(strapi: Core.Strapi, token: unknown): Promise<{ subject: LinkSubject } | { problem: LinkProblem }> {
  if (typeof token !== 'string' || !token.trim()) return { problem: PROBLEMS.missing };
  let subject: WithdrawalSubject;
  try {
    subject = verifyWithdrawalToken(strapi, token);
  } catch (error) {
    if (error instanceof WithdrawalTokenError) return { problem: PROBLEMS[error.reason] };
    throw error;
  }
  const version = subject.version ?? 0;
  const current = await currentLinkVersion(strapi, subject.documentId);
  if (version < current) return { problem: PROBLEMS.replaced };
  if (version > current) return { problem: PROBLEMS.invalid };
  return { subject: { ...subject, version } };
}
