import * as React from 'react';
import { Alert, Button, Flex, Typography } from '@strapi/design-system';
import { ArrowClockwise, Cross, Play } from '@strapi/icons';
import { Layouts, Page, useNotification } from '@strapi/strapi/admin';
import { useNavigate, useSearchParams } from 'react-router-dom';
import { ACTIONS, Card, ConfirmButton, errorMessage, permission } from '../../../../../shared/admin';
import { useYouTubeSyncApi } from '../api';
import type { ChannelView, ConnectionSummary } from '../api-types';
import { ChannelCard } from '../components/ChannelCard';
import { ClientForm } from '../components/ClientForm';
import { useT, type MessageKey } from '../translate';

const RESULTS = ['connected', 'access_denied', 'state_invalid', 'client_changed', 'exchange_failed', 'no_refresh_token', 'no_channel', 'other_channel', 'channel_failed'];

/** The outcome Google's redirect brought back (?result=…), shown once and then removed from the address. */
function useConnectResult() {
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const [result, setResult] = React.useState<string | null>(null);
  React.useEffect(() => {
    const value = params.get('result');
    if (value && RESULTS.includes(value)) {
      setResult(value);
      navigate('.', { replace: true });
    }
  }, [params, navigate]);
  return [result, () => setResult(null)] as const;
}

function statusKey(connection: ConnectionSummary): MessageKey {
  if (connection.problem) return 'connection.status.broken';
  return connection.source === 'stored' ? 'connection.status.stored' : connection.source === 'env' ? 'connection.status.env' : 'connection.status.none';
}

function Connection() {
  const t = useT();
  const api = useYouTubeSyncApi();
  const { toggleNotification } = useNotification();
  const [result, clearResult] = useConnectResult();
  const [connection, setConnection] = React.useState<ConnectionSummary>();
  const [envChannel, setEnvChannel] = React.useState<ChannelView | null>(null);
  const [client, setClient] = React.useState({ clientId: '', clientSecret: '' });
  const [busy, setBusy] = React.useState(false);
  const [failed, setFailed] = React.useState(false);

  const load = React.useCallback(async () => {
    try {
      const loaded = await api.connection();
      setConnection(loaded);
      setClient({ clientId: loaded.client.clientId ?? '', clientSecret: '' });
      // A connection from the environment has no stored channel: ask YouTube which channel it is.
      if (loaded.source === 'env') {
        const test = await api.testConnection();
        setEnvChannel(test.ok ? test.channel : null);
      }
    } catch {
      setFailed(true);
    }
  }, [api]);
  React.useEffect(() => {
    void load();
  }, [load]);

  const notifyError = (failure: unknown) => toggleNotification({ type: 'danger', message: t('common.error.action', { message: errorMessage(failure) }) });

  if (failed) return <Page.Error />;
  if (!connection) return <Page.Loading />;

  const locked = connection.source === 'stored' && !connection.problem;
  const channel = connection.channel ?? envChannel;

  const connect = async () => {
    setBusy(true);
    try {
      const clientChanged = client.clientId.trim() !== (connection.client.clientId ?? '') || client.clientSecret.trim() !== '';
      if (!locked && clientChanged) {
        if (!client.clientId.trim() || !client.clientSecret.trim()) {
          toggleNotification({ type: 'warning', message: t('connection.client.missing') });
          setBusy(false);
          return;
        }
        await api.saveClient(client.clientId.trim(), client.clientSecret.trim());
      }
      window.location.assign(await api.startConnecting());
    } catch (failure) {
      notifyError(failure);
      setBusy(false);
    }
  };

  const test = async () => {
    setBusy(true);
    try {
      const outcome = await api.testConnection();
      toggleNotification(
        outcome.ok
          ? { type: 'success', message: t('connection.test.ok', { title: outcome.channel.title }) }
          : { type: 'danger', message: t('connection.test.failed', { detail: outcome.detail }) }
      );
      await load();
    } catch (failure) {
      notifyError(failure);
    } finally {
      setBusy(false);
    }
  };

  const disconnect = async () => {
    setBusy(true);
    try {
      const { revoked } = await api.disconnect();
      toggleNotification({ type: revoked ? 'success' : 'warning', message: t(revoked ? 'connection.disconnected' : 'connection.disconnected.notRevoked') });
      await load();
    } catch (failure) {
      notifyError(failure);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Page.Main>
      <Page.Title>{t('connection.title')}</Page.Title>
      <Layouts.Header
        title={t('connection.title')}
        subtitle={t('connection.subtitle')}
        primaryAction={
          <Button startIcon={<Play />} onClick={connect} loading={busy} disabled={busy}>
            {busy ? t('connection.connecting') : t(connection.source === 'stored' ? 'connection.reconnect' : 'connection.connect')}
          </Button>
        }
      />
      <Layouts.Content>
        <Flex direction="column" alignItems="stretch" gap={6}>
          {result && (
            <Alert
              variant={result === 'connected' ? 'success' : 'danger'}
              closeLabel={t('common.close')}
              onClose={clearResult}
              data-testid="connect-result"
            >
              {t(`connection.result.${result}` as MessageKey)}
            </Alert>
          )}
          <Card title={t('connection.status.title')} data-testid="connection">
            <Typography variant="epsilon" fontWeight="bold" textColor={connection.connected ? 'success600' : 'danger600'} data-testid="connection-state">
              {t(statusKey(connection))}
            </Typography>
            {connection.problem && <Typography textColor="danger600">{t('connection.problem.body')}</Typography>}
            {!connection.connected && !connection.problem && <Typography textColor="neutral600">{t('connection.none.body')}</Typography>}
            {connection.source === 'env' && <Typography textColor="neutral600">{t('connection.env.body')}</Typography>}
            {channel && <ChannelCard channel={channel} connectedAt={connection.connectedAt} connectedBy={connection.connectedBy} />}
            {connection.waitingForReconnect > 0 && (
              <Typography textColor="warning600">{t('connection.waiting', { count: connection.waitingForReconnect })}</Typography>
            )}
            {connection.connected && (
              <Flex gap={2}>
                <Button variant="secondary" startIcon={<ArrowClockwise />} onClick={test} disabled={busy}>
                  {t('connection.test')}
                </Button>
                {connection.source === 'stored' && (
                  <ConfirmButton
                    label={t('connection.disconnect')}
                    icon={<Cross />}
                    variant="danger-light"
                    disabled={busy}
                    title={t('connection.disconnect.confirm.title')}
                    body={t('connection.disconnect.confirm.body')}
                    confirmLabel={t('connection.disconnect.confirm.action')}
                    onConfirm={disconnect}
                  />
                )}
              </Flex>
            )}
          </Card>
          <Card title={t('connection.client.title')} data-testid="client">
            <ClientForm connection={connection} clientId={client.clientId} clientSecret={client.clientSecret} onChange={setClient} locked={locked} />
          </Card>
        </Flex>
      </Layouts.Content>
    </Page.Main>
  );
}

const SETTINGS = [permission(ACTIONS.settings)];

/** Settings → YouTube → channel connection: connect through Google's consent page, check, disconnect. */
export default function ConnectionPage() {
  return (
    <Page.Protect permissions={SETTINGS}>
      <Connection />
    </Page.Protect>
  );
}
