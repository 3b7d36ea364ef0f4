import * as React from 'react';

/**
 * Loads data now and again after `intervalFor(data)` milliseconds, so a page refreshes on its own: often while
 * the sync is working, rarely when all is quiet, and not while the browser tab is hidden.
 */
export function usePolling<T>(load: () => Promise<T>, intervalFor: (data: T) => number) {
  const [data, setData] = React.useState<T>();
  const [error, setError] = React.useState<unknown>();
  const loadRef = React.useRef(load);
  const intervalRef = React.useRef(intervalFor);
  loadRef.current = load;
  intervalRef.current = intervalFor;
  const timer = React.useRef<ReturnType<typeof setTimeout>>();
  const alive = React.useRef(true);

  const refresh = React.useCallback(async () => {
    clearTimeout(timer.current);
    let next = 15000;
    try {
      const loaded = await loadRef.current();
      if (!alive.current) return;
      setData(loaded);
      setError(undefined);
      next = intervalRef.current(loaded);
    } catch (failure) {
      if (!alive.current) return;
      setError(failure);
    }
    timer.current = setTimeout(() => void refresh(), document.hidden ? Math.max(next, 60000) : next);
  }, []);

  React.useEffect(() => {
    alive.current = true;
    void refresh();
    const onVisible = () => {
      if (!document.hidden) void refresh();
    };
    document.addEventListener('visibilitychange', onVisible);
    return () => {
      alive.current = false;
      clearTimeout(timer.current);
      document.removeEventListener('visibilitychange', onVisible);
    };
  }, [refresh]);

  return { data, error, isLoading: data === undefined && error === undefined, refresh };
}
