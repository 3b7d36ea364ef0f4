import { Badge, Button, Field, Flex, Grid, SingleSelect, SingleSelectOption, Table, Tbody, Td, Th, Tr, Typography, VisuallyHidden } from '@strapi/design-system';
import { TableHead, useTimeFormat } from '../../../../../shared/admin';
import { useT } from '../translate';
import { EditorialStatusBadge } from './EditorialStatusBadge';
import { STATUS_KEY } from './labels';
import { EDITORIAL_STATUSES, type EditorialStatus, type QueuePage, type QueueQuery, type QueueRow } from '../api';

const ALL = '';

/** The status as buttons with their counts (a click filters the queue), and the region. */
export function QueueFilters({ query, page, onChange }: { query: QueueQuery; page: QueuePage | undefined; onChange: (query: QueueQuery) => void }) {
  const t = useT();
  const counts = page?.meta.counts;
  const total = counts ? EDITORIAL_STATUSES.reduce((sum, status) => sum + counts[status], 0) : undefined;
  const statusButton = (status: EditorialStatus | undefined, label: string, count: number | undefined) => (
    <Button
      key={status ?? 'all'}
      size="S"
      variant={query.status === status ? 'default' : 'tertiary'}
      aria-pressed={query.status === status}
      onClick={() => onChange({ ...query, status, page: 1 })}
    >
      {label} {count !== undefined && <Badge>{count}</Badge>}
    </Button>
  );
  return (
    <Flex direction="column" alignItems="stretch" gap={4}>
      <Flex gap={2} wrap="wrap" role="group" aria-label={t('review.filter.status')} data-testid="review-counts">
        {EDITORIAL_STATUSES.map((status) => statusButton(status, t(STATUS_KEY[status]), counts?.[status]))}
        {statusButton(undefined, t('review.filter.allStatuses'), total)}
      </Flex>
      <Grid.Root gap={4}>
        <Grid.Item col={4} s={12} direction="column" alignItems="stretch">
          <Field.Root name="region">
            <Field.Label>{t('review.filter.region')}</Field.Label>
            <SingleSelect
              value={query.region ?? ALL}
              onChange={(value) => onChange({ ...query, region: String(value) || undefined, page: 1 })}
              onClear={() => onChange({ ...query, region: undefined, page: 1 })}
              clearLabel={t('review.filter.clear')}
            >
              <SingleSelectOption value={ALL}>{t('review.filter.allRegions')}</SingleSelectOption>
              {(page?.meta.regions ?? []).map((region) => (
                <SingleSelectOption key={region.slug} value={region.slug}>
                  {region.name}
                </SingleSelectOption>
              ))}
            </SingleSelect>
          </Field.Root>
        </Grid.Item>
      </Grid.Root>
    </Flex>
  );
}

function Row({ row, onOpen }: { row: QueueRow; onOpen: (documentId: string) => void }) {
  const t = useT();
  const format = useTimeFormat();
  const content = [row.media.video && t('review.media.video'), row.media.youtube && t('review.media.youtube'), row.media.written && t('review.media.written')].filter(Boolean);
  const needs = [row.needsFilmingHelp && t('review.help.filming'), row.needsEquipment && t('review.help.equipment')].filter(Boolean);
  return (
    <Tr>
      <Td>
        <Typography variant="pi">{row.referenceNumber ?? '–'}</Typography>
      </Td>
      <Td>
        <Typography fontWeight="bold">{row.title}</Typography>
        {row.published && (
          <Typography variant="pi" textColor="success600">
            {' '}
            {t('review.online')}
          </Typography>
        )}
      </Td>
      <Td>
        <Typography>{row.region?.name ?? '–'}</Typography>
      </Td>
      <Td>
        <Typography variant="pi">{format.dateTime(row.submittedAt ?? row.createdAt)}</Typography>
      </Td>
      <Td>
        <Typography variant="pi">{content.length ? content.join(', ') : t('review.media.none')}</Typography>
      </Td>
      <Td>
        <Typography variant="pi">{needs.join(', ') || '–'}</Typography>
      </Td>
      <Td>
        <Typography variant="pi" fontWeight="bold" textColor={row.consentComplete ? 'success600' : 'danger600'}>
          {t(row.consentComplete ? 'review.consent.complete' : 'review.consent.incomplete')}
        </Typography>
      </Td>
      <Td>{row.openNotices > 0 ? <Badge active>{row.openNotices}</Badge> : <Typography variant="pi">0</Typography>}</Td>
      <Td>{row.editorialStatus && <EditorialStatusBadge status={row.editorialStatus} />}</Td>
      <Td>
        <Button size="S" variant="secondary" onClick={() => onOpen(row.documentId)}>
          {t('review.table.open')}
          <VisuallyHidden>: {row.title}</VisuallyHidden>
        </Button>
      </Td>
    </Tr>
  );
}

const COLUMNS = [
  'review.table.reference',
  'review.table.title',
  'review.table.region',
  'review.table.submittedAt',
  'review.table.content',
  'review.table.needs',
  'review.table.consent',
  'review.table.notices',
  'review.table.status',
] as const;

/** The queue itself: one row per story, newest first, with paging. */
export function QueueTable({ page, query, onChange, onOpen }: { page: QueuePage; query: QueueQuery; onChange: (query: QueueQuery) => void; onOpen: (documentId: string) => void }) {
  const t = useT();
  const { pagination } = page.meta;
  if (!page.data.length) return <Typography textColor="neutral600">{t('review.empty')}</Typography>;
  return (
    <Flex direction="column" alignItems="stretch" gap={4}>
      <Table colCount={COLUMNS.length + 1} rowCount={page.data.length + 1} aria-label={t('review.table.caption')} data-testid="review-queue">
        <TableHead labels={COLUMNS.map((key) => t(key))}>
          <Th>
            <VisuallyHidden>{t('review.table.open')}</VisuallyHidden>
          </Th>
        </TableHead>
        <Tbody>
          {page.data.map((row) => (
            <Row key={row.documentId} row={row} onOpen={onOpen} />
          ))}
        </Tbody>
      </Table>
      {pagination.pageCount > 1 && (
        <Flex gap={3} justifyContent="flex-end" alignItems="center">
          <Typography variant="pi">{t('review.pagination', { page: pagination.page, pages: pagination.pageCount, total: pagination.total })}</Typography>
          <Button size="S" variant="tertiary" disabled={pagination.page <= 1} onClick={() => onChange({ ...query, page: pagination.page - 1 })}>
            {t('review.previous')}
          </Button>
          <Button size="S" variant="tertiary" disabled={pagination.page >= pagination.pageCount} onClick={() => onChange({ ...query, page: pagination.page + 1 })}>
            {t('review.next')}
          </Button>
        </Flex>
      )}
    </Flex>
  );
}
