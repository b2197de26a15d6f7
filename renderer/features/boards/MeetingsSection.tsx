// The board's meetings by year, and a new meeting: date, time, place, secretary, chair and the
// first § number, proposed from the numbers the board has used that year.
import { useEffect, useState } from 'react';
import { api } from '../../api/transport';
import { useQuery } from '../../api/useQuery';
import { SelectField, TextField } from '../../components/fields';
import { dateError, dateProps, timeError, timeProps } from '../../components/datetime';
import { formatLongDate, t, type MessageKey } from '../../i18n';
import { boardDocumentsHref, meetingHref, navigate } from '../../router';
import { paragraphSpan } from './span';
import { isValidIsoDate, stockholmYear } from '../../../core/domain/calendar';
import { isLockedState } from '../../../core/domain/protocol-state';
import type { BoardDetails } from '../../../core/app/workspace/types';
import { errorMessage } from '../../api/errors';

export function MeetingsSection({ details }: { details: BoardDetails }) {
  const thisYear = stockholmYear(new Date());
  const years = [...new Set([...details.meetingYears, thisYear])].sort((a, b) => b - a);
  const [year, setYear] = useState(details.meetingYears[0] ?? thisYear);
  const q = useQuery(() => api.call('meetings.list', { boardId: details.board.id, year }), [details.board.id, year]);
  return (
    <section className="card" aria-labelledby="meetings-heading">
      <h2 id="meetings-heading">{t('boards.meetings')}</h2>
      <SelectField label={t('meetings.year')} value={String(year)} onChange={(e) => setYear(Number(e.target.value))} className="inline">
        {years.map((y) => (
          <option key={y} value={y}>
            {y}
          </option>
        ))}
      </SelectField>
      <p>
        <a href={boardDocumentsHref(details.board.id, year)}>{t('documents.yearLink', { year })}</a>
      </p>
      {q.status === 'ready' &&
        (q.data.length === 0 ? (
          <p className="muted">{t('meetings.noneThisYear', { year })}</p>
        ) : (
          <ul className="meeting-list">
            {q.data.map((m) => (
              <li key={m.id}>
                <a href={meetingHref(m.id)}>
                  <span className="meeting-date">{formatLongDate(m.date)}</span>
                  <span className="meeting-meta">
                    {m.startTime}
                    {m.endTime ? `–${m.endTime}` : ''} · {m.place} · {/* The derived state, with the same words and badge as the meeting's header. */}
                    <span className={isLockedState(m.state) ? 'badge warn' : undefined}>{t(`meeting.state.${m.state}` as MessageKey)}</span>
                    {m.firstParagraph !== null ? ` · ${paragraphSpan(m.firstParagraph, m.lastParagraph)}` : ''}
                  </span>
                </a>
              </li>
            ))}
          </ul>
        ))}
      {details.members.some((m) => m.retiredOn === null) ? <NewMeeting details={details} /> : <p className="help">{t('meeting.new.needMembers')}</p>}
    </section>
  );
}

function NewMeeting({ details }: { details: BoardDetails }) {
  const active = details.members.filter((m) => m.retiredOn === null);
  const chairDefault = active.find((m) => m.role === 'ordforande')?.personId ?? '';
  const people = [
    ...details.officials.map((o) => ({ id: o.personId, name: o.name, note: o.title ?? t('official.short') })),
    ...active.filter((m) => !details.officials.some((o) => o.personId === m.personId)).map((m) => ({ id: m.personId, name: m.name, note: t(`role.${m.role}` as MessageKey) })),
  ];
  const [date, setDate] = useState('');
  const [startTime, setStartTime] = useState('');
  const [endTime, setEndTime] = useState('');
  const [place, setPlace] = useState('');
  const [secretaryId, setSecretaryId] = useState('');
  const [chosenChair, setChairId] = useState('');
  const chairId = chosenChair || chairDefault;
  const [firstNumber, setFirstNumber] = useState('');
  const [proposal, setProposal] = useState<{ next: number; used: string } | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    if (!isValidIsoDate(date)) return;
    let live = true;
    api.call('workspace.meetings.proposeNumber', { boardId: details.board.id, date }).then(
      (p) => {
        if (!live) return;
        setProposal(p);
        setFirstNumber(String(p.next));
      },
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [date, details.board.id]);

  return (
    <form
      noValidate
      className="subform"
      aria-labelledby="new-meeting-heading"
      onSubmit={async (e) => {
        e.preventDefault();
        setError(null);
        if (!/^\d{1,4}$/.test(firstNumber.trim()) && firstNumber.trim() !== '') return setError(t('meeting.new.firstNumber.invalid'));
        const problem = dateError(date) ?? timeError(startTime) ?? timeError(endTime, false);
        if (problem !== null) return setError(problem);
        if (secretaryId === '' || chairId === '') return setError(t('meeting.new.people.missing'));
        try {
          const r = await api.call('workspace.meetings.create', {
            boardId: details.board.id,
            date,
            startTime,
            endTime,
            place,
            secretaryId,
            chairId,
            ...(firstNumber.trim() === '' ? {} : { firstNumber: Number(firstNumber) }),
          });
          navigate(meetingHref(r.meetingId));
        } catch (err) {
          setError(errorMessage(err));
        }
      }}
    >
      <h3 id="new-meeting-heading">{t('meeting.new.heading')}</h3>
      <div className="grid-4">
        <TextField label={t('meeting.date')} help={t('date.help')} {...dateProps} value={date} onChange={(e) => setDate(e.target.value)} required />
        <TextField label={t('meeting.startTime')} help={t('time.help')} {...timeProps} value={startTime} onChange={(e) => setStartTime(e.target.value)} required />
        <TextField label={t('meeting.endTime')} help={t('time.help')} {...timeProps} value={endTime} onChange={(e) => setEndTime(e.target.value)} />
        <TextField label={t('meeting.place')} help={t('meeting.place.help')} value={place} onChange={(e) => setPlace(e.target.value)} required />
        <SelectField label={t('meeting.secretary')} value={secretaryId} onChange={(e) => setSecretaryId(e.target.value)} required>
          <option value="">{t('common.choose')}</option>
          {people.map((p) => (
            <option key={p.id} value={p.id}>
              {p.name} ({p.note})
            </option>
          ))}
        </SelectField>
        <SelectField label={t('meeting.chair')} value={chairId} onChange={(e) => setChairId(e.target.value)} required>
          <option value="">{t('common.choose')}</option>
          {active
            .filter((m) => m.role !== 'ersattare')
            .map((m) => (
              <option key={m.personId} value={m.personId}>
                {m.name} ({t(`role.${m.role}` as MessageKey)})
              </option>
            ))}
        </SelectField>
        <TextField
          label={t('meeting.firstNumber')}
          help={
            proposal === null
              ? t('meeting.firstNumber.help')
              : proposal.used === ''
                ? t('meeting.firstNumber.proposalNone', { next: proposal.next })
                : t('meeting.firstNumber.proposal', { next: proposal.next, used: proposal.used })
          }
          value={firstNumber}
          onChange={(e) => setFirstNumber(e.target.value)}
          inputMode="numeric"
        />
      </div>
      <button type="submit">{t('meeting.new.submit')}</button>
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
    </form>
  );
}
