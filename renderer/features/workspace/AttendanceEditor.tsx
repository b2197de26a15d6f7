// Attendance: start from the board's roster, tick who is present, let the app propose which
// substitutes serve for absent members (in the substitutes' order; the secretary may choose
// otherwise), and record arrivals and departures as "from §"/"to §". Below, who serves on each
// § and whether the board has a quorum there.
import { useEffect, useRef, useState } from 'react';
import { autosave, type SaveOp } from '../../api/autosave';
import { t, type MessageKey } from '../../i18n';
import { meetingHref } from '../../router';
import { conflictedParagraphs, presenceProblems, proposeSubstitutes, quorum, servingOn } from '../../../core/domain/presence';
import type { Attendance, MemberRole } from '../../../core/format/meeting';
import type { AttendanceRow } from '../../../core/app/workspace/ports';
import { fromAttendance, toAttendance } from '../../../core/app/workspace/attendance';
import { useMeetingSnapshot, type MeetingStore } from './store';
import { addPeriod, endSubstituteAtArrival, lateArrivals, type LateArrival } from './attendance-periods';
import { departureOffers, type DepartureOffer } from '../../../core/domain/departure';
import { api } from '../../api/transport';
import { SelectField } from '../../components/fields';
import { errorMessage } from '../../api/errors';
import { EditFeedback } from '../../components/Status';

type Kind = 'member' | 'substitute' | 'official' | 'other';

interface Person {
  id: string;
  name: string;
  kind: Kind;
  role?: MemberRole;
  party?: string;
  represents?: string;
  order: number;
}

const capacityOrder: Record<AttendanceRow['capacity'], number> = { member: 0, substitute: 1, present: 2, official: 3, absent: 4 };

function encode(r: AttendanceRow): string {
  return r.capacity === 'substitute' ? `sub:${r.replacesPersonId ?? ''}` : r.capacity;
}

function decode(v: string): Pick<AttendanceRow, 'capacity' | 'replacesPersonId'> {
  if (v.startsWith('sub:')) return { capacity: 'substitute', replacesPersonId: v.slice(4) === '' ? null : v.slice(4) };
  return { capacity: v as AttendanceRow['capacity'], replacesPersonId: null };
}

export function AttendanceEditor({ store }: { store: MeetingStore }) {
  const snap = useMeetingSnapshot(store);
  const view = snap.view;
  const [rows, setRowsState] = useState<AttendanceRow[]>(() => (view?.doc.attendance ?? []).map(fromAttendance));
  const latest = useRef(rows);
  const [announce, setAnnounce] = useState('');
  const [error, setError] = useState<string | null>(null);
  // The clock-time field edited last: the API's refusal (e.g. a time outside the meeting) is shown there.
  const lastTime = useRef<{ i: number; field: 'fromTime' | 'toTime' } | null>(null);
  const [timeError, setTimeError] = useState<{ i: number; field: 'fromTime' | 'toTime'; message: string } | null>(null);
  // A button that disappears after it is pressed ("Börja med alla", "Använd förslaget") hands
  // focus to the section's heading instead of letting it fall to <body>.
  const heading = useRef<HTMLHeadingElement>(null);
  const [focusHeading, setFocusHeading] = useState(0);
  // After a departure: which of the offer's candidates the secretary picked (seat:from → person); the proposal otherwise.
  const [departurePick, setDeparturePick] = useState<Record<string, string>>({});
  useEffect(() => {
    if (focusHeading > 0) heading.current?.focus();
  }, [focusHeading]);
  if (view === null) return null;
  const doc = view.doc;
  const locked = view.locked;
  const name = (id: string) => doc.people.find((p) => p.key === id)?.name ?? id;
  const numbers = doc.paragraphs.map((p) => p.number);

  const people: Person[] = [];
  doc.members.forEach((m, i) => {
    if (people.some((p) => p.id === m.person)) return;
    people.push({
      id: m.person,
      name: name(m.person),
      kind: m.role === 'ersattare' ? 'substitute' : 'member',
      role: m.role,
      ...(m.party === undefined ? {} : { party: m.party }),
      ...(m.represents === undefined ? {} : { represents: m.represents }),
      order: m.role === 'ersattare' ? 1000 + (m.substituteOrder ?? 500) * 1000 + i : i,
    });
  });
  doc.officials.forEach((o, i) => {
    if (!people.some((p) => p.id === o.person)) people.push({ id: o.person, name: name(o.person), kind: 'official', ...(o.organisation ? { represents: o.organisation } : {}), order: 10_000_000 + i });
  });
  rows.forEach((r, i) => {
    if (!people.some((p) => p.id === r.personId)) people.push({ id: r.personId, name: name(r.personId), kind: 'other', order: 20_000_000 + i });
  });
  people.sort((a, b) => a.order - b.order);
  const orderOf = new Map(people.map((p, i) => [p.id, i]));
  const regular = people.filter((p) => p.kind === 'member');

  const sorted = (rs: AttendanceRow[]) =>
    [...rs].sort((a, b) => capacityOrder[a.capacity] - capacityOrder[b.capacity] || (orderOf.get(a.personId) ?? 0) - (orderOf.get(b.personId) ?? 0) || (a.fromParagraph ?? 0) - (b.fromParagraph ?? 0));

  const op = (): SaveOp<'workspace.attendance.set'> => ({
    key: `att:${view.meetingId}`,
    method: 'workspace.attendance.set',
    input: { meetingId: view.meetingId, rows: sorted(latest.current) },
    onSaved: (r) => {
      setError(null);
      setTimeError(null);
      store.setJournal(r.journal);
    },
    onError: (e) => {
      const at = lastTime.current;
      if (at === null) {
        setTimeError(null);
        setError(e.message);
      } else {
        setError(null);
        setTimeError({ ...at, message: e.message });
      }
    },
  });
  const setRows = (next: AttendanceRow[], debounce = false) => {
    latest.current = next;
    setRowsState(next);
    store.patchAttendance(sorted(next).map(toAttendance));
    if (debounce) autosave.change(`att:${view.meetingId}`, op);
    else autosave.save(op());
  };

  const defaultCapacity = (p: Person): AttendanceRow['capacity'] => (p.kind === 'member' ? 'member' : p.kind === 'official' ? 'official' : 'present');
  const present = new Set(rows.map((r) => r.personId));
  const docForPresence = { attendance: sorted(rows).map(toAttendance), paragraphs: doc.paragraphs };
  const proposals = [...proposeSubstitutes(doc.members, present)].filter(([member, sub]) => !rows.some((r) => r.personId === sub && r.capacity === 'substitute' && r.replacesPersonId === member));
  const problems = presenceProblems(docForPresence, name);
  const arrivals = lateArrivals(rows, numbers);
  const applyArrival = (offer: LateArrival) => {
    setRows(endSubstituteAtArrival(rows, offer));
    setAnnounce(t('attendance.arrival.applied', { sub: name(offer.substitute), last: offer.lastServed, member: name(offer.member), at: offer.at }));
    setFocusHeading((n) => n + 1);
  };

  // A seat left empty after a departure: the same rule (core/domain/departure.ts) the API applies and refuses anything else by.
  const departures = departureOffers({ attendance: sorted(rows).map(toAttendance), members: doc.members, paragraphs: doc.paragraphs });
  const pickOf = (o: DepartureOffer) => {
    const picked = departurePick[`${o.seat}:${o.from}`];
    return picked !== undefined && o.candidates.includes(picked) ? picked : o.substitute;
  };
  const applyDeparture = async (offer: DepartureOffer, substitute: string) => {
    try {
      await autosave.flush();
      const r = await api.call('workspace.attendance.serveAfterDeparture', { meetingId: view.meetingId, seat: offer.seat, from: offer.from, substituteId: substitute });
      latest.current = r.rows;
      setRowsState(r.rows);
      store.patchAttendance(sorted(r.rows).map(toAttendance));
      store.setJournal(r.journal);
      setError(null);
      const to =
        r.rows.find((x) => x.personId === substitute && x.capacity === 'substitute' && x.replacesPersonId === offer.seat && x.fromParagraph === offer.from)?.toParagraph ?? numbers[numbers.length - 1];
      setAnnounce(t('attendance.departure.applied', { sub: name(substitute), member: name(offer.seat), from: offer.from, to: to ?? offer.to }));
      setFocusHeading((n) => n + 1);
    } catch (e) {
      setError(errorMessage(e));
    }
  };

  const togglePresent = (p: Person, on: boolean) => {
    if (on) setRows([...rows, { personId: p.id, capacity: defaultCapacity(p), replacesPersonId: null, fromParagraph: null, toParagraph: null, note: null }]);
    else setRows(rows.filter((r) => r.personId !== p.id && r.replacesPersonId !== p.id));
  };
  // A reason for being called in out of order belongs to a serving substitute only.
  const update = (i: number, patch: Partial<AttendanceRow>, debounce = false) => {
    lastTime.current = null;
    doUpdate(i, patch, debounce);
  };
  const updateTime = (i: number, field: 'fromTime' | 'toTime', value: string) => {
    lastTime.current = { i, field };
    doUpdate(i, { [field]: value.trim() === '' ? null : value.trim() }, true);
  };
  const doUpdate = (i: number, patch: Partial<AttendanceRow>, debounce: boolean) =>
    setRows(
      rows.map((r, j) => {
        if (j !== i) return r;
        const next = { ...r, ...patch };
        return next.capacity === 'substitute' || next.orderReason === undefined || next.orderReason === null ? next : { ...next, orderReason: null };
      }),
      debounce,
    );

  const applyProposals = (list: [string, string][]) => {
    let next = [...rows];
    for (const [member, sub] of list) {
      const i = next.findIndex((r) => r.personId === sub && r.fromParagraph === null && r.toParagraph === null);
      const j = i >= 0 ? i : next.findIndex((r) => r.personId === sub);
      if (j >= 0) next = next.map((r, k) => (k === j ? { ...r, capacity: 'substitute', replacesPersonId: member } : r));
    }
    setRows(next);
    setAnnounce(list.map(([m, s]) => t('attendance.proposal.applied', { sub: name(s), member: name(m) })).join(' '));
    setFocusHeading((n) => n + 1);
  };

  const capacityOptions = (p: Person) => {
    const opts: { value: string; label: string }[] = [];
    if (p.kind === 'member' || p.kind === 'other') opts.push({ value: 'member', label: t('attendance.as.member') });
    if (p.kind === 'substitute' || p.kind === 'other') {
      for (const m of regular) opts.push({ value: `sub:${m.id}`, label: t('attendance.as.substituteFor', { name: m.name }) });
      opts.push({ value: 'sub:', label: t('attendance.as.substitute') });
    }
    opts.push({ value: 'present', label: p.kind === 'substitute' ? t('attendance.as.presentSubstitute') : t('attendance.as.present') });
    if (p.kind === 'official' || p.kind === 'other') opts.push({ value: 'official', label: t('attendance.as.official') });
    if (p.kind === 'member') opts.push({ value: 'absent', label: t('attendance.as.absent') });
    return opts;
  };

  const groups: { kind: Kind; heading: MessageKey }[] = [
    { kind: 'member', heading: 'attendance.group.members' },
    { kind: 'substitute', heading: 'attendance.group.substitutes' },
    { kind: 'official', heading: 'attendance.group.officials' },
    { kind: 'other', heading: 'attendance.group.others' },
  ];

  return (
    <>
      <section className="card" aria-labelledby="att-heading">
        <h2 id="att-heading" ref={heading} tabIndex={-1}>
          {t('attendance.title')}
        </h2>
        <p className="help">{t('attendance.help')}</p>
        {locked && <p className="warning">{t('attendance.locked')}</p>}
        {doc.members.length === 0 && <p className="warning">{t('attendance.noRoster', { date: doc.meeting.date })}</p>}
        {rows.length === 0 && doc.members.length > 0 && !locked && (
          <p>
            <button
              type="button"
              onClick={() => {
                setRows(people.filter((p) => p.kind === 'member').map((p) => ({ personId: p.id, capacity: 'member', replacesPersonId: null, fromParagraph: null, toParagraph: null, note: null })));
                setAnnounce(t('attendance.started'));
                setFocusHeading((n) => n + 1);
              }}
            >
              {t('attendance.startFromRoster')}
            </button>
          </p>
        )}
        {proposals.length > 0 && !locked && (
          <div className="proposal" role="region" aria-label={t('attendance.proposal.heading')}>
            <h3>{t('attendance.proposal.heading')}</h3>
            <ul>
              {proposals.map(([member, sub]) => (
                <li key={member}>{t('attendance.proposal.item', { sub: name(sub), member: name(member) })}</li>
              ))}
            </ul>
            <button type="button" onClick={() => applyProposals(proposals)}>
              {t('attendance.proposal.apply')}
            </button>
            <p className="help">{t('attendance.proposal.help')}</p>
          </div>
        )}
        {arrivals.length > 0 && !locked && (
          <div className="proposal" role="region" aria-label={t('attendance.arrival.heading')}>
            <h3>{t('attendance.arrival.heading')}</h3>
            <ul>
              {arrivals.map((o) => (
                <li key={`${o.member}:${o.substitute}`}>
                  {t('attendance.arrival.item', { member: name(o.member), at: o.at, sub: name(o.substitute) })}{' '}
                  <button type="button" className="secondary small" onClick={() => applyArrival(o)}>
                    {t('attendance.arrival.apply', { sub: name(o.substitute), last: o.lastServed })}
                  </button>
                </li>
              ))}
            </ul>
          </div>
        )}
        {departures.length > 0 && !locked && (
          <div className="proposal" role="region" aria-label={t('attendance.departure.heading')}>
            <h3>{t('attendance.departure.heading')}</h3>
            <ul>
              {departures.map((o) => {
                const pick = pickOf(o);
                return (
                  <li key={`${o.seat}:${o.from}`}>
                    <p>{t('attendance.departure.item', { leaver: name(o.leaver), last: o.lastServed, member: name(o.seat), from: o.from, sub: name(o.substitute) })}</p>
                    {o.candidates.length > 1 && (
                      <SelectField
                        label={t('attendance.departure.choose', { member: name(o.seat), from: o.from })}
                        value={pick}
                        onChange={(e) => setDeparturePick({ ...departurePick, [`${o.seat}:${o.from}`]: e.target.value })}
                      >
                        {o.candidates.map((c) => (
                          <option key={c} value={c}>
                            {c === o.substitute ? t('attendance.departure.proposed', { name: name(c) }) : name(c)}
                          </option>
                        ))}
                      </SelectField>
                    )}
                    <button type="button" className="secondary small" onClick={() => void applyDeparture(o, pick)}>
                      {t('attendance.departure.apply', { sub: name(pick), from: o.from })}
                    </button>
                  </li>
                );
              })}
            </ul>
          </div>
        )}
        {/* Each person is a row of the table; where the column is narrow (the preview open at
            1280–1400 px) the row's cells wrap under the name instead of scrolling sideways
            (app.css, .attendance-tables). A new control is one more <td> with a class and a
            .cell-label: it wraps with the others. */}
        <div className="attendance-tables">
          {groups.map((g) => {
            const inGroup = people.filter((p) => p.kind === g.kind);
            if (inGroup.length === 0) return null;
            return (
              <div className="table-scroll" key={g.kind}>
                <table className="data attendance-edit">
                  <caption>{t(g.heading)}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{t('member.name')}</th>
                      <th scope="col">{t('attendance.present')}</th>
                      <th scope="col">{t('attendance.as')}</th>
                      <th scope="col">{t('attendance.from')}</th>
                      <th scope="col">{t('attendance.to')}</th>
                      <th scope="col">{t('attendance.note')}</th>
                      <th scope="col">{t('common.actions')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {inGroup.flatMap((p) => {
                      const own = rows.map((r, i) => ({ r, i })).filter((x) => x.r.personId === p.id);
                      const who = `${p.name}${p.party ? ` (${p.party})` : ''}`;
                      const meta = [p.role && p.kind === 'member' && p.role !== 'ledamot' ? t(`role.${p.role}` as MessageKey) : null, p.represents].filter(Boolean).join(', ');
                      if (own.length === 0) {
                        return [
                          <tr key={p.id} className="absent">
                            <th scope="row" className="att-name">
                              {who}
                              {meta && <span className="muted small-block">{meta}</span>}
                            </th>
                            <td className="att-present">
                              <input type="checkbox" aria-label={t('attendance.presentFor', { name: p.name })} checked={false} disabled={locked} onChange={() => togglePresent(p, true)} />
                            </td>
                            <td colSpan={5} className="muted att-absent">
                              {t('attendance.absent')}
                            </td>
                          </tr>,
                        ];
                      }
                      return own.map(({ r, i }, k) => (
                        <tr key={k === 0 ? p.id : `${p.id}:${k}`} className={k === 0 ? undefined : 'att-period'}>
                          <th scope="row" className="att-name">
                            {k === 0 ? who : <span className="muted">{t('attendance.period', { n: k + 1 })}</span>}
                            {k === 0 && meta && <span className="muted small-block">{meta}</span>}
                          </th>
                          <td className="att-present">
                            {k === 0 && <input type="checkbox" aria-label={t('attendance.presentFor', { name: p.name })} checked disabled={locked} onChange={() => togglePresent(p, false)} />}
                          </td>
                          <td className="att-as">
                            <CellLabel text={t('attendance.as')} />
                            <select aria-label={t('attendance.asFor', { name: p.name })} value={encode(r)} disabled={locked} onChange={(e) => update(i, decode(e.target.value))}>
                              {capacityOptions(p).map((o) => (
                                <option key={o.value} value={o.value}>
                                  {o.label}
                                </option>
                              ))}
                            </select>
                          </td>
                          {(['from', 'to'] as const).map((end) => (
                            <BoundCell
                              key={end}
                              end={end}
                              row={r}
                              index={i}
                              name={p.name}
                              numbers={numbers}
                              locked={locked}
                              timeError={timeError !== null && timeError.i === i && timeError.field === BOUND[end].time ? timeError.message : null}
                              onParagraph={(n) => update(i, { [BOUND[end].paragraph]: n })}
                              onTime={(v) => updateTime(i, BOUND[end].time, v)}
                            />
                          ))}
                          <td className="att-note">
                            <CellLabel text={t('attendance.note')} />
                            <input
                              aria-label={t('attendance.noteFor', { name: p.name })}
                              value={r.note ?? ''}
                              disabled={locked}
                              onChange={(e) => update(i, { note: e.target.value === '' ? null : e.target.value }, true)}
                            />
                            {r.capacity === 'substitute' && (
                              <input
                                className="att-order-reason"
                                aria-label={t('attendance.orderReasonFor', { name: p.name })}
                                title={t('attendance.orderReason.help')}
                                placeholder={t('attendance.orderReason')}
                                value={r.orderReason ?? ''}
                                disabled={locked}
                                onChange={(e) => update(i, { orderReason: e.target.value === '' ? null : e.target.value }, true)}
                              />
                            )}
                          </td>
                          <td className="att-actions">
                            {k === 0 ? (
                              <button
                                type="button"
                                className="secondary small"
                                disabled={locked || numbers.length < 2}
                                aria-label={t('attendance.addPeriodFor', { name: p.name })}
                                onClick={() => setRows(addPeriod(rows, i, p.kind, numbers))}
                              >
                                {t('attendance.addPeriod')}
                              </button>
                            ) : (
                              <button
                                type="button"
                                className="secondary small"
                                disabled={locked}
                                aria-label={t('attendance.removePeriodFor', { name: p.name, n: k + 1 })}
                                onClick={() => setRows(rows.filter((_, j) => j !== i))}
                              >
                                {t('attendance.removePeriod')}
                              </button>
                            )}
                          </td>
                        </tr>
                      ));
                    })}
                  </tbody>
                </table>
              </div>
            );
          })}
        </div>
        <EditFeedback announce={announce} error={error} />
      </section>
      {problems.length > 0 && (
        <section className="card warn" aria-labelledby="att-problems">
          <h2 id="att-problems">{t('meeting.problems')}</h2>
          <ul>
            {problems.map((pr, i) => (
              <li key={i}>{pr.message}</li>
            ))}
          </ul>
        </section>
      )}
      <ServingPerParagraph store={store} attendance={sorted(rows).map(toAttendance)} conflicts={conflictedParagraphs(docForPresence)} />
    </>
  );
}

/** An optional clock time (TT:MM) for an attendance period, with the API's message at the field. */
/** What differs between the two ends of a period: its fields and its words. */
const BOUND = {
  from: {
    paragraph: 'fromParagraph',
    time: 'fromTime',
    label: 'attendance.from',
    forName: 'attendance.fromFor',
    open: 'attendance.fromStart',
    timeShort: 'attendance.fromTime',
    timeFor: 'attendance.fromTimeFor',
  },
  to: { paragraph: 'toParagraph', time: 'toTime', label: 'attendance.to', forName: 'attendance.toFor', open: 'attendance.toEnd', timeShort: 'attendance.toTime', timeFor: 'attendance.toTimeFor' },
} as const;

/** "Från" or "Till": the § a period starts or ends at (none: the meeting's start or end) and the clock time. */
function BoundCell({
  end,
  row,
  index,
  name,
  numbers,
  locked,
  timeError,
  onParagraph,
  onTime,
}: {
  end: keyof typeof BOUND;
  row: AttendanceRow;
  index: number;
  name: string;
  numbers: readonly number[];
  locked: boolean;
  timeError: string | null;
  onParagraph: (n: number | null) => void;
  onTime: (value: string) => void;
}) {
  const b = BOUND[end];
  return (
    <td className={`att-${end}`}>
      <CellLabel text={t(b.label)} />
      <select aria-label={t(b.forName, { name })} value={row[b.paragraph] ?? ''} disabled={locked} onChange={(e) => onParagraph(e.target.value === '' ? null : Number(e.target.value))}>
        <option value="">{t(b.open)}</option>
        {numbers.map((n) => (
          <option key={n} value={n}>
            § {n}
          </option>
        ))}
      </select>
      <TimeInput id={`att-${index}-${b.time}`} short={t(b.timeShort)} label={t(b.timeFor, { name })} value={row[b.time] ?? ''} disabled={locked} error={timeError} onChange={onTime} />
    </td>
  );
}

function TimeInput({
  id,
  short,
  label,
  value,
  disabled,
  error,
  onChange,
}: {
  id: string;
  short: string;
  label: string;
  value: string;
  disabled: boolean;
  error: string | null;
  onChange: (v: string) => void;
}) {
  return (
    <span className="att-time">
      <label htmlFor={id} className="att-time-label">
        {short}
      </label>
      <input
        id={id}
        type="text"
        aria-label={label}
        inputMode="numeric"
        placeholder="TT:MM"
        autoComplete="off"
        maxLength={5}
        value={value}
        disabled={disabled}
        aria-invalid={error !== null}
        aria-describedby={error !== null ? `${id}-error` : undefined}
        onChange={(e) => onChange(e.target.value)}
      />
      {error !== null && (
        <span id={`${id}-error`} className="field-error" role="alert">
          {error}
        </span>
      )}
    </span>
  );
}

/** A control's column heading shown beside it where the row wraps (hidden in the full table; the control has its own accessible name). */
function CellLabel({ text }: { text: string }) {
  return (
    <span className="cell-label" aria-hidden="true">
      {text}
    </span>
  );
}

function ServingPerParagraph({ store, attendance, conflicts }: { store: MeetingStore; attendance: Attendance[]; conflicts: ReadonlySet<number> }) {
  const view = useMeetingSnapshot(store).view;
  if (view === null || view.doc.paragraphs.length === 0) return null;
  const doc = { ...view.doc, attendance };
  const name = (id: string) => doc.people.find((p) => p.key === id)?.name ?? id;
  return (
    <section className="card" aria-labelledby="serving-heading">
      <h2 id="serving-heading">{t('attendance.serving.heading')}</h2>
      <table className="data">
        <caption className="visually-hidden">{t('attendance.serving.heading')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('attendance.serving.paragraph')}</th>
            <th scope="col">{t('attendance.serving.count')}</th>
            <th scope="col">{t('attendance.serving.who')}</th>
          </tr>
        </thead>
        <tbody>
          {doc.paragraphs.map((p) => {
            const serving = servingOn(doc, p.number);
            const q = quorum(doc.board.seats, serving.length);
            return (
              <tr key={p.number}>
                <th scope="row">
                  <a href={meetingHref(view.meetingId, p.number)}>
                    § {p.number} {p.title}
                  </a>
                </th>
                {/* While the attendance contradicts itself on the §, the count means nothing: never "beslutför". */}
                <td className={q.met && !conflicts.has(p.number) ? undefined : 'warning-cell'}>
                  {conflicts.has(p.number)
                    ? t('quorum.conflict.short')
                    : q.met
                      ? t('quorum.ok', { serving: q.serving, seats: q.seats })
                      : t('quorum.missing.short', { serving: q.serving, required: q.required })}
                </td>
                <td>{serving.map((s) => (s.replaces ? `${name(s.person)} (${t('attendance.for', { name: name(s.replaces) })})` : name(s.person))).join(', ')}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </section>
  );
}
