// Search across all meetings (or one board's): FTS5 over every § text; a hit opens the § with
// the words marked.
import { useEffect, useState } from 'react';
import { api } from '../../api/transport';
import { useQuery } from '../../api/useQuery';
import { SelectField, TextField } from '../../components/fields';
import { ErrorBox } from '../../components/Status';
import { formatLongDate, t } from '../../i18n';
import { meetingHref, navigate, searchHref } from '../../router';
import { Snippet } from './Snippet';

export function SearchPage({ query, boardId }: { query: string; boardId: string }) {
  const [q, setQ] = useState(query);
  const [board, setBoard] = useState(boardId);
  useEffect(() => {
    setQ(query);
    setBoard(boardId);
  }, [query, boardId]);
  const boards = useQuery(() => api.call('boards.list', {}), []);
  const hits = useQuery(() => (query.trim() === '' ? Promise.resolve([]) : api.call('workspace.search', { query, ...(boardId === '' ? {} : { boardId }), limit: 100 })), [query, boardId]);
  return (
    <>
      <h1>{t('search.title')}</h1>
      <form
        role="search"
        aria-label={t('search.title')}
        className="search-form"
        onSubmit={(e) => {
          e.preventDefault();
          navigate(searchHref(q.trim(), board));
        }}
      >
        <TextField label={t('search.words')} help={t('search.help')} type="search" value={q} onChange={(e) => setQ(e.target.value)} />
        <SelectField label={t('search.board')} value={board} onChange={(e) => setBoard(e.target.value)}>
          <option value="">{t('search.allBoards')}</option>
          {boards.status === 'ready' &&
            boards.data.map((b) => (
              <option key={b.id} value={b.id}>
                {b.name}
              </option>
            ))}
        </SelectField>
        <button type="submit">{t('search.submit')}</button>
      </form>
      {hits.status === 'error' && <ErrorBox message={hits.message} />}
      {hits.status === 'ready' && query.trim() !== '' && (
        <section aria-labelledby="hits-heading">
          <h2 id="hits-heading" aria-live="polite">
            {hits.data.length === 0 ? t('search.none', { query }) : t(hits.data.length === 1 ? 'search.countOne' : 'search.count', { n: hits.data.length, query })}
          </h2>
          <ol className="hits">
            {hits.data.map((h) => (
              <li key={h.paragraphId}>
                <a href={meetingHref(h.meetingId, h.number, query)}>
                  <span className="para-number">§ {h.number}</span> {h.title}
                </a>
                <p className="muted">
                  {h.boardName} · {formatLongDate(h.meetingDate)}
                </p>
                <p className="snippet">
                  <Snippet text={h.snippet} />
                </p>
              </li>
            ))}
          </ol>
        </section>
      )}
    </>
  );
}
