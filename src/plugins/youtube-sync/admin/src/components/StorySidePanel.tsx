import * as React from 'react';
import { Box, Button, Flex, Link, Typography } from '@strapi/design-system';
import { ArrowClockwise } from '@strapi/icons';
import { useNotification, useRBAC } from '@strapi/strapi/admin';
import type { PanelComponent } from '@strapi/content-manager/strapi-admin';
import { ACTIONS, errorMessage, permission, STORY_UID, useTimeFormat } from '../../../../../shared/admin';
import { useYouTubeSyncApi } from '../api';
import type { StoryStatusView } from '../api-types';
import { useT, type MessageKey } from '../translate';
import { usePolling } from '../use-polling';
import { FailureReason } from './FailureReason';
import { MissingNotice } from './MissingNotice';
import { StatusBadge } from './StatusBadge';

const PANEL_PERMISSIONS = [permission(ACTIONS.read), permission(ACTIONS.sync)];
const BUSY_STATUSES = ['pending', 'running'];

function StoryPanel({ documentId, version, canSync }: { documentId: string; version: string | undefined; canSync: boolean }) {
  const t = useT();
  const api = useYouTubeSyncApi();
  const format = useTimeFormat();
  const { toggleNotification } = useNotification();
  const load = React.useCallback(() => api.story(documentId), [api, documentId]);
  const { data, error, refresh } = usePolling(load, (s) => (BUSY_STATUSES.includes(s.status) ? 2000 : 30000));
  const [busy, setBusy] = React.useState(false);
  // Publishing or saving in the edit view queues a sync: look again at once instead of at the next poll.
  React.useEffect(() => {
    if (version) void refresh();
  }, [version, refresh]);

  if (error && !data) return <Typography textColor="danger600">{t('common.error.load')}</Typography>;
  if (!data) return null;

  const sync = async (action: (id: string) => Promise<StoryStatusView>) => {
    setBusy(true);
    try {
      await action(documentId);
      toggleNotification({ type: 'success', message: t('panel.synced.queued') });
    } catch (failure) {
      toggleNotification({ type: 'danger', message: t('common.error.action', { message: errorMessage(failure) }) });
    } finally {
      setBusy(false);
      await refresh();
    }
  };
  const failed = data.status === 'failed';

  return (
    <Flex direction="column" alignItems="stretch" gap={3} width="100%" data-testid="youtube-panel">
      <Flex gap={2} wrap="wrap">
        <StatusBadge status={data.status} />
        {data.video?.privacyStatus && (
          <Typography variant="pi" textColor="neutral600">
            {t(`panel.privacy.${data.video.privacyStatus}` as MessageKey)}
          </Typography>
        )}
      </Flex>
      {!data.published && (
        <Typography variant="pi" textColor="neutral600">
          {t('panel.notPublished')}
        </Typography>
      )}
      {data.video ? (
        <Link href={data.video.url} isExternal>
          {t('panel.video')}
        </Link>
      ) : (
        data.published && (
          <Typography variant="pi" textColor="neutral600">
            {t('panel.noVideo')}
          </Typography>
        )
      )}
      {data.video?.forcedPrivate && (
        <Typography variant="pi" textColor="warning600">
          {t('panel.forcedPrivate')}
        </Typography>
      )}
      {data.playlists.length > 0 && (
        <Box>
          <Typography variant="sigma" textColor="neutral600">
            {t('panel.playlists')}
          </Typography>
          <Flex tag="ul" direction="column" alignItems="flex-start" gap={1} paddingTop={1}>
            {data.playlists.map((playlist) => (
              <li key={playlist.key}>
                {playlist.url ? (
                  <Link href={playlist.url} isExternal>
                    {playlist.title}
                  </Link>
                ) : (
                  <Typography variant="pi">{playlist.title}</Typography>
                )}
              </li>
            ))}
          </Flex>
        </Box>
      )}
      <Typography variant="pi" textColor="neutral600">
        {t('panel.lastSynced', { time: data.lastSyncedAt ? format.dateTime(data.lastSyncedAt) : t('common.never') })}
      </Typography>
      {data.job && data.job.status !== 'done' && data.job.status !== 'failed' && data.job.status !== 'running' && (
        <Typography variant="pi" textColor="neutral600">
          {t('panel.nextRun', { relative: new Date(data.job.runAt).getTime() <= Date.now() ? t('common.now') : format.relative(data.job.runAt) })}
        </Typography>
      )}
      {data.error && <FailureReason error={data.error} />}
      <MissingNotice missing={data.missing} />
      {canSync && (data.published || data.status !== 'not_synced') && (
        <Button
          variant={failed ? 'default' : 'secondary'}
          fullWidth
          startIcon={<ArrowClockwise />}
          loading={busy}
          disabled={busy || BUSY_STATUSES.includes(data.status)}
          onClick={() => sync(failed ? api.retryStory : api.syncStory)}
        >
          {t(failed ? 'common.retry' : 'panel.syncNow')}
        </Button>
      )}
    </Flex>
  );
}

/** Changes when the edit view saved or (un)published the story. */
const documentVersion = (document: Record<string, unknown> | undefined) =>
  document ? [document.updatedAt, document.publishedAt, document.status].map(String).join('|') : undefined;

/** The "YouTube" panel beside a story in the content manager's edit view. */
export const StorySidePanel: PanelComponent = ({ model, documentId, document }) => {
  const t = useT();
  const { allowedActions, isLoading } = useRBAC(PANEL_PERMISSIONS);
  if (model !== STORY_UID || !documentId || isLoading || !allowedActions.canRead) return null;
  return {
    title: t('panel.title'),
    content: <StoryPanel documentId={documentId} version={documentVersion(document)} canSync={Boolean(allowedActions.canSync)} />,
  };
};
