// The clerk's screens' own pieces: a date with its weekday, and the meeting chooser. The loading,
// error and action states are shared by every screen (renderer/components/async.tsx).
import { weekdayName } from '../../../core/domain/calendar';
import { api } from '../../api/transport';
import { useQuery } from '../../api/useQuery';

/** "2020-11-06 (fredag)", the weekday muted, the date machine-readable. */
export function Day({ iso }: { iso: string }) {
  return (
    <>
      <time dateTime={iso}>{iso}</time> <span className="muted">({weekdayName(iso)})</span>
    </>
  );
}

/** A labelled choice among all meetings ("Norrbottens e-nämnd 2020-11-05"); '' is none chosen. */
export function MeetingSelect({ id, label, none, value, onChange }: { id: string; label: string; none: string; value: string; onChange: (meetingId: string) => void }) {
  const meetings = useQuery(() => api.call('meetings.list', {}), []);
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select id={id} value={value} onChange={(e) => onChange(e.target.value)}>
        <option value="">{none}</option>
        {meetings.status === 'ready' &&
          meetings.data.map((m) => (
            <option key={m.id} value={m.id}>
              {m.boardName} {m.date}
            </option>
          ))}
      </select>
    </div>
  );
}
