import { Box, Field, Flex, Grid, TextInput, Toggle, Typography } from '@strapi/design-system';
import type { EditorSettings, PlaylistKind } from '../api-types';
import { useT } from '../translate';

const KINDS: PlaylistKind[] = ['channel', 'region', 'theme', 'project'];
const EXAMPLE_NAME: Record<PlaylistKind, string> = { channel: '', region: 'Göttingen', theme: 'Arbeit', project: 'Pflege verbindet' };

interface Props {
  playlists: EditorSettings['playlists'];
  errors: Partial<Record<PlaylistKind, string>>;
  onChange: (playlists: EditorSettings['playlists']) => void;
}

/** Which playlists the channel keeps, each switched on or off, with its title pattern and an example. */
export function PlaylistSettings({ playlists, errors, onChange }: Props) {
  const t = useT();
  const set = (kind: PlaylistKind, change: Partial<EditorSettings['playlists'][PlaylistKind]>) =>
    onChange({ ...playlists, [kind]: { ...playlists[kind], ...change } });
  return (
    <Flex direction="column" alignItems="stretch" gap={4}>
      <Typography variant="omega" textColor="neutral600">
        {t('settings.playlists.hint')}
      </Typography>
      {KINDS.map((kind) => (
        <Box key={kind} data-testid={`playlist-${kind}`}>
          <Grid.Root gap={4}>
            <Grid.Item col={3} s={12} direction="column" alignItems="stretch">
              <Field.Root name={`playlists.${kind}.enabled`}>
                <Field.Label>{t(`kind.${kind}`)}</Field.Label>
                <Toggle
                  checked={playlists[kind].enabled}
                  onLabel={t('settings.playlists.on')}
                  offLabel={t('settings.playlists.off')}
                  onChange={(e: React.ChangeEvent<HTMLInputElement>) => set(kind, { enabled: e.target.checked })}
                />
              </Field.Root>
            </Grid.Item>
            <Grid.Item col={9} s={12} direction="column" alignItems="stretch">
              <Field.Root
                name={`playlists.${kind}.title`}
                error={errors[kind]}
                hint={t('settings.playlists.example', { title: playlists[kind].title.replace('{name}', EXAMPLE_NAME[kind]) })}
              >
                <Field.Label>{t('dashboard.playlists.name')}</Field.Label>
                <TextInput
                  value={playlists[kind].title}
                  disabled={!playlists[kind].enabled}
                  onChange={(e: React.ChangeEvent<HTMLInputElement>) => set(kind, { title: e.target.value })}
                />
                <Field.Hint />
                <Field.Error />
              </Field.Root>
            </Grid.Item>
          </Grid.Root>
        </Box>
      ))}
    </Flex>
  );
}
