import * as React from 'react';
import type { ExportView, ReportsApi } from '../api';

const BUSY_MS = 1000;
const QUIET_MS = 15000;

/** The recent exports, polled every second while one is being made, so its progress bar moves. */
export function useExports(api: ReportsApi) {
  const [exports, setExports] = React.useState<ExportView[]>([]);
  const timer = React.useRef<ReturnType<typeof setTimeout>>();
  const alive = React.useRef(true);

  const refresh = React.useCallback(async () => {
    clearTimeout(timer.current);
    let next = QUIET_MS;
    try {
      const loaded = await api.exports();
      if (!alive.current) return;
      setExports(loaded);
      if (loaded.some((e) => e.status === 'queued' || e.status === 'running')) next = BUSY_MS;
    } catch {
      // A failed poll keeps the last list; the next poll tries again.
    }
    if (alive.current) timer.current = setTimeout(() => void refresh(), next);
  }, [api]);

  React.useEffect(() => {
    alive.current = true;
    void refresh();
    return () => {
      alive.current = false;
      clearTimeout(timer.current);
    };
  }, [refresh]);

  return { exports, refresh };
}
