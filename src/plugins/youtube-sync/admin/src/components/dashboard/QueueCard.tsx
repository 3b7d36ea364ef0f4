import { Flex, Table, Tbody, Td, Tr, Typography } from '@strapi/design-system';
import { Card, TableHead, useTimeFormat } from '../../../../../../shared/admin';
import type { JobView } from '../../api-types';
import { useT } from '../../translate';
import { StatusBadge } from '../StatusBadge';
import { StoryLink } from '../StoryLink';

/** What is still to do, soonest first, with when each job is tried next. */
export function QueueCard({ queue, total }: { queue: JobView[]; total: number }) {
  const t = useT();
  const format = useTimeFormat();
  const next = (job: JobView) => (job.status === 'running' || new Date(job.runAt).getTime() <= Date.now() ? t('common.now') : format.relative(job.runAt));
  return (
    <Card title={`${t('dashboard.queue.title')} (${total})`} data-testid="queue">
      {queue.length === 0 ? (
        <Typography textColor="neutral600">{t('dashboard.queue.empty')}</Typography>
      ) : (
        <Table colCount={4} rowCount={queue.length + 1}>
          <TableHead labels={[t('dashboard.table.story'), t('dashboard.table.status'), t('dashboard.table.next'), t('dashboard.table.attempts')]} />
          <Tbody>
            {queue.map((job) => (
              <Tr key={job.storyDocumentId} data-story={job.storyDocumentId}>
                <Td style={{ whiteSpace: 'normal' }}>
                  <Flex direction="column" alignItems="flex-start" gap={1}>
                    <StoryLink documentId={job.storyDocumentId} title={job.storyTitle} />
                    {job.error && (
                      <Typography variant="pi" textColor="neutral600">
                        {t('dashboard.queue.lastError', { reason: t(`reason.${job.error.reason}`) })}
                      </Typography>
                    )}
                  </Flex>
                </Td>
                <Td>
                  <StatusBadge status={job.status} />
                </Td>
                <Td>
                  <Typography variant="omega" title={format.dateTime(job.runAt)}>
                    {next(job)}
                  </Typography>
                </Td>
                <Td>
                  <Typography variant="omega">{job.attempts}</Typography>
                </Td>
              </Tr>
            ))}
          </Tbody>
        </Table>
      )}
      {total > queue.length && (
        <Typography variant="pi" textColor="neutral600">
          {t('dashboard.queue.more', { count: total - queue.length })}
        </Typography>
      )}
    </Card>
  );
}
