import { Table, Tbody, Td, Tr, Typography } from '@strapi/design-system';
import { useIntl } from 'react-intl';
import { TableHead } from '../../../../../shared/admin';
import type { ReportSummary } from '../api';
import { useT } from '../translate';

/** "Einreichungen nach Quelle": the submissions of the period per partner link, as the files list them. */
export function ReferralSources({ sources }: { sources: ReportSummary['submissions']['byReferralSource'] }) {
  const t = useT();
  const intl = useIntl();
  if (!sources.length) return <Typography textColor="neutral600">{t('sources.empty')}</Typography>;
  return (
    <Table colCount={2} rowCount={sources.length + 1} aria-label={t('sources.title')} data-testid="referral-sources">
      <TableHead labels={[t('sources.source'), t('sources.submissions')]} />
      <Tbody>
        {sources.map((row) => (
          <Tr key={row.source ?? ''}>
            <Td>
              <Typography textColor={row.source ? 'neutral800' : 'neutral600'}>{row.source ?? t('sources.without')}</Typography>
            </Td>
            <Td>
              <Typography>{intl.formatNumber(row.submissions)}</Typography>
            </Td>
          </Tr>
        ))}
      </Tbody>
    </Table>
  );
}
