// A group's "Tid och plats för justering" (issues 14 and 15): what its protocol prints, and for an
// open ordinary group a form for its own day, time and place (workspace.groups.setTimePlace). An
// immediate group is adjusted at the meeting and says so; a locked group shows its value only.
import { useState, type FormEvent, type ReactNode } from 'react';
import { api } from '../../api/transport';
import type { GroupJustering } from '../../../core/app/justering/types';
import { ActionResult, useAction } from '../../components/async';
import { TextField } from '../../components/fields';
import { justeringStrings as s } from './strings';

interface Props {
  meetingId: string;
  group: GroupJustering;
  /** The last day for justering, for the date field's help. */
  deadline: string | null;
  /** Shows what was saved on the page (focused) and reloads its data. */
  announce: (node: ReactNode) => void;
}

export function GroupTimePlace({ meetingId, group, deadline, announce }: Props) {
  const headingId = `tidplats-${group.groupId}`;
  const [date, setDate] = useState(group.timePlace?.date ?? '');
  const [time, setTime] = useState(group.timePlace?.time ?? '');
  const [place, setPlace] = useState(group.timePlace?.place ?? '');
  const save = useAction();
  const editable = group.status === 'open' && !group.immediate;

  async function submit(e: FormEvent) {
    e.preventDefault();
    await save.run(async () => {
      const timePlace = { date, place, ...(time === '' ? {} : { time }) };
      await api.call('workspace.groups.setTimePlace', { meetingId, groupId: group.groupId, timePlace });
      announce(<p>{s.timePlace.saved(group.label)}</p>);
      return null;
    });
  }

  async function clear() {
    await save.run(async () => {
      await api.call('workspace.groups.setTimePlace', { meetingId, groupId: group.groupId, timePlace: null });
      setDate('');
      setTime('');
      setPlace('');
      announce(<p>{s.timePlace.cleared(group.label)}</p>);
      return null;
    });
  }

  return (
    <div className="subform group-time-place" role="group" aria-labelledby={headingId}>
      <h3 id={headingId}>{s.timePlace.heading}</h3>
      {group.immediate ? (
        <p>{s.timePlace.immediate}</p>
      ) : (
        <>
          <p>
            <strong>{s.timePlace.printed}:</strong> {group.timePlaceLines.join(', ')}
          </p>
          {group.timePlace === null && <p className="help">{s.timePlace.meetingDefault}</p>}
          {!editable && <p className="help">{s.timePlace.locked}</p>}
        </>
      )}
      {editable && (
        <form onSubmit={(e) => void submit(e)}>
          <TextField label={s.timePlace.date} type="date" required value={date} onChange={(e) => setDate(e.target.value)} {...(deadline === null ? {} : { help: s.timePlace.deadline(deadline) })} />
          <TextField label={s.timePlace.time} type="time" value={time} onChange={(e) => setTime(e.target.value)} />
          <TextField label={s.timePlace.place} help={s.timePlace.placeHelp} required value={place} onChange={(e) => setPlace(e.target.value)} />
          <div className="actions">
            <button type="submit" disabled={save.busy} aria-label={s.timePlace.saveFor(group.label)}>
              {s.timePlace.save}
            </button>
            {group.timePlace !== null && (
              <button type="button" className="secondary" disabled={save.busy} onClick={() => void clear()}>
                {s.timePlace.clear}
              </button>
            )}
          </div>
        </form>
      )}
      <ActionResult error={save.error} done={save.done} />
    </div>
  );
}
