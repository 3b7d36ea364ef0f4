import { Flex, Typography } from '@strapi/design-system';
import { useTimeFormat } from '../../../../../shared/admin';
import { useT } from '../translate';
import { ACTION_KEY, ACTOR_KEY, SCOPE_KEY, STATUS_KEY } from './labels';
import { WITHDRAWAL_SCOPES, type AuditEntryView, type EditorialStatus, type WithdrawalScope } from '../api';

const isStatus = (value: string | null): value is EditorialStatus => Boolean(value && value in STATUS_KEY);
const isScope = (value: unknown): value is WithdrawalScope => WITHDRAWAL_SCOPES.includes(value as WithdrawalScope);

/** Who changed what and when, newest first: the story's audit trail. */
export function History({ entries }: { entries: AuditEntryView[] }) {
  const t = useT();
  const format = useTimeFormat();
  if (!entries.length) return <Typography textColor="neutral600">{t('review.detail.noHistory')}</Typography>;
  const status = (value: string | null) => (isStatus(value) ? t(STATUS_KEY[value]) : value ?? '–');
  return (
    <Flex tag="ol" direction="column" alignItems="stretch" gap={2} data-testid="review-history">
      {entries.map((entry) => {
        const note = typeof entry.details?.note === 'string' ? entry.details.note : null;
        const who = entry.actorType === 'editor' ? entry.actor : t(ACTOR_KEY[entry.actorType]);
        const moved = entry.fromStatus !== entry.toStatus;
        const scope = entry.details?.scope;
        return (
          <li key={entry.id}>
            <Typography variant="pi" textColor="neutral600">
              {format.dateTime(entry.at)} · {who}
            </Typography>
            <Typography tag="p">
              {ACTION_KEY[entry.action] ? t(ACTION_KEY[entry.action]) : entry.action}
              {isScope(scope) && ` – ${t(SCOPE_KEY[scope])}`}
              {moved && ` (${status(entry.fromStatus)} → ${status(entry.toStatus)})`}
            </Typography>
            {note && (
              <Typography tag="p" variant="pi" textColor="neutral700">
                „{note}“
              </Typography>
            )}
          </li>
        );
      })}
    </Flex>
  );
}
