// Yrkanden, reservationer and protokollsanteckningar: a person and a text per row.
import { memo, useRef, useState } from 'react';
import { autosave, observe } from '../../../api/autosave';
import { t, type MessageKey } from '../../../i18n';
import type { MeetingStore } from '../store';
import { paragraphOp } from './ops';

type Kind = 'motions' | 'reservations' | 'protocolNotes';

interface Row {
  uid: number;
  person: string;
  text: string;
}

const texts: Record<Kind, { person: MessageKey; text: MessageKey; add: MessageKey; item: MessageKey; empty: MessageKey; help: MessageKey }> = {
  motions: { person: 'motion.by', text: 'motion.text', add: 'motion.add', item: 'motion.item', empty: 'motion.empty', help: 'motion.help' },
  reservations: { person: 'reservation.person', text: 'reservation.reason', add: 'reservation.add', item: 'reservation.item', empty: 'reservation.empty', help: 'reservation.help' },
  protocolNotes: { person: 'note.by', text: 'note.text', add: 'note.add', item: 'note.item', empty: 'note.empty', help: 'note.help' },
};

let n = 0;

export const PeopleList = memo(function PeopleList({
  store,
  paragraphId,
  kind,
  initial,
  people,
}: {
  store: MeetingStore;
  paragraphId: string;
  kind: Kind;
  initial: Row[];
  /** Who may be chosen: [id, name]. */
  people: [string, string][];
}) {
  const [rows, setRowsState] = useState<Row[]>(initial);
  const [error, setError] = useState<string | null>(null);
  const latest = useRef(rows);
  const key = `p:${paragraphId}:${kind}`;
  const x = texts[kind];

  const produce = () => {
    const list = latest.current.filter((r) => r.person !== '' || kind === 'protocolNotes');
    const patch =
      kind === 'motions'
        ? { motions: list.filter((r) => r.person !== '').map((r) => ({ by: r.person, text: r.text })) }
        : kind === 'reservations'
          ? { reservations: list.filter((r) => r.person !== '').map((r) => ({ person: r.person, ...(r.text.trim() === '' ? {} : { reason: r.text }) })) }
          : { protocolNotes: list.map((r) => ({ ...(r.person === '' ? {} : { by: r.person }), text: r.text })) };
    return observe(
      paragraphOp(store, paragraphId, patch),
      () => setError(null),
      (e) => setError(e.message),
    );
  };
  const setRows = (next: Row[], immediate: boolean) => {
    latest.current = next;
    setRowsState(next);
    autosave.change(key, produce, immediate ? 0 : undefined);
  };

  return (
    <div className="people-list">
      <p className="help">{t(x.help)}</p>
      {rows.length === 0 && <p className="muted">{t(x.empty)}</p>}
      <ol>
        {rows.map((r, i) => (
          <li key={r.uid} className="people-row">
            <div className="field">
              <label htmlFor={`${key}-${r.uid}-p`}>
                {t(x.person)} ({t(x.item, { n: i + 1 })})
              </label>
              <select
                id={`${key}-${r.uid}-p`}
                value={r.person}
                onChange={(e) =>
                  setRows(
                    rows.map((y) => (y.uid === r.uid ? { ...y, person: e.target.value } : y)),
                    true,
                  )
                }
              >
                <option value="">{kind === 'protocolNotes' ? t('note.byNobody') : t('common.choose')}</option>
                {[
                  ...people,
                  ...(r.person !== '' && !people.some(([id]) => id === r.person)
                    ? [[r.person, store.snapshot.view?.doc.people.find((p) => p.key === r.person)?.name ?? r.person] as [string, string]]
                    : []),
                ].map(([id, name]) => (
                  <option key={id} value={id}>
                    {name}
                  </option>
                ))}
              </select>
            </div>
            <div className="field grow">
              <label htmlFor={`${key}-${r.uid}-t`}>
                {t(x.text)} ({t(x.item, { n: i + 1 })})
              </label>
              <textarea
                id={`${key}-${r.uid}-t`}
                rows={2}
                value={r.text}
                onChange={(e) =>
                  setRows(
                    rows.map((y) => (y.uid === r.uid ? { ...y, text: e.target.value } : y)),
                    false,
                  )
                }
                onBlur={() => autosave.flushKey(key)}
              />
            </div>
            <button
              type="button"
              className="secondary small"
              aria-label={t('common.removeItem', { item: t(x.item, { n: i + 1 }) })}
              onClick={() =>
                setRows(
                  rows.filter((y) => y.uid !== r.uid),
                  true,
                )
              }
            >
              {t('common.remove')}
            </button>
          </li>
        ))}
      </ol>
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
      <button type="button" className="secondary" onClick={() => setRows([...rows, { uid: ++n, person: '', text: '' }], false)}>
        {t(x.add)}
      </button>
    </div>
  );
});

export function rowsOf(items: { person?: string; by?: string; text?: string; reason?: string }[]): Row[] {
  return items.map((i) => ({ uid: ++n, person: i.person ?? i.by ?? '', text: i.text ?? i.reason ?? '' }));
}
