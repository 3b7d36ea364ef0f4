import { Link, Table, Tbody, Td, Tr, Typography } from '@strapi/design-system';
import { Card, TableHead, useTimeFormat } from '../../../../../../shared/admin';
import type { PlaylistView } from '../../api-types';
import { useT } from '../../translate';

/** The channel's playlists the plugin keeps, with how many videos it put into each. */
export function PlaylistsCard({ playlists }: { playlists: PlaylistView[] }) {
  const t = useT();
  const format = useTimeFormat();
  return (
    <Card title={t('dashboard.playlists.title')} data-testid="playlists">
      {playlists.length === 0 ? (
        <Typography textColor="neutral600">{t('dashboard.playlists.empty')}</Typography>
      ) : (
        <Table colCount={3} rowCount={playlists.length + 1}>
          <TableHead labels={[t('dashboard.playlists.name'), t('dashboard.playlists.kind'), t('dashboard.playlists.videos')]} />
          <Tbody>
            {playlists.map((playlist) => (
              <Tr key={playlist.key}>
                <Td style={{ whiteSpace: 'normal' }}>
                  {playlist.url ? (
                    <Link href={playlist.url} isExternal>
                      {playlist.title}
                    </Link>
                  ) : (
                    <Typography>{playlist.title}</Typography>
                  )}
                </Td>
                <Td>
                  <Typography variant="omega" textColor="neutral600">
                    {t(`kind.${playlist.kind}`)}
                  </Typography>
                </Td>
                <Td>
                  <Typography variant="omega">{format.number(playlist.videos)}</Typography>
                </Td>
              </Tr>
            ))}
          </Tbody>
        </Table>
      )}
    </Card>
  );
}
