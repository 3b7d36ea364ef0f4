import { Box, Flex, Grid, Typography } from '@strapi/design-system';
import { useTimeFormat } from '../../../../../../shared/admin';
import type { SyncStatus } from '../../api-types';
import { useT, type MessageKey } from '../../translate';

interface Tile {
  label: MessageKey;
  value: number;
  tone: 'success' | 'primary' | 'warning' | 'danger' | 'neutral';
}

/** The stories by status at a glance; tiles that need attention are coloured only when they are not zero. */
export function StatusCounts({ status }: { status: SyncStatus }) {
  const t = useT();
  const { number } = useTimeFormat();
  const { jobs, stories } = status;
  const tiles: Tile[] = [
    { label: 'dashboard.counts.published', value: stories.published, tone: 'neutral' },
    { label: 'dashboard.counts.synced', value: stories.synced, tone: 'success' },
    { label: 'dashboard.counts.working', value: jobs.pending + jobs.running, tone: 'primary' },
    { label: 'dashboard.counts.failed', value: jobs.failed, tone: 'danger' },
    { label: 'dashboard.counts.waiting_for_quota', value: jobs.waiting_for_quota, tone: 'warning' },
    { label: 'dashboard.counts.needs_reconnect', value: jobs.needs_reconnect, tone: 'warning' },
    { label: 'dashboard.counts.no_video', value: stories.no_video, tone: 'neutral' },
    { label: 'dashboard.counts.removed', value: stories.removed, tone: 'neutral' },
  ];
  return (
    <Grid.Root gap={4}>
      {tiles.map((tile) => {
        const active = tile.value > 0 && tile.tone !== 'neutral';
        return (
          <Grid.Item key={tile.label} col={3} s={6} xs={12} direction="column" alignItems="stretch">
            <Box
              background={active ? `${tile.tone}100` : 'neutral0'}
              borderColor={active ? `${tile.tone}200` : 'neutral150'}
              hasRadius
              padding={4}
              shadow="tableShadow"
              data-testid={`count-${tile.label.split('.').pop()}`}
            >
              <Flex direction="column" alignItems="flex-start" gap={1}>
                <Typography variant="alpha" tag="p" textColor={active ? `${tile.tone}700` : 'neutral800'}>
                  {number(tile.value)}
                </Typography>
                <Typography variant="sigma" textColor="neutral600">
                  {t(tile.label)}
                </Typography>
              </Flex>
            </Box>
          </Grid.Item>
        );
      })}
    </Grid.Root>
  );
}
