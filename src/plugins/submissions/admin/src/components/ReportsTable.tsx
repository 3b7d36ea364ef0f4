import * as React from 'react';
import { Button, Flex, Loader, Table, Tbody, Td, TextButton, Tr, Typography } from '@strapi/design-system';
import { useNotification } from '@strapi/strapi/admin';
import { errorMessage, TableHead, useTimeFormat } from '../../../../../shared/admin';
import { useT } from '../translate';
import { REASON_KEY, REPORT_STATUS_KEY } from './labels';
import type { ContentReportView, ReportStatus, ReviewApi } from '../api';

const COLUMNS = ['review.reports.story', 'review.reports.reason', 'review.reports.message', 'review.reports.contact', 'review.reports.receivedAt', 'review.reports.status', 'review.reports.actions'] as const;

/** "Gemeldete Inhalte": reports from visitors, open ones first, each resolved or dismissed by an editor. */
export function ReportsTable({ api, onOpenStory, onChanged }: { api: ReviewApi; onOpenStory: (documentId: string) => void; onChanged: () => void }) {
  const t = useT();
  const format = useTimeFormat();
  const { toggleNotification } = useNotification();
  const [reports, setReports] = React.useState<ContentReportView[]>();
  const [failed, setFailed] = React.useState(false);
  const [busy, setBusy] = React.useState<number | null>(null);
  const load = React.useCallback(() => {
    api.reports().then(
      (loaded) => {
        setReports(loaded);
        setFailed(false);
      },
      () => setFailed(true)
    );
  }, [api]);
  React.useEffect(load, [load]);

  const close = async (report: ContentReportView, status: ReportStatus) => {
    setBusy(report.id);
    try {
      await api.closeReport(report.id, status);
      load();
      onChanged();
    } catch (failure) {
      toggleNotification({ type: 'danger', message: t('common.error.action', { message: errorMessage(failure) }) });
    } finally {
      setBusy(null);
    }
  };

  if (failed) return <Typography textColor="danger600">{t('review.reports.error')}</Typography>;
  if (!reports) return <Loader small />;
  if (!reports.length) return <Typography textColor="neutral600">{t('review.reports.empty')}</Typography>;
  return (
    <Table colCount={COLUMNS.length} rowCount={reports.length + 1} aria-label={t('review.reports.caption')} data-testid="review-reports">
      <TableHead labels={COLUMNS.map((key) => t(key))} />
      <Tbody>
        {reports.map((report) => (
          <Tr key={report.id}>
            <Td>
              <TextButton onClick={() => onOpenStory(report.storyDocumentId)}>{report.storyTitle ?? report.storySlug ?? report.storyDocumentId}</TextButton>
            </Td>
            <Td>
              <Typography>{t(REASON_KEY[report.reason])}</Typography>
            </Td>
            <Td style={{ whiteSpace: 'normal', maxWidth: '24rem' }}>
              <Typography variant="pi">{report.message ?? '–'}</Typography>
            </Td>
            <Td>
              <Typography variant="pi">{report.contact ?? '–'}</Typography>
            </Td>
            <Td>
              <Typography variant="pi">{format.dateTime(report.createdAt)}</Typography>
            </Td>
            <Td>
              <Typography fontWeight={report.status === 'open' ? 'bold' : undefined}>{t(REPORT_STATUS_KEY[report.status])}</Typography>
              {report.resolvedBy && report.resolvedAt && (
                <Typography tag="p" variant="pi" textColor="neutral600">
                  {t('review.reports.closedBy', { name: report.resolvedBy, date: format.dateTime(report.resolvedAt) })}
                </Typography>
              )}
            </Td>
            <Td>
              <Flex gap={2}>
                {report.status === 'open' ? (
                  <>
                    <Button size="S" variant="success-light" loading={busy === report.id} onClick={() => void close(report, 'resolved')}>
                      {t('review.reports.resolve')}
                    </Button>
                    <Button size="S" variant="tertiary" disabled={busy === report.id} onClick={() => void close(report, 'dismissed')}>
                      {t('review.reports.dismiss')}
                    </Button>
                  </>
                ) : (
                  <Button size="S" variant="tertiary" loading={busy === report.id} onClick={() => void close(report, 'open')}>
                    {t('review.reports.reopen')}
                  </Button>
                )}
              </Flex>
            </Td>
          </Tr>
        ))}
      </Tbody>
    </Table>
  );
}
