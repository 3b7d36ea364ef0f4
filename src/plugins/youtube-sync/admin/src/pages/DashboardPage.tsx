import * as React from 'react';
import { Box, Flex, Grid, Link, Loader, Typography } from '@strapi/design-system';
import { ArrowsCounterClockwise } from '@strapi/icons';
import { Layouts, Page, useNotification, useRBAC } from '@strapi/strapi/admin';
import { NavLink } from 'react-router-dom';
import { ACTIONS, ConfirmButton, errorMessage, Notice, permission } from '../../../../../shared/admin';
import { useYouTubeSyncApi } from '../api';
import { FailuresCard } from '../components/dashboard/FailuresCard';
import { PlaylistsCard } from '../components/dashboard/PlaylistsCard';
import { QueueCard } from '../components/dashboard/QueueCard';
import { QuotaCard } from '../components/dashboard/QuotaCard';
import { ResyncCard } from '../components/dashboard/ResyncCard';
import { StatusCounts } from '../components/dashboard/StatusCounts';
import { useT } from '../translate';
import { usePolling } from '../use-polling';

const ACTION_PERMISSIONS = [permission(ACTIONS.sync), permission(ACTIONS.settings)];
const BUSY_MS = 2000;
const QUIET_MS = 15000;

function Dashboard() {
  const t = useT();
  const api = useYouTubeSyncApi();
  const { toggleNotification } = useNotification();
  const { allowedActions } = useRBAC(ACTION_PERMISSIONS);
  const load = React.useCallback(async () => {
    const [status, queue, playlists] = await Promise.all([api.status(), api.queue(), api.playlists()]);
    return { status, queue, playlists };
  }, [api]);
  const { data, error, refresh } = usePolling(load, (d) => (d.status.working ? BUSY_MS : QUIET_MS));
  const [busy, setBusy] = React.useState(false);

  const act = async (action: () => Promise<string>) => {
    setBusy(true);
    try {
      toggleNotification({ type: 'success', message: await action() });
    } catch (failure) {
      toggleNotification({ type: 'danger', message: t('common.error.action', { message: errorMessage(failure) }) });
    } finally {
      setBusy(false);
      await refresh();
    }
  };

  if (error && !data) return <Page.Error />;
  if (!data) return <Page.Loading />;
  const { status, queue, playlists } = data;
  const resyncRunning = Boolean(status.resync && !status.resync.finished);

  return (
    <Page.Main>
      <Page.Title>{t('dashboard.title')}</Page.Title>
      <Layouts.Header
        title={t('dashboard.title')}
        subtitle={t('dashboard.subtitle')}
        primaryAction={
          allowedActions.canSync ? (
            <ConfirmButton
              label={t('dashboard.resync.button')}
              icon={<ArrowsCounterClockwise />}
              disabled={busy || resyncRunning}
              title={t('dashboard.resync.confirm.title')}
              body={t('dashboard.resync.confirm.body', { count: status.stories.published })}
              confirmLabel={t('dashboard.resync.confirm.action')}
              onConfirm={() =>
                act(async () => {
                  await api.startResync();
                  return t('dashboard.resync.started');
                })
              }
            />
          ) : undefined
        }
      />
      <Layouts.Content>
        <Flex direction="column" alignItems="stretch" gap={6}>
          {!status.connection.connected && (
            <Notice
              tone="danger"
              title={t('dashboard.notConnected.title')}
              action={
                allowedActions.canSettings ? (
                  <Link tag={NavLink} to="/settings/youtube-sync/connection">
                    {t('dashboard.notConnected.link')}
                  </Link>
                ) : undefined
              }
            >
              {t('dashboard.notConnected.body')}
            </Notice>
          )}
          {status.connection.connected && status.jobs.needs_reconnect > 0 && (
            <Notice tone="warning" title={t('status.needs_reconnect')}>
              {t('dashboard.reconnect.body', { count: status.jobs.needs_reconnect })}
            </Notice>
          )}
          {status.missing.thumbnail_channel_not_verified > 0 && (
            <Notice tone="warning" title={t('dashboard.missing.thumbnails', { count: status.missing.thumbnail_channel_not_verified })}>
              {t('missing.thumbnail_channel_not_verified')}
            </Notice>
          )}
          {status.working && (
            <Flex gap={2} data-testid="working">
              <Loader small />
              <Typography variant="pi" textColor="neutral600">
                {t('dashboard.refreshing')}
              </Typography>
            </Flex>
          )}
          <StatusCounts status={status} />
          <Grid.Root gap={4}>
            <Grid.Item col={status.resync ? 6 : 12} s={12} direction="column" alignItems="stretch">
              <QuotaCard quota={status.quota} />
            </Grid.Item>
            {status.resync && (
              <Grid.Item col={6} s={12} direction="column" alignItems="stretch">
                <ResyncCard resync={status.resync} />
              </Grid.Item>
            )}
          </Grid.Root>
          <FailuresCard
            failures={queue.failures}
            total={queue.failuresTotal}
            canSync={Boolean(allowedActions.canSync)}
            busy={busy}
            onRetry={(documentId) =>
              act(async () => {
                await api.retryStory(documentId);
                return t('dashboard.retry.done');
              })
            }
            onRetryAll={() => act(async () => t('dashboard.failures.retried', { count: (await api.retryAllFailed()).count }))}
          />
          <QueueCard queue={queue.queue} total={queue.queueTotal} />
          <PlaylistsCard playlists={playlists} />
          <Box paddingBottom={4} />
        </Flex>
      </Layouts.Content>
    </Page.Main>
  );
}

const READ = [permission(ACTIONS.read)];

/** The plugin's page in the main menu: the state of the sync at a glance. */
export default function DashboardPage() {
  return (
    <Page.Protect permissions={READ}>
      <Dashboard />
    </Page.Protect>
  );
}
