import type { Core } from '@strapi/strapi';
import { verifyWithdrawalToken, WithdrawalTokenError, type WithdrawalSubject } from '../submissions/withdrawal-token';

/**
 * The personal link from the confirmation mail, checked: the story it is for, or why it cannot be used — the HTTP
 * status and a plain message (German and English) for the page and the JSON API alike.
 */

export type LinkProblem = { status: 400 | 410; reason: 'missing' | 'invalid' | 'expired'; message: string };

const PROBLEMS: Record<LinkProblem['reason'], LinkProblem> = {
  missing: { status: 400, reason: 'missing', message: 'Der Link ist unvollständig: es fehlt der Schlüssel (token). / The link is incomplete: the token is missing.' },
  invalid: { status: 400, reason: 'invalid', message: 'Der Link ist ungültig oder wurde verändert. / The link is not valid or was changed.' },
  expired: { status: 410, reason: 'expired', message: 'Der Link ist abgelaufen. / The link has expired.' },
};

export function checkLink(strapi: Core.Strapi, token: unknown): { subject: WithdrawalSubject } | { problem: LinkProblem } {
  if (typeof token !== 'string' || !token.trim()) return { problem: PROBLEMS.missing };
  try {
    return { subject: verifyWithdrawalToken(strapi, token) };
  } catch (error) {
    if (error instanceof WithdrawalTokenError) return { problem: PROBLEMS[error.reason] };
    throw error;
  }
}
