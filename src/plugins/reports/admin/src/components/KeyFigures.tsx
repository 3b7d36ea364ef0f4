import { Box, Grid, Typography } from '@strapi/design-system';
import { useIntl } from 'react-intl';
import type { ReportSummary } from '../api';
import { useT, type MessageKey } from '../translate';

function Figure({ label, value, testId }: { label: string; value: string; testId: string }) {
  return (
    <Box background="primary100" hasRadius padding={4} data-testid={testId}>
      <Typography variant="alpha" textColor="primary700" tag="p">
        {value}
      </Typography>
      <Typography variant="pi" textColor="neutral800">
        {label}
      </Typography>
    </Box>
  );
}

/** The key figures of the report, as the PDF's first page shows them. */
export function KeyFigures({ summary }: { summary: ReportSummary }) {
  const t = useT();
  const intl = useIntl();
  const n = (value: number) => intl.formatNumber(value);
  const s = summary.submissions;
  const figures: [MessageKey, string, string][] = [
    ['figures.published', n(summary.published), 'published'],
    ['figures.districts', n(summary.districts.filter((d) => d.key && d.stories > 0).length), 'districts'],
    ['figures.received', n(s.received), 'received'],
    ['figures.approved', n(s.byStatus.approved ?? 0), 'approved'],
    ['figures.rejected', n(s.byStatus.rejected ?? 0), 'rejected'],
    ['figures.withdrawn', n(s.byStatus.withdrawn ?? 0), 'withdrawn'],
    ['figures.median', s.medianDaysToPublication === null ? '–' : intl.formatNumber(s.medianDaysToPublication, { minimumFractionDigits: 1 }), 'median'],
    ['figures.views', n(summary.youtube.views), 'views'],
    ['figures.likes', n(summary.youtube.likes), 'likes'],
    ['figures.comments', n(summary.youtube.comments), 'comments'],
    ['figures.failures', n(summary.syncFailures.total), 'failures'],
  ];
  return (
    <>
      <Grid.Root gap={3}>
        {figures.map(([key, value, testId]) => (
          <Grid.Item key={key} col={3} s={6} xs={12} direction="column" alignItems="stretch">
            <Figure label={t(key)} value={value} testId={`figure-${testId}`} />
          </Grid.Item>
        ))}
      </Grid.Root>
      <Typography variant="pi" textColor="neutral600">
        {summary.youtube.statsAt
          ? t('figures.statsAt', { date: intl.formatDate(summary.youtube.statsAt, { dateStyle: 'medium', timeStyle: 'short' }) })
          : t('figures.noStats')}
      </Typography>
    </>
  );
}
