import { Box, Field, Flex, IconButton, TextInput, Typography } from '@strapi/design-system';
import { Duplicate } from '@strapi/icons';
import { useClipboard, useNotification } from '@strapi/strapi/admin';
import type { ConnectionSummary } from '../api-types';
import { useT } from '../translate';

interface Props {
  connection: ConnectionSummary;
  clientId: string;
  clientSecret: string;
  onChange: (value: { clientId: string; clientSecret: string }) => void;
  locked: boolean;
}

/** The Google OAuth client: id, secret (never shown again once saved) and the redirect URI to register at Google. */
export function ClientForm({ connection, clientId, clientSecret, onChange, locked }: Props) {
  const t = useT();
  const { copy } = useClipboard();
  const { toggleNotification } = useNotification();
  const secretPlaceholder =
    connection.client.source === 'stored' ? t('connection.client.secret.stored') : connection.client.source === 'env' ? t('connection.client.secret.env') : '';
  return (
    <Flex direction="column" alignItems="stretch" gap={4}>
      <Typography variant="omega" textColor="neutral600">
        {t('connection.client.body')}
      </Typography>
      <Flex gap={4} alignItems="flex-start" wrap="wrap">
        <Box flex="1" minWidth="28rem">
          <Field.Root name="clientId" hint={connection.client.source === 'env' ? t('connection.client.source.env') : undefined}>
            <Field.Label>{t('connection.client.id')}</Field.Label>
            <TextInput value={clientId} disabled={locked} autoComplete="off" onChange={(e: React.ChangeEvent<HTMLInputElement>) => onChange({ clientId: e.target.value, clientSecret })} />
            <Field.Hint />
          </Field.Root>
        </Box>
        <Box flex="1" minWidth="28rem">
          <Field.Root name="clientSecret" hint={t('connection.client.secret.hint')}>
            <Field.Label>{t('connection.client.secret')}</Field.Label>
            <TextInput
              type="password"
              value={clientSecret}
              disabled={locked}
              autoComplete="new-password"
              placeholder={secretPlaceholder}
              onChange={(e: React.ChangeEvent<HTMLInputElement>) => onChange({ clientId, clientSecret: e.target.value })}
            />
            <Field.Hint />
          </Field.Root>
        </Box>
      </Flex>
      {locked && (
        <Typography variant="pi" textColor="neutral600">
          {t('connection.client.locked')}
        </Typography>
      )}
      <Flex direction="column" alignItems="flex-start" gap={1}>
        <Typography variant="pi" textColor="neutral600">
          {t('connection.client.redirect')}
        </Typography>
        <Flex gap={2}>
          <Box background="neutral100" paddingLeft={2} paddingRight={2} paddingTop={1} paddingBottom={1} hasRadius>
            <Typography variant="omega" style={{ fontFamily: 'monospace' }} data-testid="redirect-uri">
              {connection.redirectUri}
            </Typography>
          </Box>
          <IconButton
            label={t('common.copy')}
            variant="ghost"
            onClick={async () => {
              if (await copy(connection.redirectUri)) toggleNotification({ type: 'info', message: connection.redirectUri });
            }}
          >
            <Duplicate />
          </IconButton>
        </Flex>
      </Flex>
    </Flex>
  );
}
