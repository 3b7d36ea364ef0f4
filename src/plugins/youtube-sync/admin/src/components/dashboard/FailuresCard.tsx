import { Button, Table, Tbody, Td, Tr, Typography } from '@strapi/design-system';
import { ArrowClockwise } from '@strapi/icons';
import { Card, TableHead, useTimeFormat } from '../../../../../../shared/admin';
import type { JobView } from '../../api-types';
import { useT } from '../../translate';
import { FailureReason } from '../FailureReason';
import { StoryLink } from '../StoryLink';

interface Props {
  failures: JobView[];
  total: number;
  canSync: boolean;
  busy: boolean;
  onRetry: (documentId: string) => void;
  onRetryAll: () => void;
}

/** Failed jobs with what happened, in plain words, and a way to try again. */
export function FailuresCard({ failures, total, canSync, busy, onRetry, onRetryAll }: Props) {
  const t = useT();
  const format = useTimeFormat();
  const retryAll =
    canSync && total > 0 ? (
      <Button variant="secondary" startIcon={<ArrowClockwise />} onClick={onRetryAll} disabled={busy}>
        {t('dashboard.failures.retryAll')}
      </Button>
    ) : undefined;
  return (
    <Card title={`${t('dashboard.failures.title')} (${total})`} action={retryAll} data-testid="failures">
      {failures.length === 0 ? (
        <Typography textColor="success600">{t('dashboard.failures.empty')}</Typography>
      ) : (
        <Table colCount={canSync ? 4 : 3} rowCount={failures.length + 1}>
          <TableHead labels={[t('dashboard.table.story'), t('dashboard.table.reason'), t('dashboard.table.when'), ...(canSync ? [t('dashboard.table.actions')] : [])]} />
          <Tbody>
            {failures.map((job) => (
              <Tr key={job.storyDocumentId} data-story={job.storyDocumentId}>
                <Td style={{ whiteSpace: 'normal', verticalAlign: 'top', paddingTop: 12, minWidth: '16rem' }}>
                  <StoryLink documentId={job.storyDocumentId} title={job.storyTitle} />
                </Td>
                <Td style={{ whiteSpace: 'normal', verticalAlign: 'top', paddingTop: 12, paddingBottom: 12 }}>
                  {job.error && <FailureReason error={job.error} />}
                </Td>
                <Td style={{ verticalAlign: 'top', paddingTop: 12 }}>
                  <Typography variant="omega" textColor="neutral600">
                    {job.finishedAt ? format.dateTime(job.finishedAt) : '–'}
                  </Typography>
                </Td>
                {canSync && (
                  <Td style={{ verticalAlign: 'top', paddingTop: 8 }}>
                    <Button size="S" variant="tertiary" startIcon={<ArrowClockwise />} onClick={() => onRetry(job.storyDocumentId)} disabled={busy}>
                      {t('common.retry')}
                    </Button>
                  </Td>
                )}
              </Tr>
            ))}
          </Tbody>
        </Table>
      )}
      {total > failures.length && (
        <Typography variant="pi" textColor="neutral600">
          {t('dashboard.failures.more', { count: total - failures.length })}
        </Typography>
      )}
    </Card>
  );
}
