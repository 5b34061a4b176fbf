import { useCallback, useEffect, useRef } from 'react';

/**
 * Runs `load` whenever it changes (i.e. when the values it closes over change) and returns a function that
 * runs it again on demand (a retry button). Results of a superseded run are dropped: `load` receives an
 * `isCurrent` check to call before it sets state. With `everyMs`, it also runs again that often (figures that
 * change with time).
 */
export function useReloadable(
  load: (isCurrent: () => boolean) => Promise<void>,
  everyMs?: number,
): () => void {
  const generation = useRef(0);
  const run = useCallback(() => {
    const mine = ++generation.current;
    void load(() => mine === generation.current);
  }, [load]);
  useEffect(() => {
    run();
    return () => {
      // Unmount or a new load: whatever is in flight no longer counts.
      generation.current++;
    };
  }, [run]);
  useEffect(() => {
    if (!everyMs) return;
    const timer = setInterval(run, everyMs);
    return () => clearInterval(timer);
  }, [run, everyMs]);
  return run;
}
