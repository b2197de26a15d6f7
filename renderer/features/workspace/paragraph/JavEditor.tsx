// Jäv on a §: who does not take part (KL 6 kap. 28–32 §§), and which present substitute serves
// in their seat for this § — proposed by the app (personal substitute, party, order), changeable.
import { useRef, useState } from 'react';
import { autosave } from '../../../api/autosave';
import { SelectField, TextField } from '../../../components/fields';
import { t } from '../../../i18n';
import { covers, servingOn } from '../../../../core/domain/presence';
import { fromAttendance, proposeJavSubstitute } from '../../../../core/app/workspace/attendance';
import { useMeetingSnapshot, type MeetingStore } from '../store';
import { EditFeedback } from '../../../components/Status';

export function JavEditor({ store, paragraphId }: { store: MeetingStore; paragraphId: string }) {
  const view = useMeetingSnapshot(store).view;
  const [person, setPerson] = useState('');
  const [note, setNote] = useState('');
  const [substitute, setSubstitute] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [announce, setAnnounce] = useState('');
  // Registering or removing a jäv empties the form or removes the row: focus goes back to the
  // person field (never to <body>), and a status line says what happened.
  const personRef = useRef<HTMLSelectElement>(null);
  if (view === null) return null;
  const doc = view.doc;
  const index = view.paragraphs.findIndex((p) => p.id === paragraphId);
  const p = doc.paragraphs[index];
  if (p === undefined) return null;
  const n = p.number;
  const name = (id: string) => doc.people.find((x) => x.key === id)?.name ?? id;
  const rows = doc.attendance.map(fromAttendance);
  const withoutJav = { ...doc, paragraphs: doc.paragraphs.map((x) => (x.number === n ? { ...x, jav: [] } : x)) };
  const servingWithout = servingOn(withoutJav, n).map((s) => s.person);
  const presentSubs = doc.attendance.filter((a) => a.capacity === 'present' && covers(a, n)).map((a) => a.person);
  const seatOf = (id: string) => doc.attendance.find((a) => a.person === id && a.capacity === 'substitute' && covers(a, n))?.replaces ?? id;
  const substituteFor = (id: string) => doc.attendance.find((a) => a.capacity === 'substitute' && a.fromParagraph === n && a.toParagraph === n && a.replaces === seatOf(id))?.person ?? null;
  const candidates = servingWithout.filter((id) => !p.jav.some((j) => j.person === id));
  const proposal = person === '' ? null : proposeJavSubstitute(doc.members, rows, person, n);
  const chosenSub = substitute ?? proposal ?? '';

  const save = (jav: { personId: string; note?: string; substituteId?: string | null }[]) => {
    setError(null);
    autosave.save({
      key: `jav:${paragraphId}`,
      method: 'workspace.paragraphs.setJav',
      input: { paragraphId, jav },
      onSaved: (r) => {
        store.setJournal(r.journal);
        void store.load(false);
      },
      onError: (e) => setError(e.message),
    });
  };
  const current = () => p.jav.map((j) => ({ personId: j.person, ...(j.note ? { note: j.note } : {}), substituteId: substituteFor(j.person) }));

  return (
    <div className="jav-editor">
      <h4>{t('paragraph.jav')}</h4>
      <p className="help">{t('jav.help')}</p>
      {p.jav.length === 0 ? (
        <p className="muted">{t('jav.none')}</p>
      ) : (
        <ul>
          {p.jav.map((j) => {
            const sub = substituteFor(j.person);
            const options = [...new Set([...presentSubs, ...(sub ? [sub] : [])])];
            return (
              <li key={j.person} className="jav-row">
                <span>
                  <strong>{name(j.person)}</strong>
                  {j.note ? ` – ${j.note}` : ''}
                </span>
                <SelectField
                  label={t('jav.substituteFor', { name: name(j.person) })}
                  value={sub ?? ''}
                  onChange={(e) => save(current().map((c) => (c.personId === j.person ? { ...c, substituteId: e.target.value === '' ? null : e.target.value } : c)))}
                >
                  <option value="">{t('jav.noSubstitute')}</option>
                  {options.map((id) => (
                    <option key={id} value={id}>
                      {name(id)}
                    </option>
                  ))}
                </SelectField>
                <button
                  type="button"
                  className="secondary small"
                  aria-label={t('jav.remove', { name: name(j.person) })}
                  onClick={() => {
                    save(current().filter((c) => c.personId !== j.person));
                    setAnnounce(t('jav.removed', { name: name(j.person), n }));
                    personRef.current?.focus();
                  }}
                >
                  {t('common.remove')}
                </button>
              </li>
            );
          })}
        </ul>
      )}
      <div className="subform jav-add" role="group" aria-labelledby={`jav-add-${paragraphId}`}>
        <h5 id={`jav-add-${paragraphId}`}>{t('jav.add.heading')}</h5>
        <div className="grid-3">
          <SelectField
            ref={personRef}
            label={t('jav.person')}
            value={person}
            onChange={(e) => {
              setPerson(e.target.value);
              setSubstitute(null);
            }}
          >
            <option value="">{t('common.choose')}</option>
            {candidates.map((id) => (
              <option key={id} value={id}>
                {name(id)}
              </option>
            ))}
          </SelectField>
          <TextField label={t('jav.note')} help={t('jav.note.help')} value={note} onChange={(e) => setNote(e.target.value)} />
          <SelectField
            label={t('jav.substitute')}
            help={proposal ? t('jav.proposal', { name: name(proposal) }) : person !== '' ? t('jav.noProposal') : undefined}
            value={chosenSub}
            onChange={(e) => setSubstitute(e.target.value)}
            disabled={person === ''}
          >
            <option value="">{t('jav.noSubstitute')}</option>
            {presentSubs.map((id) => (
              <option key={id} value={id}>
                {name(id)}
              </option>
            ))}
          </SelectField>
        </div>
        <button
          type="button"
          disabled={person === ''}
          onClick={() => {
            save([...current(), { personId: person, ...(note.trim() ? { note: note.trim() } : {}), substituteId: chosenSub === '' ? null : chosenSub }]);
            setAnnounce(chosenSub === '' ? t('jav.added', { name: name(person), n }) : t('jav.addedWithSubstitute', { name: name(person), n, sub: name(chosenSub) }));
            setPerson('');
            setNote('');
            setSubstitute(null);
            personRef.current?.focus();
          }}
        >
          {t('jav.add.submit')}
        </button>
      </div>
      <EditFeedback announce={announce} error={error} />
    </div>
  );
}
