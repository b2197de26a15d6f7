// Notices that are up, with the last day of appeal and the day each may come down; taking one
// down is offered from that day (the back end refuses earlier, citing KL 13 kap. 5 §).
import { useState } from 'react';
import { api } from '../../api/transport';
import { useQuery } from '../../api/useQuery';
import { ActionResult, Day, ErrorText, Loading, useAction } from './ui';
import { anslagStrings as s } from './strings';

export function PostedNotices({ refresh }: { refresh: number }) {
  const [all, setAll] = useState(false);
  const q = useQuery(() => api.call('anslag.notices', { include: all ? 'all' : 'up' }), [all, refresh]);
  const action = useAction();

  async function takeDown(noticeId: string) {
    await action.run(async () => {
      const r = await api.call('anslag.takeDown', { noticeId });
      q.reload();
      return <p>{s.notices.takenDown(r.label, r.takenDownOn ?? '')}</p>;
    });
  }

  return (
    <section aria-labelledby="anslag-notices" className="card">
      <h2 id="anslag-notices">{s.notices.heading}</h2>
      <div className="field check">
        <input id="anslag-show-all" type="checkbox" checked={all} onChange={(e) => setAll(e.target.checked)} />
        <label htmlFor="anslag-show-all">{s.notices.showAll}</label>
      </div>
      {q.status === 'loading' && <Loading />}
      {q.status === 'error' && <ErrorText message={q.message} onRetry={q.reload} />}
      {q.status === 'ready' && q.data.length === 0 && <p>{s.notices.empty}</p>}
      {q.status === 'ready' && q.data.length > 0 && (
        <div className="table-scroll">
          <table className="data">
            <caption>{all ? s.notices.captionAll : s.notices.caption}</caption>
            <thead>
              <tr>
                <th scope="col">{s.pending.paragraphs}</th>
                <th scope="col">{s.pending.board}</th>
                <th scope="col">{s.pending.meeting}</th>
                <th scope="col">{s.notices.posted}</th>
                <th scope="col">{s.notices.lastDay}</th>
                <th scope="col">{s.notices.takeDown}</th>
                <th scope="col">{s.notices.state}</th>
              </tr>
            </thead>
            <tbody>
              {q.data.map((n) => (
                <tr key={n.noticeId}>
                  <th scope="row">{n.label}</th>
                  <td>{n.boardName}</td>
                  <td>
                    <Day iso={n.meetingDate} />
                  </td>
                  <td>
                    <Day iso={n.postedOn} />
                    {n.postedLate && <span className="anslag-late"> – {s.notices.late}</span>}
                  </td>
                  <td>
                    <Day iso={n.lastAppealDay} />
                  </td>
                  <td>
                    <Day iso={n.takenDownOn ?? n.takeDownOn} />
                  </td>
                  <td>
                    {n.state === 'may_take_down' ? (
                      <button type="button" disabled={action.busy} aria-label={s.notices.takeDownFor(n.label, n.boardName)} onClick={() => void takeDown(n.noticeId)}>
                        {s.notices.takeDownButton}
                      </button>
                    ) : n.state === 'up' ? (
                      <span>
                        {s.notices.states.up}. {s.notices.notYet(n.takeDownOn)}
                      </span>
                    ) : (
                      <span>{s.notices.states.taken_down}</span>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <ActionResult error={action.error} done={action.done} />
    </section>
  );
}
