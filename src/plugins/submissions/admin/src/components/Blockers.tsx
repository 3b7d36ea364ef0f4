import { Flex, Typography } from '@strapi/design-system';
import { Notice } from '../../../../../shared/admin';
import { useT } from '../translate';
import type { Gap } from '../api';

/** What still stands between a story and its publication — the same reasons the publish gate gives. */
export function Blockers({ blockers }: { blockers: Gap[] }) {
  const t = useT();
  if (!blockers.length) return <Notice tone="info">{t('review.detail.ready')}</Notice>;
  return (
    <Notice tone="warning" title={t('review.detail.blockers')}>
      <Flex tag="ul" direction="column" alignItems="flex-start" gap={1} data-testid="review-blockers">
        {blockers.map((gap) => (
          <Typography tag="li" key={`${gap.path.join('.')}:${gap.message}`}>
            {gap.message}
          </Typography>
        ))}
      </Flex>
    </Notice>
  );
}
