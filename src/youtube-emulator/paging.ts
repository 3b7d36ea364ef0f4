// maxResults/pageToken paging as YouTube does it: default 5, at most 50, opaque tokens.
import { errors } from './errors';
import type { Query } from './http';

const PREFIX = 'EMU';

function encodeToken(offset: number): string {
  return `${PREFIX}${Buffer.from(`offset:${offset}`).toString('base64url')}`;
}

function decodeToken(token: string): number | null {
  if (!token.startsWith(PREFIX)) return null;
  const m = /^offset:(\d+)$/.exec(Buffer.from(token.slice(PREFIX.length), 'base64url').toString('utf8'));
  return m ? Number(m[1]) : null;
}

export interface Page<T> {
  items: T[];
  offset: number;
  perPage: number;
  next?: string;
  prev?: string;
}

export function paginate<T>(all: T[], query: Query, defaultMax = 5): Page<T> {
  const rawMax = query.get('maxResults');
  let perPage = defaultMax;
  if (rawMax !== undefined) {
    const n = Number(rawMax);
    if (!Number.isInteger(n) || n < 0 || n > 50) throw errors.outOfRange('maxResults', rawMax, 0, 50);
    perPage = n;
  }
  let offset = 0;
  const token = query.get('pageToken');
  if (token) {
    const decoded = decodeToken(token);
    if (decoded === null) throw errors.invalidPageToken();
    offset = decoded;
  }
  const items = all.slice(offset, offset + perPage);
  const page: Page<T> = { items, offset, perPage };
  if (perPage > 0 && offset + perPage < all.length) page.next = encodeToken(offset + perPage);
  if (offset > 0) page.prev = encodeToken(Math.max(0, offset - perPage));
  return page;
}
