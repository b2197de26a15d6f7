// Loads data through the typed client and tracks loading/error; reload() refetches while the
// previous data stays on screen (so forms on the page keep their state).
import { useCallback, useEffect, useRef, useState } from 'react';
import { errorMessage } from './errors';

export type QueryState<T> = { status: 'loading' } | { status: 'error'; message: string } | { status: 'ready'; data: T };

export function useQuery<T>(load: () => Promise<T>, deps: readonly unknown[]): QueryState<T> & { reload: () => void } {
  const [state, setState] = useState<QueryState<T>>({ status: 'loading' });
  const [tick, setTick] = useState(0);
  const depsKey = JSON.stringify(deps);
  const lastKey = useRef(depsKey);
  const stableLoad = useCallback(load, deps);
  useEffect(() => {
    let live = true;
    // A reload keeps showing the old data; a different query starts afresh.
    if (lastKey.current !== depsKey) setState({ status: 'loading' });
    lastKey.current = depsKey;
    stableLoad().then(
      (data) => live && setState({ status: 'ready', data }),
      (e: unknown) => live && setState({ status: 'error', message: errorMessage(e) }),
    );
    return () => {
      live = false;
    };
  }, [stableLoad, tick, depsKey]);
  return { ...state, reload: () => setTick((n) => n + 1) };
}
