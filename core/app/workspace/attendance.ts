// Attendance while drafting: intervals of presence over §§ (core/domain/presence.ts), kept right
// when §§ are renumbered, and split when a substitute steps in for one § because of jäv.
import { AppError } from '../../api/errors';
import type { Attendance, MeetingDocument, Member, Paragraph } from '../../format/meeting';
import { covers, proposeSubstitutes, servingOn } from '../../domain/presence';
import { departureOffers, serveAfterDeparture } from '../../domain/departure';
import { assertEditable, assertMeetingEditable, personNameOrThrow, requireMeeting, requireParagraph, sameJson, type WorkspaceDeps } from './deps';
import { allFields } from './fields';
import { journalState, recordChange } from './journal';
import { checkTimes } from './meetings';
import type { AttendanceRow, ParagraphRow } from './ports';
import type { JournalState } from './types';

export function toAttendance(r: AttendanceRow): Attendance {
  const a: Attendance = { person: r.personId, capacity: r.capacity };
  if (r.replacesPersonId !== null) a.replaces = r.replacesPersonId;
  if (r.fromParagraph !== null) a.fromParagraph = r.fromParagraph;
  if (r.toParagraph !== null) a.toParagraph = r.toParagraph;
  if (r.note !== null) a.note = r.note;
  if (r.orderReason !== undefined && r.orderReason !== null) a.orderReason = r.orderReason;
  if (r.fromTime !== undefined && r.fromTime !== null) a.fromTime = r.fromTime;
  if (r.toTime !== undefined && r.toTime !== null) a.toTime = r.toTime;
  return a;
}

export function fromAttendance(a: Attendance): AttendanceRow {
  return {
    personId: a.person,
    capacity: a.capacity,
    replacesPersonId: a.replaces ?? null,
    fromParagraph: a.fromParagraph ?? null,
    toParagraph: a.toParagraph ?? null,
    note: a.note ?? null,
    orderReason: a.orderReason ?? null,
    fromTime: a.fromTime ?? null,
    toTime: a.toTime ?? null,
  };
}

type PresenceDoc = Pick<MeetingDocument, 'attendance' | 'paragraphs'>;

/** What servingOn() needs: the intervals and each §'s number and jäv. */
export function presenceDoc(rows: readonly AttendanceRow[], paragraphs: readonly Pick<ParagraphRow, 'number' | 'content'>[]): PresenceDoc {
  return {
    attendance: rows.map(toAttendance),
    paragraphs: paragraphs.map((p) => ({ number: p.number, jav: p.content.jav ?? [] }) as unknown as Paragraph),
  };
}

/**
 * Interval bounds follow the § they name when §§ are renumbered. A bound on a removed § moves
 * to the nearest remaining § inside the interval; an interval left covering nothing is dropped.
 */
export function remapAttendance(rows: readonly AttendanceRow[], oldOrder: readonly { id: string; number: number }[], newNumber: ReadonlyMap<string, number | null>): AttendanceRow[] {
  const idAt = new Map(oldOrder.map((p, i) => [p.number, i]));
  const mapped = (n: number, direction: 1 | -1): number | null | 'drop' => {
    const i = idAt.get(n);
    if (i === undefined) return n;
    for (let j = i; j >= 0 && j < oldOrder.length; j += direction) {
      const target = newNumber.get((oldOrder[j] as { id: string }).id);
      if (target !== null && target !== undefined) return target;
    }
    return 'drop';
  };
  const out: AttendanceRow[] = [];
  for (const r of rows) {
    const from = r.fromParagraph === null ? null : mapped(r.fromParagraph, 1);
    const to = r.toParagraph === null ? null : mapped(r.toParagraph, -1);
    if (from === 'drop' || to === 'drop') continue;
    let f = from;
    let t = to;
    if (f !== null && t !== null && f > t) {
      // A removed range holds nothing any more; a moved § keeps its interval, in order.
      const removedInside = r.fromParagraph !== null && newNumber.get(oldOrder[idAt.get(r.fromParagraph) ?? -1]?.id ?? '') === null;
      if (removedInside) continue;
      [f, t] = [t, f];
    }
    out.push({ ...r, fromParagraph: f, toParagraph: t });
  }
  return out;
}

/** The substitute `person`, present at § n, serves in `seat`'s place for that § only. */
export function stepIn(rows: readonly AttendanceRow[], person: string, seat: string, n: number, numbers: readonly number[]): AttendanceRow[] {
  const idx = rows.findIndex((r) => r.personId === person && r.capacity === 'present' && covers(toAttendance(r), n));
  if (idx < 0) return [...rows];
  const r = rows[idx] as AttendanceRow;
  const i = numbers.indexOf(n);
  const prev = i > 0 ? numbers[i - 1] : undefined;
  const next = i >= 0 && i < numbers.length - 1 ? numbers[i + 1] : undefined;
  const parts: AttendanceRow[] = [];
  if (prev !== undefined && (r.fromParagraph === null || r.fromParagraph < n)) parts.push({ ...r, toParagraph: prev });
  parts.push({ personId: person, capacity: 'substitute', replacesPersonId: seat, fromParagraph: n, toParagraph: n, note: null });
  if (next !== undefined && (r.toParagraph === null || r.toParagraph > n)) parts.push({ ...r, fromParagraph: next });
  return [...rows.slice(0, idx), ...parts, ...rows.slice(idx + 1)];
}

/** Undoes stepIn: the substitute is present, not serving, at § n again. */
export function stepOut(rows: readonly AttendanceRow[], person: string, n: number, numbers: readonly number[]): AttendanceRow[] {
  const idx = rows.findIndex((r) => r.personId === person && r.capacity === 'substitute' && r.fromParagraph === n && r.toParagraph === n);
  if (idx < 0) return [...rows];
  const replaced: AttendanceRow = { personId: person, capacity: 'present', replacesPersonId: null, fromParagraph: n, toParagraph: n, note: null };
  const prevPresent = rows.find((r) => r.personId === person && r.capacity === 'present');
  if (prevPresent !== undefined) replaced.note = prevPresent.note;
  // Bounds at the first or last § say no more than "from the start"/"to the end": the person's
  // rows get the plain form back, as they were before stepIn.
  const first = numbers[0];
  const last = numbers[numbers.length - 1];
  return mergeAdjacent([...rows.slice(0, idx), replaced, ...rows.slice(idx + 1)], numbers).map((r) =>
    r.personId !== person ? r : { ...r, fromParagraph: r.fromParagraph === first ? null : r.fromParagraph, toParagraph: r.toParagraph === last ? null : r.toParagraph },
  );
}

/** Joins intervals of the same person and capacity that follow each other without a gap. */
export function mergeAdjacent(rows: readonly AttendanceRow[], numbers: readonly number[]): AttendanceRow[] {
  const next = (n: number): number | undefined => numbers[numbers.indexOf(n) + 1];
  const out: AttendanceRow[] = [];
  for (const r of rows) {
    const j = out.findIndex(
      (o) =>
        o.personId === r.personId &&
        o.capacity === r.capacity &&
        o.replacesPersonId === r.replacesPersonId &&
        o.note === r.note &&
        (o.orderReason ?? null) === (r.orderReason ?? null) &&
        (o.fromTime ?? null) === null &&
        (r.fromTime ?? null) === null &&
        (o.toTime ?? null) === null &&
        (r.toTime ?? null) === null &&
        ((o.toParagraph !== null && r.fromParagraph !== null && next(o.toParagraph) === r.fromParagraph) ||
          (r.toParagraph !== null && o.fromParagraph !== null && next(r.toParagraph) === o.fromParagraph)),
    );
    if (j < 0) {
      out.push({ ...r });
      continue;
    }
    const o = out[j] as AttendanceRow;
    const oFirst = o.toParagraph !== null && r.fromParagraph !== null && next(o.toParagraph) === r.fromParagraph;
    out[j] = oFirst ? { ...o, toParagraph: r.toParagraph } : { ...o, fromParagraph: r.fromParagraph };
  }
  return out;
}

/**
 * Who should serve for `person` (who has jäv on a §): the member's personal substitute, else a
 * free one of the same party, else the next in the substitutes' order — among those present.
 */
export function proposeJavSubstitute(roster: readonly Member[], rows: readonly AttendanceRow[], person: string, n: number): string | null {
  const here = rows.filter((r) => covers(toAttendance(r), n));
  const seatOf = here.find((r) => r.personId === person && r.capacity === 'substitute')?.replacesPersonId ?? person;
  const member = roster.find((m) => m.person === seatOf && m.role !== 'ersattare');
  const present = new Set(here.filter((r) => r.capacity === 'present').map((r) => r.personId));
  const candidates = roster.filter((m) => m.role === 'ersattare' && present.has(m.person));
  const seat: Member = member ?? { person: seatOf, role: 'ledamot', termStart: '0001-01-01', termEnd: '9999-12-31' };
  return proposeSubstitutes([seat, ...candidates], present).get(seat.person) ?? null;
}

function sortedNumbers(deps: WorkspaceDeps, meetingId: string): number[] {
  return deps.ws.listParagraphs(meetingId).map((p) => p.number);
}

export type AttendanceRowInput = Pick<AttendanceRow, 'personId' | 'capacity'> & {
  [K in 'replacesPersonId' | 'fromParagraph' | 'toParagraph' | 'note' | 'orderReason' | 'fromTime' | 'toTime']?: AttendanceRow[K] | undefined;
};

export function normaliseRows(rows: readonly AttendanceRowInput[]): AttendanceRow[] {
  return rows.map((r) => ({
    personId: r.personId,
    capacity: r.capacity,
    replacesPersonId: r.replacesPersonId ?? null,
    fromParagraph: r.fromParagraph ?? null,
    toParagraph: r.toParagraph ?? null,
    note: r.note === undefined || r.note === null || r.note.trim() === '' ? null : r.note.trim(),
    orderReason: r.orderReason === undefined || r.orderReason === null || r.orderReason.trim() === '' ? null : r.orderReason.trim(),
    fromTime: r.fromTime === undefined || r.fromTime === null || r.fromTime === '' ? null : r.fromTime,
    toTime: r.toTime === undefined || r.toTime === null || r.toTime === '' ? null : r.toTime,
  }));
}

export function setAttendance(deps: WorkspaceDeps, meetingId: string, input: readonly AttendanceRow[]): { journal: JournalState } {
  return deps.store.transaction(() => {
    requireMeeting(deps, meetingId);
    assertMeetingEditable(deps, meetingId, 'Närvaron');
    writeAttendance(deps, meetingId, normaliseRows(input), 'Ändring av närvaron');
    return { journal: journalState(deps, meetingId) };
  });
}

/** Validates and stores a meeting's attendance as one undoable step (inside the caller's transaction). */
function writeAttendance(deps: WorkspaceDeps, meetingId: string, rows: AttendanceRow[], label: string): boolean {
  const numbers = sortedNumbers(deps, meetingId);
  const issues: { path: string; message: string }[] = [];
  rows.forEach((r, i) => {
    const name = personNameOrThrow(deps, r.personId, `Närvarorad ${i + 1}`);
    if (r.replacesPersonId !== null) {
      if (r.capacity !== 'substitute') issues.push({ path: `rows[${i}].replacesPersonId`, message: `${name}: bara en tjänstgörande ersättare ersätter någon.` });
      else personNameOrThrow(deps, r.replacesPersonId, `Närvarorad ${i + 1} (ersätter)`);
    }
    for (const field of ['fromParagraph', 'toParagraph'] as const) {
      const n = r[field];
      if (n !== null && !numbers.includes(n)) issues.push({ path: `rows[${i}].${field}`, message: `${name}: § ${n} finns inte i sammanträdet.` });
    }
    if (r.orderReason !== null && r.orderReason !== undefined && r.capacity !== 'substitute') {
      issues.push({ path: `rows[${i}].orderReason`, message: `${name}: bara en tjänstgörande ersättare kan vara inkallad utanför turordningen. Ta bort skälet.` });
    }
    if (r.fromParagraph !== null && r.toParagraph !== null && r.toParagraph < r.fromParagraph) {
      issues.push({ path: `rows[${i}].toParagraph`, message: `${name}: närvaron slutar (§ ${r.toParagraph}) före den börjar (§ ${r.fromParagraph}).` });
    }
  });
  const first = issues[0];
  if (first !== undefined) throw new AppError('validation', first.message, { issues });
  const meeting = requireMeeting(deps, meetingId);
  checkTimes(deps, meetingId, meeting, rows);
  const before = deps.ws.listAttendance(meetingId);
  if (sameJson(before, rows)) return false;
  deps.ws.replaceAttendance(meetingId, rows);
  recordChange(deps, meetingId, { label, before: [{ kind: 'attendance', rows: before }], after: [{ kind: 'attendance', rows }] });
  deps.store.audit({ action: 'attendance.updated', entity: 'meeting', entityId: meetingId, details: { rows: rows.length } });
  return true;
}

export interface DepartureInput {
  /** Whose seat is empty (the member). */
  seat: string;
  /** The first § the seat is empty. */
  from: number;
  /** The substitute to serve from there; omitted: the one the substitutes' order calls in. */
  substituteId?: string | undefined;
}

/**
 * A seat left empty after a departure (core/domain/departure.ts): the substitute serves in it from
 * § `from` for as long as it stays empty, in one undoable step. Refused unless departureOffers()
 * finds that empty seat and the substitute is present and free there — the same rule the
 * attendance editor offers and the problem list, import and CLI warn with.
 */
export function substituteAfterDeparture(deps: WorkspaceDeps, meetingId: string, input: DepartureInput): { journal: JournalState; rows: AttendanceRow[] } {
  return deps.store.transaction(() => {
    requireMeeting(deps, meetingId);
    assertMeetingEditable(deps, meetingId, 'Närvaron');
    const view = deps.ws.loadWorkspace(meetingId);
    if (view === null) throw new AppError('not_found', 'Sammanträdet finns inte (det kan ha tagits bort). Välj ett sammanträde i listan.');
    const rows = deps.ws.listAttendance(meetingId);
    const doc = { attendance: rows.map(toAttendance), members: view.doc.members, paragraphs: view.doc.paragraphs.map((p) => ({ number: p.number })) };
    const seatName = personNameOrThrow(deps, input.seat, 'Ledamoten');
    const offer = departureOffers(doc).find((o) => o.seat === input.seat && o.from === input.from);
    if (offer === undefined) {
      throw new AppError(
        'validation',
        `Platsen för ${seatName} står inte tom från § ${input.from} efter att någon lämnat sammanträdet, med en ledig ersättare närvarande. Ange först till och med vilken § ${seatName} var med ("Till §"), och att ersättaren är närvarande.`,
      );
    }
    const substitute = input.substituteId ?? offer.substitute;
    const subName = personNameOrThrow(deps, substitute, 'Ersättaren');
    if (!offer.candidates.includes(substitute)) {
      throw new AppError(
        'validation',
        `${subName} är inte en närvarande ersättare som är ledig på § ${input.from} och kan inte gå in för ${seatName}. Välj någon av: ${offer.candidates.map((c) => deps.ws.personName(c) ?? c).join(', ')}.`,
      );
    }
    const next = normaliseRows(serveAfterDeparture(doc, input.seat, input.from, substitute).map(fromAttendance));
    writeAttendance(deps, meetingId, next, `${subName} tjänstgör för ${seatName} från § ${input.from}`);
    return { journal: journalState(deps, meetingId), rows: deps.ws.listAttendance(meetingId) };
  });
}

export interface JavInput {
  personId: string;
  note?: string;
  substituteId?: string | null;
}

/** Records jäv on a § and, in the same step, who steps in for the disqualified person. */
export function setJav(deps: WorkspaceDeps, paragraphId: string, input: readonly JavInput[]): { journal: JournalState } {
  return deps.store.transaction(() => {
    const p = requireParagraph(deps, paragraphId);
    assertEditable(p);
    assertMeetingEditable(deps, p.meetingId, 'Närvaron');
    const paragraphs = deps.ws.listParagraphs(p.meetingId);
    const numbers = paragraphs.map((x) => x.number);
    const before = deps.ws.listAttendance(p.meetingId);
    const n = p.number;
    const oldJav = p.content.jav ?? [];

    // Who serves on § n if nobody had jäv there.
    const withoutJav = paragraphs.map((x) => (x.id === p.id ? { ...x, content: { ...x.content, jav: [] } } : x));
    let rows = [...before];
    for (const j of oldJav) {
      const sub = rows.find((r) => r.capacity === 'substitute' && r.fromParagraph === n && r.toParagraph === n && r.replacesPersonId !== null && seatOfJav(rows, j.person, n) === r.replacesPersonId);
      const next = input.find((x) => x.personId === j.person);
      if (sub !== undefined && (next === undefined || next.substituteId !== sub.personId)) rows = stepOut(rows, sub.personId, n, numbers);
    }
    const servingIds = new Set(servingOn(presenceDoc(rows, withoutJav), n).map((s) => s.person));
    const seen = new Set<string>();
    const jav = input.map((j, i) => {
      const name = personNameOrThrow(deps, j.personId, `Jäv ${i + 1}`);
      if (seen.has(j.personId)) throw new AppError('validation', `${name} står redan med jäv på § ${n}.`);
      seen.add(j.personId);
      if (!servingIds.has(j.personId)) {
        throw new AppError('validation', `${name} tjänstgör inte på § ${n} och kan därför inte anmäla jäv där. Kontrollera närvaron.`);
      }
      return j.note === undefined || j.note.trim() === '' ? { person: j.personId } : { person: j.personId, note: j.note.trim() };
    });
    for (const j of input) {
      if (j.substituteId === undefined || j.substituteId === null) continue;
      const subName = personNameOrThrow(deps, j.substituteId, 'Ersättare');
      const seat = seatOfJav(rows, j.personId, n);
      const already = rows.some((r) => r.personId === j.substituteId && r.capacity === 'substitute' && r.fromParagraph === n && r.toParagraph === n && r.replacesPersonId === seat);
      if (already) continue;
      const present = rows.some((r) => r.personId === j.substituteId && r.capacity === 'present' && covers(toAttendance(r), n));
      if (!present) {
        throw new AppError('validation', `${subName} är inte närvarande som ersättare på § ${n} och kan inte gå in. Välj en närvarande ersättare eller registrera närvaron först.`);
      }
      rows = stepIn(rows, j.substituteId, seat, n, numbers);
    }

    const beforeFields = { jav: allFields(p).jav };
    if (sameJson(beforeFields.jav, jav) && sameJson(before, rows)) return { journal: journalState(deps, p.meetingId) };
    deps.ws.updateParagraph(p.id, { content: { ...p.content, jav } });
    if (!sameJson(before, rows)) deps.ws.replaceAttendance(p.meetingId, rows);
    recordChange(deps, p.meetingId, {
      label: `Jäv på § ${n}`,
      before: [
        { kind: 'paragraph', paragraphId: p.id, fields: beforeFields },
        { kind: 'attendance', rows: before },
      ],
      after: [
        { kind: 'paragraph', paragraphId: p.id, fields: { jav } },
        { kind: 'attendance', rows },
      ],
    });
    deps.store.audit({ action: 'paragraph.jav', entity: 'paragraph', entityId: p.id, details: { meetingId: p.meetingId, number: n, jav: jav.map((j) => j.person) } });
    return { journal: journalState(deps, p.meetingId) };
  });
}

/** Whose seat a person with jäv holds on § n: their own, or the member a substitute replaces. */
function seatOfJav(rows: readonly AttendanceRow[], person: string, n: number): string {
  const r = rows.find((x) => x.personId === person && x.capacity === 'substitute' && covers(toAttendance(x), n));
  return r?.replacesPersonId ?? person;
}
