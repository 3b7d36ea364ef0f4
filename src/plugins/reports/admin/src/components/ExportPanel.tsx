import * as React from 'react';
import { Badge, Button, Field, Flex, Link, ProgressBar, SingleSelect, SingleSelectOption, Table, Tbody, Td, Th, Thead, Tr, Typography } from '@strapi/design-system';
import { Download, FileCsv, FilePdf, FileXls } from '@strapi/icons';
import { useNotification } from '@strapi/strapi/admin';
import { useIntl } from 'react-intl';
import { errorMessage } from '../../../../../shared/admin';
import { absoluteDownloadUrl, CSV_TABLES, type CsvStyle, type CsvTable, type ExportView, type ReportFormat, type ReportQuery, type ReportsApi } from '../api';
import { useExports } from './use-exports';
import { useT, type MessageKey } from '../translate';

const STATUS_VARIANT: Record<ExportView['status'], 'secondary' | 'success' | 'danger' | 'neutral'> = {
  queued: 'neutral',
  running: 'secondary',
  done: 'success',
  failed: 'danger',
  expired: 'neutral',
};

const day = (iso: string) => iso.split('-').reverse().join('.');

function ExportRow({ job }: { job: ExportView }) {
  const t = useT();
  const intl = useIntl();
  return (
    <Tr>
      <Td>
        <Typography>{job.fileName ?? job.format.toUpperCase()}</Typography>
      </Td>
      <Td>
        <Typography>
          {day(job.options.from)} – {day(job.options.to)}
        </Typography>
      </Td>
      <Td>
        <Typography>{job.requestedBy ?? '–'}</Typography>
      </Td>
      <Td>
        <Flex direction="column" alignItems="flex-start" gap={1}>
          <Badge variant={STATUS_VARIANT[job.status]}>{t(`exports.status.${job.status}` as MessageKey)}</Badge>
          {job.status === 'running' && (
            <>
              <ProgressBar value={Math.round(job.progress * 100)} size="S" />
              {job.rowsTotal ? (
                <Typography variant="pi" textColor="neutral600">
                  {t('exports.rows', { done: intl.formatNumber(job.rowsDone), total: intl.formatNumber(job.rowsTotal) })}
                </Typography>
              ) : null}
            </>
          )}
          {job.status === 'failed' && job.error && (
            <Typography variant="pi" textColor="danger600">
              {job.error}
            </Typography>
          )}
        </Flex>
      </Td>
      <Td>
        {job.downloadUrl ? (
          <Flex direction="column" alignItems="flex-start" gap={1}>
            <Link href={absoluteDownloadUrl(job.downloadUrl)} startIcon={<Download />}>
              {t('exports.download')}
            </Link>
            {job.expiresAt && (
              <Typography variant="pi" textColor="neutral600">
                {t('exports.expires', { time: intl.formatTime(job.expiresAt, { timeStyle: 'short' }) })}
              </Typography>
            )}
          </Flex>
        ) : null}
      </Td>
    </Tr>
  );
}

/**
 * The download buttons and the list of recent exports. Every download is made as a background export, so a large
 * one shows its progress here instead of holding a request open; the finished file comes through its expiring link.
 */
export function ExportPanel({ api, query, disabled }: { api: ReportsApi; query: ReportQuery; disabled: boolean }) {
  const t = useT();
  const { toggleNotification } = useNotification();
  const { exports, refresh } = useExports(api);
  const [table, setTable] = React.useState<CsvTable>('stories');
  const [starting, setStarting] = React.useState<string>();

  const start = async (key: string, format: ReportFormat, csvStyle?: CsvStyle) => {
    setStarting(key);
    try {
      await api.startExport(format, query, csvStyle ? { csvStyle, table } : undefined);
      toggleNotification({ type: 'success', message: t('downloads.started') });
    } catch (failure) {
      toggleNotification({ type: 'danger', message: t('downloads.failedToStart', { message: errorMessage(failure) }) });
    } finally {
      setStarting(undefined);
      await refresh();
    }
  };

  const button = (key: string, label: MessageKey, icon: React.ReactNode, format: ReportFormat, csvStyle?: CsvStyle) => (
    <Button variant="secondary" startIcon={icon} loading={starting === key} disabled={disabled || Boolean(starting)} onClick={() => start(key, format, csvStyle)}>
      {t(label)}
    </Button>
  );

  return (
    <Flex direction="column" alignItems="stretch" gap={4}>
      <Typography variant="omega" textColor="neutral600">
        {t('downloads.intro')}
      </Typography>
      <Flex gap={2} wrap="wrap" alignItems="flex-end">
        {button('xlsx', 'downloads.xlsx', <FileXls />, 'xlsx')}
        {button('pdf', 'downloads.pdf', <FilePdf />, 'pdf')}
        {button('csv-excel', 'downloads.csvExcel', <FileCsv />, 'csv', 'excel')}
        {button('csv-rfc', 'downloads.csvRfc', <FileCsv />, 'csv', 'rfc4180')}
        <Field.Root>
          <Field.Label>{t('downloads.csvTable')}</Field.Label>
          <SingleSelect value={table} onChange={(value) => setTable(value as CsvTable)} size="S">
            {CSV_TABLES.map((key) => (
              <SingleSelectOption key={key} value={key}>
                {t(`downloads.table.${key}` as MessageKey)}
              </SingleSelectOption>
            ))}
          </SingleSelect>
        </Field.Root>
      </Flex>
      <Typography variant="delta" tag="h3">
        {t('exports.title')}
      </Typography>
      {exports.length === 0 ? (
        <Typography textColor="neutral600">{t('exports.empty')}</Typography>
      ) : (
        <Table colCount={5} rowCount={exports.length + 1}>
          <Thead>
            <Tr>
              <Th>
                <Typography variant="sigma">{t('exports.file')}</Typography>
              </Th>
              <Th>
                <Typography variant="sigma">{t('exports.period')}</Typography>
              </Th>
              <Th>
                <Typography variant="sigma">{t('exports.by')}</Typography>
              </Th>
              <Th>
                <Typography variant="sigma">{t('exports.status')}</Typography>
              </Th>
              <Th>
                <Typography variant="sigma">{t('exports.download')}</Typography>
              </Th>
            </Tr>
          </Thead>
          <Tbody>
            {exports.map((job) => (
              <ExportRow key={job.id} job={job} />
            ))}
          </Tbody>
        </Table>
      )}
    </Flex>
  );
}
