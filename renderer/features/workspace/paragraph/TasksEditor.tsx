// Follow-up tasks (uppdrag) a decision gives: what, who is responsible, by when. The whole list is
// saved through workspace.paragraphs.update once every row has what and responsible; the API's
// Swedish message is shown at the field its path names, or at the field edited last.
import { useState } from 'react';
import { autosave } from '../../../api/autosave';
import { TextField } from '../../../components/fields';
import { dateError, dateProps } from '../../../components/datetime';
import { t } from '../../../i18n';
import type { Task } from '../../../../core/format/meeting';
import type { ErrorBody } from '../../../../core/api/errors';
import type { MeetingStore } from '../store';
import { rowErrors, rowIssueAt, useRowFocus } from '../rows';
import { paragraphOp } from './ops';
import { EditFeedback } from '../../../components/Status';

type Field = 'what' | 'responsible' | 'due';
interface Draft {
  what: string;
  responsible: string;
  due: string;
}

/** The row and field an API issue path such as "patch.tasks[1].due" names. */
export const taskIssueAt = (path: string) => rowIssueAt('tasks', ['what', 'responsible', 'due'] as const, path);

function localError(r: Draft, f: Field): string | null {
  if (f === 'due') return dateError(r.due, false);
  return r[f].trim() === '' ? t(f === 'what' ? 'tasks.what.missing' : 'tasks.responsible.missing') : null;
}

export function TasksEditor({ store, paragraphId, initial }: { store: MeetingStore; paragraphId: string; initial: Task[] }) {
  const [rows, setRows] = useState<Draft[]>(() => initial.map((x) => ({ what: x.what, responsible: x.responsible, due: x.due ?? '' })));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const focus = useRowFocus();

  const save = (next: Draft[], edited: { i: number; field: Field } | null) => {
    // An incomplete row is not saved (nothing half-written); its fields say what is missing when left.
    if (next.some((r) => (['what', 'responsible', 'due'] as const).some((f) => localError(r, f) !== null))) return;
    const tasks = next.map((r) => ({ what: r.what.trim(), responsible: r.responsible.trim(), ...(r.due.trim() === '' ? {} : { due: r.due.trim() }) }));
    const op = paragraphOp(store, paragraphId, { tasks });
    const withErrors = {
      ...op,
      onSaved: (r: Parameters<NonNullable<typeof op.onSaved>>[0]) => {
        setErrors({});
        op.onSaved?.(r);
      },
      onError: (e: ErrorBody) => setErrors(rowErrors(e, taskIssueAt, edited === null ? '0.what' : `${edited.i}.${edited.field}`)),
    };
    autosave.change(withErrors.key, () => withErrors);
  };
  const change = (i: number, field: Field, value: string) => {
    const next = rows.map((r, j) => (j === i ? { ...r, [field]: value } : r));
    setRows(next);
    setErrors((old) => {
      const copy = { ...old };
      delete copy[`${i}.${field}`];
      return copy;
    });
    save(next, { i, field });
  };
  const check = (i: number, field: Field) => {
    const r = rows[i];
    if (r === undefined) return;
    const e = localError(r, field);
    setErrors((old) => {
      const copy = { ...old };
      if (e === null) delete copy[`${i}.${field}`];
      else copy[`${i}.${field}`] = e;
      return copy;
    });
  };
  const add = () => {
    const next = [...rows, { what: '', responsible: '', due: '' }];
    setRows(next);
    focus.added(next.length - 1, t('tasks.added', { n: next.length }));
  };
  const remove = (i: number) => {
    const next = rows.filter((_, j) => j !== i);
    setRows(next);
    setErrors({});
    save(next, null);
    focus.removed(t('tasks.removed', { n: i + 1 }));
  };

  return (
    <div className="tasks-editor">
      <h4 id={`tasks-heading-${paragraphId}`} ref={focus.heading} tabIndex={-1}>
        {t('tasks.title')}
      </h4>
      <p className="help">{t('tasks.help')}</p>
      {rows.length === 0 && <p>{t('tasks.none')}</p>}
      {rows.map((r, i) => (
        <fieldset key={i} className="task-row">
          <legend>{t('tasks.legend', { n: i + 1 })}</legend>
          <div className="grid-3">
            <TextField
              ref={focus.firstField(i)}
              label={t('tasks.what')}
              value={r.what}
              error={errors[`${i}.what`]}
              onBlur={() => check(i, 'what')}
              onChange={(e) => change(i, 'what', e.target.value)}
            />
            <TextField
              label={t('tasks.responsible')}
              help={t('tasks.responsible.help')}
              value={r.responsible}
              error={errors[`${i}.responsible`]}
              onBlur={() => check(i, 'responsible')}
              onChange={(e) => change(i, 'responsible', e.target.value)}
            />
            <TextField
              label={t('tasks.due')}
              help={t('date.help')}
              {...dateProps}
              value={r.due}
              error={errors[`${i}.due`]}
              onBlur={() => check(i, 'due')}
              onChange={(e) => change(i, 'due', e.target.value)}
            />
          </div>
          <button type="button" className="secondary small" aria-label={t('tasks.removeN', { n: i + 1 })} onClick={() => remove(i)}>
            {t('tasks.remove')}
          </button>
        </fieldset>
      ))}
      <p>
        <button type="button" className="secondary" onClick={add}>
          {t('tasks.add')}
        </button>
      </p>
      <EditFeedback announce={focus.announce} />
    </div>
  );
}
