import { EDITORIAL_STATUSES, type EditorialStatus } from '../../../../../shared/review';

/**
 * The editorial workflow of a story: submitted → in_review → approved | rejected, back to in_review from either,
 * and withdrawn — a final state only a withdrawal of consent (review/withdrawal.ts) can set. Pure, so the documents
 * middleware and the tests share one table; the statuses themselves live in shared/review.ts for the admin too.
 */
export { EDITORIAL_STATUSES, type EditorialStatus };

export const STATUS_LABELS: Record<EditorialStatus, string> = {
  submitted: 'eingereicht',
  in_review: 'in Prüfung',
  approved: 'freigegeben',
  rejected: 'abgelehnt',
  withdrawn: 'zurückgezogen',
};

const MOVES: Record<EditorialStatus, EditorialStatus[]> = {
  submitted: ['in_review'],
  in_review: ['approved', 'rejected'],
  approved: ['in_review'],
  rejected: ['in_review'],
  withdrawn: [],
};

export const isEditorialStatus = (value: unknown): value is EditorialStatus => EDITORIAL_STATUSES.includes(value as EditorialStatus);

/** The moves an editor may make from a status (withdrawal is not among them: it has its own action). */
export const allowedMoves = (from: EditorialStatus): EditorialStatus[] => MOVES[from];

/** Why a move is refused, in words for the editor; null when it is allowed. */
export function refusedMove(from: EditorialStatus, to: EditorialStatus): string | null {
  if (from === to || MOVES[from].includes(to)) return null;
  if (to === 'withdrawn') {
    return 'Der Status „zurückgezogen“ entsteht nur durch einen Widerruf der Einwilligung: bitte unter „Einreichungen“ die Aktion „Einwilligung widerrufen“ verwenden.';
  }
  if (from === 'withdrawn') return 'Die Einwilligung wurde widerrufen: der Status „zurückgezogen“ kann nicht mehr geändert werden.';
  const allowed = MOVES[from].map((s) => `„${STATUS_LABELS[s]}“`).join(' oder ');
  return `Der Redaktionsstatus kann nicht von „${STATUS_LABELS[from]}“ zu „${STATUS_LABELS[to]}“ wechseln – erlaubt ist von hier nur ${allowed}.`;
}
