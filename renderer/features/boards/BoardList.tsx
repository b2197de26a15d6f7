// Start screen: organisations' boards with their meetings, newest first.
import { useState } from 'react';
import { api } from '../../api/transport';
import { useQuery } from '../../api/useQuery';
import { ErrorBox, Loading } from '../../components/Status';
import { formatLongDate, t, type MessageKey } from '../../i18n';
import { meetingHref } from '../../router';
import { formatRanges } from '../../../core/domain/numbering';
import { ApiError } from '../../../core/api/client';

export function BoardList() {
  const q = useQuery(async () => {
    const [boards, meetings] = await Promise.all([api.call('boards.list', {}), api.call('meetings.list', {})]);
    return { boards, meetings };
  }, []);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  if (q.status === 'loading') return <Loading />;
  if (q.status === 'error') return <ErrorBox message={q.message} onRetry={q.reload} />;
  const { boards, meetings } = q.data;

  async function loadDemo() {
    setBusy(true);
    setError(null);
    try {
      await api.call('demo.load', {});
      q.reload();
    } catch (e) {
      setError(e instanceof ApiError ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  }

  return (
    <>
      <h1>{t('boards.title')}</h1>
      {boards.length === 0 && (
        <div className="empty">
          <p>{t('boards.empty')}</p>
          <button type="button" onClick={loadDemo} disabled={busy}>
            {t('boards.loadDemo')}
          </button>
          {error && <ErrorBox message={error} />}
        </div>
      )}
      <ul className="board-list">
        {boards.map((b) => {
          const own = meetings.filter((m) => m.boardId === b.id);
          return (
            <li key={b.id} className="card">
              <h2>{b.name}</h2>
              <p className="muted">
                {b.organisationName} · {t(`boards.kind.${b.kind}` as MessageKey)} · {t('boards.seats', { seats: b.seats })}
              </p>
              <h3 className="visually-hidden">{t('boards.meetings')}</h3>
              {own.length === 0 ? (
                <p className="muted">{t('boards.noMeetings')}</p>
              ) : (
                <ul className="meeting-list">
                  {own.map((m) => (
                    <li key={m.id}>
                      <a href={meetingHref(m.id)}>
                        <span className="meeting-date">{formatLongDate(m.date)}</span>
                        <span className="meeting-meta">
                          {m.startTime}
                          {m.endTime ? `–${m.endTime}` : ''} · {m.place}
                          {m.firstParagraph !== null && m.lastParagraph !== null
                            ? ` · §§ ${formatRanges([m.firstParagraph, m.lastParagraph])}`
                            : ''}
                        </span>
                      </a>
                    </li>
                  ))}
                </ul>
              )}
            </li>
          );
        })}
      </ul>
    </>
  );
}
