import type { YouTubeClient } from '../youtube/client';

/**
 * The YouTube client as a worker holding a lease sees it: every call first checks the lease, so a worker that lost
 * its job stops before its next call to YouTube (an upload's access token is fetched per chunk, so a long upload
 * stops between chunks too). Plain values such as `rootUrl` pass through; `metered` (the upload's start, made
 * outside googleapis) is a call like any other.
 */

export function fencedClient(client: YouTubeClient, assertLease: () => void): YouTubeClient {
  return new Proxy(client, {
    get(target, property, receiver) {
      const value = Reflect.get(target, property, receiver) as unknown;
      if (typeof value !== 'function') return value;
      return (...args: unknown[]) => {
        assertLease();
        return (value as (...a: unknown[]) => unknown).apply(target, args);
      };
    },
  });
}
