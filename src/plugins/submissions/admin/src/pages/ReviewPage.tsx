import * as React from 'react';
import { Box, Flex, Loader, Tabs, Typography } from '@strapi/design-system';
import { Layouts, Page } from '@strapi/strapi/admin';
import { useSearchParams } from 'react-router-dom';
import { ACTIONS, Card, Notice, permission } from '../../../../../shared/admin';
import { QueueFilters, QueueTable } from '../components/QueueTable';
import { NoticesTable } from '../components/NoticesTable';
import { useReviewApi, type QueuePage, type QueueQuery } from '../api';
import { SubmissionDetail } from '../components/SubmissionDetail';
import { useT } from '../translate';

const REVIEW = [permission(ACTIONS.review)];
const STORY_PARAM = 'story';

function Queue({ page, error, query, onQuery, onOpen }: { page?: QueuePage; error: boolean; query: QueueQuery; onQuery: (q: QueueQuery) => void; onOpen: (id: string) => void }) {
  const t = useT();
  return (
    <Card title={t('review.tab.queue')}>
      <QueueFilters query={query} page={page} onChange={onQuery} />
      {error && <Typography textColor="danger600">{t('review.error')}</Typography>}
      {!page && !error && <Loader small />}
      {page && <QueueTable page={page} query={query} onChange={onQuery} onOpen={onOpen} />}
    </Card>
  );
}

function Review() {
  const t = useT();
  const api = useReviewApi();
  const [params, setParams] = useSearchParams();
  const [query, setQuery] = React.useState<QueueQuery>({ status: 'submitted', page: 1 });
  const [page, setPage] = React.useState<QueuePage>();
  const [error, setError] = React.useState(false);
  const [version, setVersion] = React.useState(0);
  const opened = params.get(STORY_PARAM);

  React.useEffect(() => {
    let alive = true;
    api.queue(query).then(
      (loaded) => {
        if (!alive) return;
        setPage(loaded);
        setError(false);
      },
      () => alive && setError(true)
    );
    return () => {
      alive = false;
    };
  }, [api, query, version]);

  const refresh = React.useCallback(() => setVersion((v) => v + 1), []);
  const open = (documentId: string) => setParams({ [STORY_PARAM]: documentId });
  const close = () => setParams({});

  return (
    <Page.Main>
      <Page.Title>{t('review.title')}</Page.Title>
      <Layouts.Header title={t('review.title')} subtitle={t('review.subtitle')} />
      <Layouts.Content>
        {(page?.meta.failedMails ?? 0) > 0 && (
          <Box paddingBottom={4}>
            <Notice tone="danger">{t('review.mail.failed', { count: page?.meta.failedMails ?? 0 })}</Notice>
          </Box>
        )}
        <Tabs.Root defaultValue="queue">
          <Tabs.List aria-label={t('review.title')}>
            <Tabs.Trigger value="queue">{t('review.tab.queue')}</Tabs.Trigger>
            <Tabs.Trigger value="notices">{t('review.tab.notices', { count: page?.meta.openNotices ?? 0 })}</Tabs.Trigger>
          </Tabs.List>
          <Box paddingTop={4}>
            <Tabs.Content value="queue">
              <Queue page={page} error={error} query={query} onQuery={setQuery} onOpen={open} />
            </Tabs.Content>
            <Tabs.Content value="notices">
              <Card title={t('review.notices.caption')}>
                <NoticesTable api={api} onOpenStory={open} onChanged={refresh} />
              </Card>
            </Tabs.Content>
          </Box>
        </Tabs.Root>
        <Flex paddingBottom={4} />
        {opened && <SubmissionDetail documentId={opened} api={api} onClose={close} onChanged={refresh} />}
      </Layouts.Content>
    </Page.Main>
  );
}

/** "Einreichungen": the editors' review queue and the reported content, behind the review permission. */
export default function ReviewPage() {
  return (
    <Page.Protect permissions={REVIEW}>
      <Review />
    </Page.Protect>
  );
}
