import { Avatar, Flex, Link, Typography } from '@strapi/design-system';
import { useTimeFormat } from '../../../../../shared/admin';
import type { ChannelView } from '../api-types';
import { useT } from '../translate';

interface Props {
  channel: ChannelView;
  connectedAt: string | null;
  connectedBy: string | null;
}

/** The connected channel as YouTube shows it: avatar, name, id. */
export function ChannelCard({ channel, connectedAt, connectedBy }: Props) {
  const t = useT();
  const format = useTimeFormat();
  return (
    <Flex gap={4} alignItems="center" data-testid="channel">
      <Avatar.Item src={channel.thumbnail ?? undefined} alt="" fallback={channel.title.slice(0, 2).toUpperCase()} style={{ width: 64, height: 64 }} />
      <Flex direction="column" alignItems="flex-start" gap={1}>
        <Typography variant="beta" tag="p">
          {channel.title}
        </Typography>
        <Typography variant="omega" textColor="neutral600">
          {t('connection.channel.id', { id: channel.id })}
        </Typography>
        {connectedAt && (
          <Typography variant="pi" textColor="neutral600">
            {connectedBy
              ? t('connection.channel.by', { time: format.dateTime(connectedAt), name: connectedBy })
              : t('connection.channel.byUnknown', { time: format.dateTime(connectedAt) })}
          </Typography>
        )}
        <Link href={channel.url} isExternal>
          {t('connection.channel.open')}
        </Link>
      </Flex>
    </Flex>
  );
}
