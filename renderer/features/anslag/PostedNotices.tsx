// Notices that are up, with the last day of appeal and the day each may come down; taking one
// down is offered from that day (the back end refuses earlier, citing KL 13 kap. 5 §).
import { useState } from 'react';
import { api } from '../../api/transport';
import { useQuery } from '../../api/useQuery';
import { documentsHref } from '../../router';
import { ActionResult, QueryTable, useAction } from '../../components/async';
import { Day } from './ui';
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
      <QueryTable
        query={q}
        caption={all ? s.notices.captionAll : s.notices.caption}
        columns={[s.pending.paragraphs, s.pending.board, s.pending.meeting, s.notices.posted, s.notices.lastDay, s.notices.takeDown, s.notices.state]}
        empty={s.notices.empty}
        row={(n) => (
          <tr key={n.noticeId}>
            <th scope="row">
              {n.label}
              <a className="small-block" href={documentsHref(n.meetingId)}>
                {s.notices.documents}
                <span className="visually-hidden"> {n.label}</span>
              </a>
            </th>
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
        )}
      />
      <ActionResult error={action.error} done={action.done} />
    </section>
  );
}
