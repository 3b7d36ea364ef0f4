// channels.list: the one channel the emulator hosts.
import type { Handler } from './context';
import { errors } from './errors';
import { PARTS, listResponse, parseParts, renderChannel } from './resources';

export const listChannels: Handler = async (ctx, r) => {
  const parts = parseParts(r.query, PARTS.channel);
  let mine: boolean;
  if (r.query.has('mine')) mine = r.query.bool('mine');
  else if (r.query.has('id')) mine = r.query.list('id').includes(ctx.store.channel.id);
  else if (r.query.has('forHandle') || r.query.has('forUsername') || r.query.has('managedByMe')) mine = false;
  else throw errors.missingFilter('categoryId, forHandle, forUsername, id, managedByMe, mine, mySubscribers');
  const items = mine ? [renderChannel(ctx, r.base, parts)] : [];
  return { kind: 'json', status: 200, body: listResponse('youtube#channelListResponse', items, items.length, 5) };
};
