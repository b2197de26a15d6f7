// The agenda (föredragningslista): add items, reorder them with the buttons (keyboard) or by
// dragging, remove them. § numbers follow the order without holes.
import { useRef, useState, type DragEvent } from 'react';
import { api } from '../../api/transport';
import { autosave } from '../../api/autosave';
import { SelectField, TextField } from '../../components/fields';
import { t } from '../../i18n';
import { meetingHref } from '../../router';
import { useMeetingSnapshot, type MeetingStore } from './store';
import { errorMessage } from '../../api/errors';
import { EditFeedback } from '../../components/Status';

export function AgendaEditor({ store }: { store: MeetingStore }) {
  const snap = useMeetingSnapshot(store);
  const [title, setTitle] = useState('');
  const [caseNumber, setCaseNumber] = useState('');
  const [position, setPosition] = useState('end');
  const [error, setError] = useState<string | null>(null);
  const [announce, setAnnounce] = useState('');
  const [confirming, setConfirming] = useState<string | null>(null);
  const [dragging, setDragging] = useState<string | null>(null);
  const [dropIndex, setDropIndex] = useState<number | null>(null);
  const listRef = useRef<HTMLOListElement>(null);
  const titleRef = useRef<HTMLInputElement>(null);
  const view = snap.view;
  if (view === null) return null;
  const items = view.paragraphs.map((p, i) => ({ ...p, paragraph: view.doc.paragraphs[i] }));

  const focusItem = (id: string, button: string) => {
    requestAnimationFrame(() => listRef.current?.querySelector<HTMLElement>(`[data-id="${id}"] [data-action="${button}"]`)?.focus());
  };

  async function act(fn: () => Promise<string>, focus?: { id: string; button: string }) {
    setError(null);
    await autosave.flush();
    try {
      const message = await fn();
      await store.load(false);
      setAnnounce(message);
      if (focus) focusItem(focus.id, focus.button);
    } catch (e) {
      setError(errorMessage(e));
    }
  }

  const move = (id: string, toIndex: number, button: string) =>
    act(
      async () => {
        const r = await api.call('workspace.agenda.move', { meetingId: view.meetingId, paragraphId: id, toIndex });
        store.setJournal(r.journal);
        const p = items.find((x) => x.id === id);
        return t('agenda.moved', { title: p?.paragraph?.title ?? '', number: r.number });
      },
      { id, button },
    );

  const onDrop = (e: DragEvent, index: number) => {
    e.preventDefault();
    const id = e.dataTransfer.getData('text/plain') || dragging;
    setDragging(null);
    setDropIndex(null);
    if (!id) return;
    const from = items.findIndex((x) => x.id === id);
    const to = from < index ? index - 1 : index;
    if (from >= 0 && to !== from) void move(id, to, 'up');
  };

  return (
    <section className="card" aria-labelledby="agenda-heading">
      <h2 id="agenda-heading">{t('agenda.heading')}</h2>
      <p className="help" id="agenda-help">
        {t('agenda.help')}
      </p>
      {items.length === 0 ? (
        <p className="muted">{t('agenda.empty', { first: view.firstNumber })}</p>
      ) : (
        <ol className="agenda" ref={listRef} aria-describedby="agenda-help" onDragOver={(e) => e.preventDefault()}>
          {items.map((p, i) => {
            const locked = p.groupStatus === 'frozen' || p.groupStatus === 'adjusted';
            const label = `§ ${p.number} ${p.paragraph?.title ?? ''}`;
            return (
              <li
                key={p.id}
                data-id={p.id}
                draggable={!locked}
                className={`${dragging === p.id ? 'dragging' : ''} ${dropIndex === i ? 'drop-before' : ''}`}
                onDragStart={(e) => {
                  e.dataTransfer.setData('text/plain', p.id);
                  e.dataTransfer.effectAllowed = 'move';
                  setDragging(p.id);
                }}
                onDragEnd={() => {
                  setDragging(null);
                  setDropIndex(null);
                }}
                onDragOver={(e) => {
                  e.preventDefault();
                  const rect = e.currentTarget.getBoundingClientRect();
                  setDropIndex(e.clientY > rect.top + rect.height / 2 ? i + 1 : i);
                }}
                onDrop={(e) => onDrop(e, dropIndex ?? i)}
              >
                <span className="drag-handle" aria-hidden="true">
                  ⠿
                </span>
                <a href={meetingHref(view.meetingId, p.number)}>
                  <span className="para-number">§ {p.number}</span> {p.paragraph?.title}
                </a>
                {p.paragraph?.caseNumber && <span className="muted"> · {p.paragraph.caseNumber}</span>}
                {p.paragraph?.immediatelyAdjusted && <span className="badge">{t('paragraph.immediatelyAdjusted')}</span>}
                {locked && <span className="badge warn">{t('paragraph.locked')}</span>}
                <span className="row-actions">
                  <button type="button" className="secondary small" data-action="up" disabled={i === 0 || locked} aria-label={t('agenda.up', { label })} onClick={() => void move(p.id, i - 1, 'up')}>
                    ↑ <span className="visually-hidden">{t('agenda.upShort')}</span>
                  </button>
                  <button
                    type="button"
                    className="secondary small"
                    data-action="down"
                    disabled={i === items.length - 1 || locked}
                    aria-label={t('agenda.down', { label })}
                    onClick={() => void move(p.id, i + 1, 'down')}
                  >
                    ↓ <span className="visually-hidden">{t('agenda.downShort')}</span>
                  </button>
                  {confirming === p.id ? (
                    <span className="confirm" role="group" aria-label={t('agenda.confirmRemove', { label })}>
                      <span>{t('agenda.confirmRemove', { label })}</span>
                      <button
                        type="button"
                        className="danger small"
                        autoFocus
                        onClick={() =>
                          void act(async () => {
                            setConfirming(null);
                            const r = await api.call('workspace.agenda.remove', { meetingId: view.meetingId, paragraphId: p.id });
                            store.setJournal(r.journal);
                            titleRef.current?.focus();
                            return t('agenda.removed', { label });
                          })
                        }
                      >
                        {t('agenda.removeYes')}
                      </button>
                      <button
                        type="button"
                        className="secondary small"
                        onClick={() => {
                          setConfirming(null);
                          focusItem(p.id, 'remove');
                        }}
                      >
                        {t('common.cancel')}
                      </button>
                    </span>
                  ) : (
                    <button type="button" className="secondary small" data-action="remove" disabled={locked} aria-label={t('agenda.remove', { label })} onClick={() => setConfirming(p.id)}>
                      {t('common.remove')}
                    </button>
                  )}
                </span>
              </li>
            );
          })}
          <li
            className={`drop-end ${dropIndex === items.length ? 'drop-before' : ''}`}
            aria-hidden="true"
            onDragOver={(e) => {
              e.preventDefault();
              setDropIndex(items.length);
            }}
            onDrop={(e) => onDrop(e, items.length)}
          />
        </ol>
      )}
      <EditFeedback announce={announce} error={error} />
      <form
        noValidate
        className="subform"
        aria-labelledby="agenda-add-heading"
        onSubmit={(e) => {
          e.preventDefault();
          const index = position === 'end' ? undefined : Number(position);
          void act(async () => {
            const r = await api.call('workspace.agenda.add', { meetingId: view.meetingId, title, caseNumber, ...(index === undefined ? {} : { index }) });
            store.setJournal(r.journal);
            setTitle('');
            setCaseNumber('');
            titleRef.current?.focus();
            return t('agenda.added', { number: r.number, title });
          });
        }}
      >
        <h3 id="agenda-add-heading">{t('agenda.add.heading')}</h3>
        <div className="grid-3">
          <TextField label={t('agenda.add.title')} value={title} onChange={(e) => setTitle(e.target.value)} ref={titleRef} required />
          <TextField label={t('paragraph.caseNumberLabel')} help={t('paragraph.caseNumber.help')} value={caseNumber} onChange={(e) => setCaseNumber(e.target.value)} />
          <SelectField label={t('agenda.add.position')} value={position} onChange={(e) => setPosition(e.target.value)}>
            <option value="end">{t('agenda.add.last')}</option>
            {items.map((p, i) => (
              <option key={p.id} value={i}>
                {t('agenda.add.before', { number: p.number, title: p.paragraph?.title ?? '' })}
              </option>
            ))}
          </SelectField>
        </div>
        <button type="submit">{t('agenda.add.submit')}</button>
      </form>
    </section>
  );
}
