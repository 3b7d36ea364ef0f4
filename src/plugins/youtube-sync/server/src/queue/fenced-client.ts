import type { YouTubeClient } from '../youtube/client';

/**
 * The YouTube client as a worker holding a lease sees it: every call first checks the lease, so a worker that lost
 * its job stops before its next call to YouTube (an upload's access token is fetched per chunk, so a long upload
 * stops between chunks too). Plain values such as `rootUrl` pass through, and so does `count`: it books a call
 * that was already made.
 */
const UNFENCED = new Set<PropertyKey>(['count']);

export function fencedClient(client: YouTubeClient, assertLease: () => void): YouTubeClient {
  return new Proxy(client, {
    get(target, property, receiver) {
      const value = Reflect.get(target, property, receiver) as unknown;
      if (typeof value !== 'function' || UNFENCED.has(property)) return value;
      return (...args: unknown[]) => {
        assertLease();
        return (value as (...a: unknown[]) => unknown).apply(target, args);
      };
    },
  });
}
