// Action and query states every screen shares: an action's busy flag with its success line
// (polite) or error (at once), and a query's rows as a captioned table.
import { useState, type ReactNode } from 'react';
import { errorMessage } from '../api/errors';
import type { QueryState } from '../api/useQuery';
import { ErrorText, Loading } from './Status';

/** Runs an action with a busy flag, and keeps its last success line or error. */
export function useAction(): {
  busy: boolean;
  error: string | null;
  done: ReactNode;
  run: (fn: () => Promise<ReactNode>) => Promise<void>;
} {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<ReactNode>(null);
  return {
    busy,
    error,
    done,
    async run(fn) {
      setBusy(true);
      setError(null);
      setDone(null);
      try {
        setDone(await fn());
      } catch (e) {
        setError(errorMessage(e));
      } finally {
        setBusy(false);
      }
    },
  };
}

/** The success line (announced politely) and the error (announced at once) of an action. */
export function ActionResult({ error, done }: { error: string | null; done: ReactNode }) {
  return (
    <>
      <div role="status" className="action-status">
        {done}
      </div>
      {error !== null && <ErrorText message={error} />}
    </>
  );
}

/**
 * A query's rows as a captioned table: the loading, error and empty states first, then the
 * column headings and one `row` per item. `idle` shows nothing (no query chosen yet).
 */
export function QueryTable<T>({
  query,
  caption,
  columns,
  empty,
  row,
  retry = true,
  idle = false,
}: {
  query: QueryState<T[]> & { reload: () => void };
  caption: ReactNode;
  columns: ReactNode[];
  empty: ReactNode;
  row: (item: T, index: number) => ReactNode;
  retry?: boolean;
  idle?: boolean;
}) {
  if (query.status === 'error') return <ErrorText message={query.message} {...(retry ? { onRetry: query.reload } : {})} />;
  if (idle) return null;
  if (query.status === 'loading') return <Loading />;
  if (query.data.length === 0) return <p>{empty}</p>;
  return (
    <div className="table-scroll">
      <table className="data">
        <caption>{caption}</caption>
        <thead>
          <tr>
            {columns.map((c, i) => (
              <th key={i} scope="col">
                {c}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>{query.data.map(row)}</tbody>
      </table>
    </div>
  );
}
