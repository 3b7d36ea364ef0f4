import * as React from 'react';
import { Button, Flex, Loader, Table, Tbody, Td, TextButton, Tr, Typography } from '@strapi/design-system';
import { useNotification } from '@strapi/strapi/admin';
import { errorMessage, TableHead, useTimeFormat } from '../../../../../shared/admin';
import { useT } from '../translate';
import { REASON_KEY, NOTICE_STATUS_KEY } from './labels';
import type { ContentNoticeView, NoticeStatus, ReviewApi } from '../api';

const COLUMNS = ['review.notices.story', 'review.notices.reason', 'review.notices.message', 'review.notices.contact', 'review.notices.receivedAt', 'review.notices.status', 'review.notices.actions'] as const;

/** "Gemeldete Inhalte": content notices from visitors, open ones first, each resolved or dismissed by an editor. */
export function NoticesTable({ api, onOpenStory, onChanged }: { api: ReviewApi; onOpenStory: (documentId: string) => void; onChanged: () => void }) {
  const t = useT();
  const format = useTimeFormat();
  const { toggleNotification } = useNotification();
  const [notices, setNotices] = React.useState<ContentNoticeView[]>();
  const [failed, setFailed] = React.useState(false);
  const [busy, setBusy] = React.useState<number | null>(null);
  const load = React.useCallback(() => {
    api.notices().then(
      (loaded) => {
        setNotices(loaded);
        setFailed(false);
      },
      () => setFailed(true)
    );
  }, [api]);
  React.useEffect(load, [load]);

  const close = async (notice: ContentNoticeView, status: NoticeStatus) => {
    setBusy(notice.id);
    try {
      await api.closeNotice(notice.id, status);
      load();
      onChanged();
    } catch (failure) {
      toggleNotification({ type: 'danger', message: t('common.error.action', { message: errorMessage(failure) }) });
    } finally {
      setBusy(null);
    }
  };

  if (failed) return <Typography textColor="danger600">{t('review.notices.error')}</Typography>;
  if (!notices) return <Loader small />;
  if (!notices.length) return <Typography textColor="neutral600">{t('review.notices.empty')}</Typography>;
  return (
    <Table colCount={COLUMNS.length} rowCount={notices.length + 1} aria-label={t('review.notices.caption')} data-testid="review-notices">
      <TableHead labels={COLUMNS.map((key) => t(key))} />
      <Tbody>
        {notices.map((notice) => (
          <Tr key={notice.id}>
            <Td>
              <TextButton onClick={() => onOpenStory(notice.storyDocumentId)}>{notice.storyTitle ?? notice.storySlug ?? notice.storyDocumentId}</TextButton>
            </Td>
            <Td>
              <Typography>{t(REASON_KEY[notice.reason])}</Typography>
            </Td>
            <Td style={{ whiteSpace: 'normal', maxWidth: '24rem' }}>
              <Typography variant="pi">{notice.message ?? '–'}</Typography>
            </Td>
            <Td>
              <Typography variant="pi">{notice.contact ?? '–'}</Typography>
            </Td>
            <Td>
              <Typography variant="pi">{format.dateTime(notice.createdAt)}</Typography>
            </Td>
            <Td>
              <Typography fontWeight={notice.status === 'open' ? 'bold' : undefined}>{t(NOTICE_STATUS_KEY[notice.status])}</Typography>
              {notice.resolvedBy && notice.resolvedAt && (
                <Typography tag="p" variant="pi" textColor="neutral600">
                  {t('review.notices.closedBy', { name: notice.resolvedBy, date: format.dateTime(notice.resolvedAt) })}
                </Typography>
              )}
            </Td>
            <Td>
              <Flex gap={2}>
                {notice.status === 'open' ? (
                  <>
                    <Button size="S" variant="success-light" loading={busy === notice.id} onClick={() => void close(notice, 'resolved')}>
                      {t('review.notices.resolve')}
                    </Button>
                    <Button size="S" variant="tertiary" disabled={busy === notice.id} onClick={() => void close(notice, 'dismissed')}>
                      {t('review.notices.dismiss')}
                    </Button>
                  </>
                ) : (
                  <Button size="S" variant="tertiary" loading={busy === notice.id} onClick={() => void close(notice, 'open')}>
                    {t('review.notices.reopen')}
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
