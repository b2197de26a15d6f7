// Adjusted groups waiting for their notice, with the last day to post it; overdue ones in red
// (and in words, not only in colour). Posting records the notice and produces its documents.
import { useState } from 'react';
import { api } from '../../api/transport';
import { useQuery } from '../../api/useQuery';
import { downloadPdf } from '../../api/files';
import { ActionResult, QueryTable, useAction } from '../../components/async';
import { Day } from './ui';
import { SignDocument } from './SignDocument';
import { anslagStrings as s } from './strings';

export function PendingNotices({ onPosted }: { onPosted: () => void }) {
  const q = useQuery(() => api.call('anslag.pending', {}), []);
  const [dates, setDates] = useState<Record<string, string>>({});
  const action = useAction();

  async function post(groupId: string) {
    const postedOn = dates[groupId];
    await action.run(async () => {
      const r = await api.call('anslag.post', { groupId, ...(postedOn ? { postedOn } : {}) });
      q.reload();
      onPosted();
      const n = r.notice;
      const save = async (versionId: string) => {
        const d = await api.call('anslag.document', { versionId });
        downloadPdf(d.document.fileName, d.pdfBase64);
      };
      return (
        <>
          <p>{s.pending.posted(n.label, n.postedOn, n.takeDownOn, n.lastAppealDay)}</p>
          <p>{s.pending.sign}</p>
          <div className="actions">
            <button type="button" className="secondary" onClick={() => void save(r.tillkannagivande.id)}>
              {s.pending.downloadNotice}
            </button>
            <button type="button" className="secondary" onClick={() => void save(r.anslagsbevis.id)}>
              {s.pending.downloadBevis}
            </button>
          </div>
          <SignDocument meetingId={r.tillkannagivande.meetingId} versionId={r.tillkannagivande.id} field="sig-anslag" what={s.signing.notice} fileName={r.tillkannagivande.fileName} />
          <SignDocument meetingId={r.anslagsbevis.meetingId} versionId={r.anslagsbevis.id} field="sig-anslagsbevis" what={s.signing.bevis} fileName={r.anslagsbevis.fileName} />
        </>
      );
    });
  }

  return (
    <section aria-labelledby="anslag-pending" className="card">
      <h2 id="anslag-pending">{s.pending.heading}</h2>
      <p className="help">{s.pending.help}</p>
      <QueryTable
        query={q}
        caption={s.pending.caption}
        columns={[s.pending.paragraphs, s.pending.board, s.pending.meeting, s.pending.adjusted, s.pending.postBy, s.pending.action]}
        empty={s.pending.empty}
        row={(g) => {
          const inputId = `anslag-date-${g.groupId}`;
          const helpId = `${inputId}-help`;
          return (
            <tr key={g.groupId} className={g.overdue ? 'anslag-overdue' : undefined}>
              <th scope="row">{g.label}</th>
              <td>{g.boardName}</td>
              <td>
                <Day iso={g.meetingDate} />
              </td>
              <td>
                <Day iso={g.adjustedOn} />
              </td>
              <td>
                <Day iso={g.postBy} />
                <span className="anslag-when">{g.overdue ? ` – ${s.pending.overdue}` : ` (${s.pending.daysLeft(g.daysLeft)})`}</span>
              </td>
              <td>
                <div className="anslag-post">
                  <label htmlFor={inputId} className="visually-hidden">
                    {s.pending.dateLabel(g.label)}
                  </label>
                  <input id={inputId} type="date" value={dates[g.groupId] ?? ''} min={g.adjustedOn} aria-describedby={helpId} onChange={(e) => setDates({ ...dates, [g.groupId]: e.target.value })} />
                  <span id={helpId} className="help">
                    {s.pending.dateHelp}
                  </span>
                  <button type="button" disabled={action.busy} aria-label={s.pending.postFor(g.label, g.boardName)} onClick={() => void post(g.groupId)}>
                    {s.pending.post}
                  </button>
                </div>
              </td>
            </tr>
          );
        }}
      />
      <ActionResult error={action.error} done={action.done} />
    </section>
  );
}
