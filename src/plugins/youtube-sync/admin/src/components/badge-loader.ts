import { getFetchClient } from '@strapi/strapi/admin';
import type { DisplayStatus } from '../api-types';

const FRESH_MS = 5000;
const MAX_IDS = 100;

type Listener = (status: DisplayStatus | null) => void;

/**
 * Collects the badge requests of one list page (each row asks for itself) into one call to
 * GET /youtube-sync/stories?ids=…, and keeps the answers for a few seconds so re-renders do not ask again.
 */
function createBadgeLoader() {
  const known = new Map<string, { status: DisplayStatus | null; at: number }>();
  const waiting = new Map<string, Listener[]>();
  let timer: ReturnType<typeof setTimeout> | undefined;

  async function flush() {
    timer = undefined;
    const ids = [...waiting.keys()];
    const listeners = new Map(waiting);
    waiting.clear();
    for (let i = 0; i < ids.length; i += MAX_IDS) {
      const batch = ids.slice(i, i + MAX_IDS);
      let statuses: Record<string, DisplayStatus> = {};
      try {
        statuses = (await getFetchClient().get<{ statuses: Record<string, DisplayStatus> }>(`/youtube-sync/stories?ids=${batch.join(',')}`)).data.statuses;
      } catch {
        // Without the read permission (403) or on an error the column stays empty rather than alarming.
      }
      for (const id of batch) {
        const status = statuses[id] ?? null;
        known.set(id, { status, at: Date.now() });
        for (const listener of listeners.get(id) ?? []) listener(status);
      }
    }
  }

  return {
    load(id: string, listener: Listener) {
      const cached = known.get(id);
      if (cached && Date.now() - cached.at < FRESH_MS) {
        listener(cached.status);
        return;
      }
      waiting.set(id, [...(waiting.get(id) ?? []), listener]);
      timer ??= setTimeout(() => void flush(), 20);
    },
  };
}

export const badgeLoader = createBadgeLoader();
