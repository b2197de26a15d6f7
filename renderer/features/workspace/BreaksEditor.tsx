// Breaks (ajournering) on the meeting page: start and end clock times, the § and whether the break
// falls during or after its handling. The whole list is saved through workspace.meetings.update
// once every row is complete; the API's Swedish message (e.g. a break outside the meeting's time)
// is shown at the field it names, or at the field edited last.
import { useState } from 'react';
import { autosave } from '../../api/autosave';
import { SelectField, TextField } from '../../components/fields';
import { timeError, timeProps } from '../../components/datetime';
import { t } from '../../i18n';
import type { Break } from '../../../core/format/meeting';
import type { ErrorBody } from '../../../core/api/errors';
import { meetingOp } from './MeetingOverview';
import { rowErrors, rowIssueAt, useRowFocus } from './rows';
import { useMeetingSnapshot, type MeetingStore } from './store';
import { EditFeedback } from '../../components/Status';

type Field = 'start' | 'end' | 'paragraph' | 'when';
interface Draft {
  start: string;
  end: string;
  paragraph: number;
  when: 'during' | 'after';
}

/** The row and field an API issue path such as "patch.breaks[1].end" or "meeting.breaks.1.end" names. */
export const breakIssueAt = (path: string) => rowIssueAt('breaks', ['start', 'end', 'paragraph', 'when'] as const, path);

export function BreaksEditor({ store }: { store: MeetingStore }) {
  const view = useMeetingSnapshot(store).view;
  const [rows, setRows] = useState<Draft[]>(() => (view?.doc.meeting.breaks ?? []).map((b) => ({ ...b })));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const focus = useRowFocus();
  if (view === null) return null;
  const numbers = view.doc.paragraphs.map((p) => p.number);
  const locked = view.locked;

  const save = (next: Draft[], edited: { i: number; field: Field } | null, debounce: boolean) => {
    const local: Record<string, string> = {};
    next.forEach((r, i) => {
      for (const f of ['start', 'end'] as const) {
        const e = timeError(r[f]);
        // The field being typed in is checked when it is left (onBlur), not at every keystroke.
        if (e !== null && !(edited?.i === i && edited.field === f && debounce) && errors[`${i}.${f}`] !== undefined) local[`${i}.${f}`] = e;
      }
    });
    // An incomplete row is not saved: nothing half-written. Its missing times are said at the fields.
    const incomplete = next.some((r) => timeError(r.start) !== null || timeError(r.end) !== null);
    setErrors(local);
    if (incomplete) return;
    const breaks: Break[] = next.map((r) => ({ start: r.start.trim(), end: r.end.trim(), paragraph: r.paragraph, when: r.when }));
    const op = meetingOp(store, { breaks });
    const withErrors = {
      ...op,
      key: `m:${store.meetingId}:breaks`,
      onSaved: (r: Parameters<NonNullable<typeof op.onSaved>>[0]) => {
        setErrors({});
        store.patchMeeting({ breaks });
        op.onSaved?.(r);
      },
      onError: (e: ErrorBody) => setErrors(rowErrors(e, breakIssueAt, edited === null ? '0.start' : `${edited.i}.${edited.field}`)),
    };
    if (debounce) autosave.change(withErrors.key, () => withErrors);
    else autosave.save(withErrors);
  };

  const change = (i: number, field: Field, value: string) => {
    const next = rows.map((r, j) => (j !== i ? r : field === 'paragraph' ? { ...r, paragraph: Number(value) } : field === 'when' ? { ...r, when: value as Draft['when'] } : { ...r, [field]: value }));
    setRows(next);
    save(next, { i, field }, field === 'start' || field === 'end');
  };
  const check = (i: number, field: 'start' | 'end') => {
    const r = rows[i];
    if (r === undefined) return;
    const e = timeError(r[field]);
    setErrors((old) => {
      const next = { ...old };
      if (e === null) delete next[`${i}.${field}`];
      else next[`${i}.${field}`] = e;
      return next;
    });
  };
  const add = () => {
    const next = [...rows, { start: '', end: '', paragraph: numbers[0] ?? 1, when: 'after' as const }];
    setRows(next);
    setErrors({});
    focus.added(next.length - 1, t('breaks.added', { n: next.length }));
  };
  const remove = (i: number) => {
    const next = rows.filter((_, j) => j !== i);
    setRows(next);
    save(next, null, false);
    focus.removed(t('breaks.removed', { n: i + 1 }));
  };

  return (
    <section className="card" aria-labelledby="breaks-heading">
      <h2 id="breaks-heading" ref={focus.heading} tabIndex={-1}>
        {t('breaks.title')}
      </h2>
      <p className="help">{t('breaks.help')}</p>
      {rows.length === 0 && <p>{t('breaks.none')}</p>}
      {rows.map((r, i) => (
        <fieldset key={i} className="break-row">
          <legend>{t('breaks.legend', { n: i + 1 })}</legend>
          <div className="grid-4">
            <TextField
              ref={focus.firstField(i)}
              label={t('breaks.start')}
              help={t('time.help')}
              {...timeProps}
              value={r.start}
              disabled={locked}
              error={errors[`${i}.start`]}
              onBlur={() => check(i, 'start')}
              onChange={(e) => change(i, 'start', e.target.value)}
            />
            <TextField
              label={t('breaks.end')}
              help={t('time.help')}
              {...timeProps}
              value={r.end}
              disabled={locked}
              error={errors[`${i}.end`]}
              onBlur={() => check(i, 'end')}
              onChange={(e) => change(i, 'end', e.target.value)}
            />
            <SelectField label={t('breaks.when')} value={r.when} disabled={locked} error={errors[`${i}.when`]} onChange={(e) => change(i, 'when', e.target.value)}>
              <option value="during">{t('breaks.when.during')}</option>
              <option value="after">{t('breaks.when.after')}</option>
            </SelectField>
            <SelectField label={t('breaks.paragraph')} value={String(r.paragraph)} disabled={locked} error={errors[`${i}.paragraph`]} onChange={(e) => change(i, 'paragraph', e.target.value)}>
              {[...new Set([...numbers, r.paragraph])].map((n) => (
                <option key={n} value={n}>
                  § {n}
                </option>
              ))}
            </SelectField>
          </div>
          <button type="button" className="secondary small" disabled={locked} aria-label={t('breaks.removeN', { n: i + 1 })} onClick={() => remove(i)}>
            {t('breaks.remove')}
          </button>
        </fieldset>
      ))}
      <p>
        <button type="button" className="secondary" disabled={locked || numbers.length === 0} onClick={add}>
          {t('breaks.add')}
        </button>
        {numbers.length === 0 && <span className="help small-block">{t('breaks.needParagraphs')}</span>}
      </p>
      <EditFeedback announce={focus.announce} />
    </section>
  );
}
