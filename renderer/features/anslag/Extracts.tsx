// Protokollsutdrag: the secretary chooses a meeting and its adjusted §§, the recipients proposed
// from "Expedieras till" (and any others), creates the extract, signs its utdragsbestyrkande with
// a certificate file or a card, and downloads it. Earlier extracts of the meeting are listed.
import { useId, useState } from 'react';
import { api } from '../../api/transport';
import { useQuery } from '../../api/useQuery';
import { downloadPdf } from '../../api/files';
import { ActionResult, QueryTable, useAction } from '../../components/async';
import { ErrorText } from '../../components/Status';
import { SignDocument } from './SignDocument';
import { Day, MeetingSelect } from './ui';
import { anslagStrings as s } from './strings';

export function Extracts() {
  const id = useId();
  const [meetingId, setMeetingId] = useState('');
  /** The §§ left out of the extract (all adjusted §§ are in it by default). */
  const [left, setLeft] = useState<number[]>([]);
  /** Proposed recipients the user unticked. */
  const [dropped, setDropped] = useState<string[]>([]);
  const [more, setMore] = useState('');
  const [made, setMade] = useState(0);
  const [invalid, setInvalid] = useState<string | null>(null);
  const action = useAction();
  const adjusted = useQuery(async () => (meetingId === '' ? null : api.call('extracts.propose', { meetingId })), [meetingId]);
  const all = adjusted.status === 'ready' && adjusted.data !== null ? adjusted.data.adjusted : [];
  const chosen = all.filter((n) => !left.includes(n));
  const proposal = useQuery(async () => (meetingId === '' || chosen.length === 0 ? null : api.call('extracts.propose', { meetingId, paragraphs: chosen })), [meetingId, chosen.join(',')]);
  const list = useQuery(async () => (meetingId === '' ? [] : api.call('extracts.list', { meetingId })), [meetingId, made]);
  const proposed = proposal.status === 'ready' && proposal.data !== null ? proposal.data : null;

  function chooseMeeting(value: string) {
    setMeetingId(value);
    setLeft([]);
    setDropped([]);
    setMore('');
    setInvalid(null);
  }

  async function create() {
    if (chosen.length === 0) {
      setInvalid(s.extracts.chooseOne);
      return;
    }
    setInvalid(null);
    const recipients = [...(proposed?.recipients.map((r) => r.name).filter((n) => !dropped.includes(n)) ?? []), ...more.split(/\r?\n/).map((l) => l.trim()).filter((l) => l !== '')];
    await action.run(async () => {
      const r = await api.call('extracts.create', { meetingId, paragraphs: chosen, recipients });
      setMade((n) => n + 1);
      return (
        <>
          <p>{s.extracts.created(r.extract.label, r.extract.recipients.length)}</p>
          <div className="actions">
            <button type="button" className="secondary" onClick={() => void save(r.document.id, r.document.fileName)}>
              {s.extracts.download}
            </button>
          </div>
          <SignDocument versionId={r.document.id} field="sig-utdragsbestyrkande" what={s.extracts.what} fileName={r.document.fileName} />
        </>
      );
    });
  }

  async function save(versionId: string, fileName: string) {
    const d = await api.call('documents.currentPdf', { versionId });
    downloadPdf(fileName, d.pdfBase64);
  }

  return (
    <section aria-labelledby={`${id}-h`} className="card">
      <h2 id={`${id}-h`}>{s.extracts.heading}</h2>
      <p className="help">{s.extracts.help}</p>
      <MeetingSelect id={`${id}-meeting`} label={s.extracts.meeting} none={s.extracts.choose} value={meetingId} onChange={chooseMeeting} />
      {adjusted.status === 'error' && <ErrorText message={adjusted.message} />}
      {meetingId !== '' && adjusted.status === 'ready' && all.length === 0 && <p>{s.extracts.noneAdjusted}</p>}
      {all.length > 0 && (
        <>
          <fieldset aria-describedby={invalid === null ? undefined : `${id}-invalid`}>
            <legend>{s.extracts.paragraphs}</legend>
            {all.map((n) => (
              <div className="field check" key={n}>
                <input id={`${id}-p${n}`} type="checkbox" checked={!left.includes(n)} onChange={(e) => setLeft((xs) => (e.target.checked ? xs.filter((x) => x !== n) : [...xs, n]))} />
                <label htmlFor={`${id}-p${n}`}>{s.extracts.paragraph(n)}</label>
              </div>
            ))}
            {invalid !== null && (
              <p id={`${id}-invalid`} className="field-error">
                {invalid}
              </p>
            )}
          </fieldset>
          {proposed !== null && proposed.confidential.length > 0 && <p className="warning">{s.extracts.confidential(proposed.confidential)}</p>}
          <fieldset>
            <legend>{s.extracts.recipients}</legend>
            {proposed !== null && proposed.recipients.length === 0 && <p>{s.extracts.noRecipients}</p>}
            {proposed?.recipients.map((r, i) => (
              <div className="field check" key={r.name}>
                <input id={`${id}-r${i}`} type="checkbox" checked={!dropped.includes(r.name)} onChange={(e) => setDropped((xs) => (e.target.checked ? xs.filter((x) => x !== r.name) : [...xs, r.name]))} />
                <label htmlFor={`${id}-r${i}`}>{s.extracts.recipientFrom(r.name, r.paragraphs)}</label>
              </div>
            ))}
            <div className="field">
              <label htmlFor={`${id}-more`}>{s.extracts.more}</label>
              <textarea id={`${id}-more`} rows={2} value={more} onChange={(e) => setMore(e.target.value)} />
            </div>
          </fieldset>
          <div className="actions">
            <button type="button" disabled={action.busy} onClick={() => void create()}>
              {s.extracts.create}
            </button>
          </div>
        </>
      )}
      <ActionResult error={action.error} done={action.done} />
      <QueryTable
        query={list}
        idle={meetingId === ''}
        caption={s.extracts.caption}
        columns={[s.extracts.label, s.extracts.to, s.extracts.made, s.extracts.file]}
        empty={s.extracts.empty}
        row={(x) => (
          <tr key={x.id}>
            <th scope="row">{x.label}</th>
            <td>{x.recipients.join(', ')}</td>
            <td>
              <Day iso={x.createdAt.slice(0, 10)} />
            </td>
            <td>
              {x.document !== null && (
                <button type="button" className="secondary" onClick={() => void save(x.document?.id ?? '', x.document?.fileName ?? '')}>
                  {s.extracts.downloadFor(x.label)}
                </button>
              )}
            </td>
          </tr>
        )}
      />
    </section>
  );
}
