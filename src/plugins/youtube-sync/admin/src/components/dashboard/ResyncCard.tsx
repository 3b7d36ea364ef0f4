import { Flex, Typography } from '@strapi/design-system';
import { Card, useTimeFormat } from '../../../../../../shared/admin';
import type { ResyncProgress } from '../../api-types';
import { useT } from '../../translate';
import { Meter } from '../Meter';

/** Progress of "re-sync everything": finished jobs against the stories it queued. */
export function ResyncCard({ resync }: { resync: ResyncProgress }) {
  const t = useT();
  const format = useTimeFormat();
  const finished = resync.done + resync.failed;
  const percent = resync.total === 0 ? 100 : Math.round((finished / resync.total) * 100);
  return (
    <Card title={t('dashboard.resync.title')} data-testid="resync">
      <Flex direction="column" alignItems="stretch" gap={3}>
        <Typography variant="epsilon" textColor="neutral800">
          {t('dashboard.resync.progress', { done: format.number(finished), total: format.number(resync.total) })}
        </Typography>
        <Meter percent={percent} tone={resync.finished ? 'success' : 'primary'} label={t('dashboard.resync.title')} />
        <Flex gap={4} wrap="wrap">
          {resync.finished && (
            <Typography variant="omega" textColor="success600">
              {t('dashboard.resync.finished', { time: format.dateTime(resync.startedAt) })}
            </Typography>
          )}
          {resync.failed > 0 && (
            <Typography variant="omega" textColor="danger600">
              {t('dashboard.resync.failed', { count: resync.failed })}
            </Typography>
          )}
          {resync.waiting > 0 && (
            <Typography variant="omega" textColor="warning600">
              {t('dashboard.resync.waiting', { count: resync.waiting })}
            </Typography>
          )}
        </Flex>
      </Flex>
    </Card>
  );
}
