// Builds the kallelse (notice of meeting) with its föredragningslista, sent to the members and
// substitutes before the meeting.
import type { MeetingDocument, Member, MemberRole } from '../format/meeting';
import { weekdayName } from '../domain/calendar';
import { headerOf, metaOf } from './common';
import { peopleOf, type People } from './people';
import type { AgendaItem, AttendanceGroup, AttendanceRow, KallelseData } from './types';

export interface KallelseOptions {
  generatedAt: string;
  /** Items handled before the cases, e.g. "Val av justerare"; numbered first. Default none. */
  openingItems?: string[];
}

export function buildKallelseData(doc: MeetingDocument, opts: KallelseOptions): KallelseData {
  const people = peopleOf(doc);
  const m = doc.meeting;
  const onDate = doc.members.filter((x) => x.termStart <= m.date && m.date <= x.termEnd);
  const ordinary = onDate.filter((x) => x.role !== 'ersattare');
  const substitutes = onDate.filter((x) => x.role === 'ersattare').sort((a, b) => (a.substituteOrder ?? Number.MAX_SAFE_INTEGER) - (b.substituteOrder ?? Number.MAX_SAFE_INTEGER));
  const weekday = weekdayName(m.date);
  const time = m.endTime === undefined ? m.startTime : `${m.startTime}-${m.endTime}`;
  const secretary = people.name(m.secretary);

  const agenda: AgendaItem[] = [
    ...(opts.openingItems ?? []).map((title) => ({ title, documents: [] as string[] })),
    ...doc.paragraphs.map((p) => ({ title: p.title, documents: [...p.decisionDocuments], ...(p.caseNumber === undefined ? {} : { caseNumber: p.caseNumber }) })),
  ].map((item, i) => ({ number: `${i + 1}`, ...item }));

  const called: AttendanceGroup[] = [
    { heading: 'Ledamöter', rows: ordinary.map((x) => calledRow(x, people)) },
    { heading: 'Ersättare', rows: substitutes.map((x) => calledRow(x, people)) },
  ].filter((g) => g.rows.length > 0);

  return {
    kind: 'kallelse',
    meta: metaOf(doc, `Kallelse ${doc.board.name} ${m.date}`, 'Kallelse och föredragningslista', opts.generatedAt, ['kallelse', 'föredragningslista', doc.board.name, m.date]),
    header: headerOf(doc, 'KALLELSE'),
    title: `Kallelse till sammanträde med ${doc.board.name}`,
    rows: [
      { label: 'Tid', lines: [`${weekday.charAt(0).toLocaleUpperCase('sv-SE')}${weekday.slice(1)} ${m.date} kl. ${time}`] },
      { label: 'Plats', lines: [m.place] },
      { label: 'Ordförande', lines: [people.name(m.chair)] },
      { label: 'Sekreterare', lines: [secretary] },
    ],
    called,
    notes: [
      'Ledamöter och ersättare kallas härmed till sammanträdet.',
      `En ledamot som inte kan delta anmäler förhinder till sekreteraren ${secretary} så snart som möjligt, så att en ersättare kan kallas in.`,
      'Ersättare tjänstgör i stället för en ledamot som har förhinder och får annars närvara vid sammanträdet.',
    ],
    agendaHeading: 'Föredragningslista',
    agenda,
    signatures: [
      { role: 'Ordförande', name: people.name(m.chair) },
      { role: 'Sekreterare', name: secretary },
    ],
  };
}

function calledRow(member: Member, people: People): AttendanceRow {
  const remarks = [roleLabel(member.role), member.substituteFor === undefined ? '' : `Personlig ersättare för ${people.name(member.substituteFor)}`];
  return {
    name: people.name(member.person),
    party: member.party ?? '',
    organisation: member.represents ?? '',
    remark: remarks.filter((r) => r !== '').join('; '),
  };
}

function roleLabel(role: MemberRole): string {
  switch (role) {
    case 'ordforande':
      return 'Ordförande';
    case 'vice_ordforande':
      return 'Vice ordförande';
    case 'andre_vice_ordforande':
      return 'Andre vice ordförande';
    case 'ledamot':
    case 'ersattare':
      return '';
    default: {
      const never: never = role;
      return never;
    }
  }
}
