import { Flex, Typography } from '@strapi/design-system';
import { Card, useTimeFormat } from '../../../../../../shared/admin';
import type { SyncStatus } from '../../api-types';
import { useT } from '../../translate';
import { Meter } from '../Meter';
import { StoryLink } from '../StoryLink';

/**
 * Today's quota against the budget as the sync's own ledger counts it, when YouTube resets it (midnight Pacific
 * time, shown in local time), and the jobs parked until then.
 */
export function QuotaCard({ quota }: { quota: SyncStatus['quota'] }) {
  const t = useT();
  const format = useTimeFormat();
  const percent = Math.min(100, Math.round((quota.used / Math.max(1, quota.budget)) * 100));
  return (
    <Card title={t('dashboard.quota.title')} data-testid="quota">
      <Flex direction="column" alignItems="stretch" gap={3}>
        <Typography variant="epsilon" textColor="neutral800">
          {t('dashboard.quota.used', { used: format.number(quota.used), budget: format.number(quota.budget) })}
        </Typography>
        <Typography variant="omega" textColor="neutral600">
          {t('dashboard.quota.left', { left: format.number(quota.left) })}
        </Typography>
        <Meter percent={percent} tone={percent >= 90 ? 'danger' : percent >= 70 ? 'warning' : 'primary'} label={t('dashboard.quota.title')} />
        <Flex justifyContent="space-between" wrap="wrap" gap={2}>
          <Typography variant="omega" textColor="neutral600">
            {t('dashboard.quota.uploads', { count: quota.uploads })}
          </Typography>
          <Typography variant="omega" textColor="neutral600">
            {t('dashboard.quota.reset', { time: format.dateTime(quota.resetsAt), relative: format.relative(quota.resetsAt) })}
          </Typography>
        </Flex>
        {quota.parkedTotal > 0 && (
          <Flex direction="column" alignItems="flex-start" gap={1} data-testid="quota-parked">
            <Typography variant="omega" textColor="neutral800">
              {t('dashboard.quota.parked', { count: quota.parkedTotal })}
            </Typography>
            {quota.parked.map((job) => (
              <StoryLink key={job.storyDocumentId} documentId={job.storyDocumentId} title={job.storyTitle} />
            ))}
            {quota.parkedTotal > quota.parked.length && (
              <Typography variant="pi" textColor="neutral600">
                {t('dashboard.quota.parkedMore', { count: quota.parkedTotal - quota.parked.length })}
              </Typography>
            )}
          </Flex>
        )}
        <Typography variant="pi" textColor="neutral500">
          {t('dashboard.quota.hint')}
        </Typography>
      </Flex>
    </Card>
  );
}
