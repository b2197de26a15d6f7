// The follow-up register: tasks (overdue first, in red and in words), marking them done,
// proposals read from a meeting's decisions to confirm, and the yearly report per board.
import { useState } from 'react';
import { api } from '../../api/transport';
import { useQuery } from '../../api/useQuery';
import { downloadPdf } from '../../api/files';
import { ActionResult, QueryTable, useAction } from '../../components/async';
import { Day, MeetingSelect } from './ui';
import { anslagStrings as s } from './strings';
import { stockholmYear } from '../../../core/domain/calendar';

function Proposals({ onConfirmed }: { onConfirmed: () => void }) {
  const [meetingId, setMeetingId] = useState('');
  const proposals = useQuery(async () => (meetingId === '' ? [] : api.call('followUp.proposals', { meetingId })), [meetingId]);
  const action = useAction();

  async function confirm(p: { paragraph: number; decisionPoint: number | null; responsible: string; description: string; dueOn: string | null }) {
    await action.run(async () => {
      await api.call('followUp.confirm', { meetingId, ...p });
      proposals.reload();
      onConfirmed();
      return null;
    });
  }

  return (
    <>
      <h3 id="anslag-proposals">{s.followUp.proposalsHeading}</h3>
      <p className="help">{s.followUp.proposalsHelp}</p>
      <MeetingSelect id="anslag-fu-meeting" label={s.followUp.meeting} none={s.followUp.choose} value={meetingId} onChange={setMeetingId} />
      <QueryTable
        query={proposals}
        idle={meetingId === ''}
        retry={false}
        caption={s.followUp.proposalsCaption}
        columns={[s.followUp.paragraph, s.followUp.task, s.followUp.responsible, s.followUp.due, s.followUp.action]}
        empty={s.followUp.proposalsEmpty}
        row={(p, i) => (
          <tr key={`${p.paragraph}-${p.decisionPoint ?? 's'}-${i}`}>
            <th scope="row">
              § {p.paragraph}
              {p.decisionPoint !== null && <span className="muted"> p. {p.decisionPoint}</span>}
            </th>
            <td>{p.description}</td>
            <td>{p.responsible}</td>
            <td>{p.dueOn === null ? <span className="muted">{s.followUp.noDate}</span> : <Day iso={p.dueOn} />}</td>
            <td>
              {p.registered ? (
                <span>{s.followUp.registered}</span>
              ) : (
                <button
                  type="button"
                  className="small"
                  disabled={action.busy}
                  aria-label={s.followUp.confirmFor(p.description)}
                  onClick={() => void confirm({ paragraph: p.paragraph, decisionPoint: p.decisionPoint, responsible: p.responsible, description: p.description, dueOn: p.dueOn })}
                >
                  {s.followUp.confirm}
                </button>
              )}
            </td>
          </tr>
        )}
      />
      <ActionResult error={action.error} done={action.done} />
    </>
  );
}

function YearlyReport() {
  const boards = useQuery(() => api.call('boards.list', {}), []);
  const [boardId, setBoardId] = useState('');
  const [year, setYear] = useState(String(stockholmYear(new Date())));
  const action = useAction();
  const list = boards.status === 'ready' ? boards.data : [];
  const chosen = boardId !== '' ? boardId : (list[0]?.id ?? '');

  async function make() {
    await action.run(async () => {
      const r = await api.call('followUp.report', { boardId: chosen, year: Number(year) });
      downloadPdf(r.fileName, r.pdfBase64);
      return <p>{s.followUp.reportDone(r.tasks)}</p>;
    });
  }

  return (
    <>
      <h3>{s.followUp.reportHeading}</h3>
      <div className="grid-2">
        <div className="field">
          <label htmlFor="anslag-report-board">{s.followUp.board}</label>
          <select id="anslag-report-board" value={chosen} onChange={(e) => setBoardId(e.target.value)}>
            {list.map((b) => (
              <option key={b.id} value={b.id}>
                {b.name}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="anslag-report-year">{s.followUp.year}</label>
          <input id="anslag-report-year" type="number" min={1900} max={9999} value={year} onChange={(e) => setYear(e.target.value)} />
        </div>
      </div>
      <div className="actions">
        <button type="button" disabled={action.busy || chosen === '' || !/^\d{4}$/.test(year)} onClick={() => void make()}>
          {s.followUp.report}
        </button>
      </div>
      <ActionResult error={action.error} done={action.done} />
    </>
  );
}

export function FollowUps() {
  const [overdueOnly, setOverdueOnly] = useState(false);
  const [tick, setTick] = useState(0);
  const q = useQuery(() => api.call('followUp.list', { overdueOnly }), [overdueOnly, tick]);
  const action = useAction();

  async function markDone(taskId: string) {
    await action.run(async () => {
      await api.call('followUp.update', { taskId, status: 'done' });
      q.reload();
      return null;
    });
  }

  return (
    <section aria-labelledby="anslag-followup" className="card">
      <h2 id="anslag-followup">{s.followUp.heading}</h2>
      <p className="help">{s.followUp.help}</p>
      <div className="field check">
        <input id="anslag-overdue-only" type="checkbox" checked={overdueOnly} onChange={(e) => setOverdueOnly(e.target.checked)} />
        <label htmlFor="anslag-overdue-only">{s.followUp.overdueOnly}</label>
      </div>
      <QueryTable
        query={q}
        caption={s.followUp.caption}
        columns={[s.followUp.task, s.followUp.paragraph, s.followUp.responsible, s.followUp.due, s.followUp.status, s.followUp.action]}
        empty={s.followUp.empty}
        row={(t) => (
          <tr key={t.id} className={t.overdue ? 'anslag-overdue' : undefined}>
            <th scope="row">{t.description}</th>
            <td>
              § {t.paragraph}, {t.boardName} <Day iso={t.meetingDate} />
            </td>
            <td>{t.responsible}</td>
            <td>{t.dueOn === null ? <span className="muted">{s.followUp.noDate}</span> : <Day iso={t.dueOn} />}</td>
            <td className="anslag-when">{t.statusText}</td>
            <td>
              {t.status === 'open' && (
                <button type="button" className="small" disabled={action.busy} aria-label={s.followUp.markDoneFor(t.description)} onClick={() => void markDone(t.id)}>
                  {s.followUp.markDone}
                </button>
              )}
            </td>
          </tr>
        )}
      />
      <ActionResult error={action.error} done={action.done} />
      <Proposals onConfirmed={() => setTick((n) => n + 1)} />
      <YearlyReport />
    </section>
  );
}
