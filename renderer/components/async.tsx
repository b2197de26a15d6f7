// Action and query states every screen shares: an action's busy flag with its success line
// (polite) or error (at once), and a query's rows as a captioned table.
import { createContext, useContext, useState, type ReactNode } from 'react';
import { errorMessage } from '../api/errors';
import type { QueryState } from '../api/useQuery';
import { ErrorText, Loading } from './Status';

/**
 * The actions of one page share a scope: each action (or page-level announcement) starting takes
 * a new turn, and only the latest turn's success line or error is shown. An old "Underskriftspaketet
 * … är sparat" or a finished group's message never stays once another action — in another group or
 * section — changed the state it described. Leaving the page unmounts its messages.
 */
interface Scope {
  turn: number;
  next: () => number;
}

const ActionScopeContext = createContext<Scope | null>(null);

/** One page's action scope (see useAction, useScopedMessage). */
export function ActionScope({ children }: { children: ReactNode }) {
  const [turn, setTurn] = useState(0);
  const [scope] = useState(() => {
    let current = 0;
    return {
      next: () => {
        current += 1;
        setTurn(current);
        return current;
      },
    };
  });
  return <ActionScopeContext.Provider value={{ turn, next: scope.next }}>{children}</ActionScopeContext.Provider>;
}

/** A message of the page's latest turn: `show` takes a new turn; `current` is null once another turn began. */
export function useScopedMessage<T>(): { current: T | null; show: (m: T) => void; clear: () => void } {
  const scope = useContext(ActionScopeContext);
  const [message, setMessage] = useState<{ value: T; turn: number } | null>(null);
  const visible = message !== null && (scope === null || message.turn === scope.turn) ? message.value : null;
  return {
    current: visible,
    show: (value) => setMessage({ value, turn: scope === null ? 0 : scope.next() }),
    clear: () => setMessage(null),
  };
}

/** An action's state (useAction): `run` says whether it succeeded; `clear` drops its message once the state it described changed. */
export interface Action {
  busy: boolean;
  error: string | null;
  done: ReactNode;
  run: (fn: () => Promise<ReactNode>) => Promise<boolean>;
  clear: () => void;
}

/** Runs an action with a busy flag, and keeps its last success line or error (until another action of the page's scope starts, or `clear`). */
export function useAction(): Action {
  const scope = useContext(ActionScopeContext);
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<{ error: string | null; done: ReactNode; turn: number }>({ error: null, done: null, turn: 0 });
  const live = scope === null || result.turn === scope.turn;
  return {
    busy,
    error: live ? result.error : null,
    done: live ? result.done : null,
    async run(fn) {
      const turn = scope === null ? 0 : scope.next();
      setBusy(true);
      setResult({ error: null, done: null, turn });
      try {
        const done = await fn();
        setResult({ error: null, done, turn });
        return true;
      } catch (e) {
        setResult({ error: errorMessage(e), done: null, turn });
        return false;
      } finally {
        setBusy(false);
      }
    },
    clear: () => setResult((r) => ({ ...r, error: null, done: null })),
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
  return <DataTable caption={caption} columns={columns} items={query.data} row={row} />;
}

/** Rows as a captioned table with column headings, scrolling sideways inside its own box when narrow. */
export function DataTable<T>({ caption, columns, items, row }: { caption: ReactNode; columns: ReactNode[]; items: T[]; row: (item: T, index: number) => ReactNode }) {
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
        <tbody>{items.map(row)}</tbody>
      </table>
    </div>
  );
}

/**
 * A card section around one query: heading and help, then the loading state, the error (with
 * "Försök igen") or `children` with the data and a reload.
 */
export function QuerySection<T>({
  id,
  heading,
  help,
  query,
  children,
}: {
  id: string;
  heading: ReactNode;
  help?: ReactNode;
  query: QueryState<T> & { reload: () => void };
  children: (data: T, reload: () => void) => ReactNode;
}) {
  return (
    <section className="card" aria-labelledby={id}>
      <h2 id={id}>{heading}</h2>
      {help !== undefined && <p className="help">{help}</p>}
      {query.status === 'loading' && <Loading />}
      {query.status === 'error' && <ErrorText message={query.message} onRetry={query.reload} />}
      {query.status === 'ready' && children(query.data, query.reload)}
    </section>
  );
}
