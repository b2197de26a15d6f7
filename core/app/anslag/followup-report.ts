// The yearly follow-up report of a board: every task its decisions gave during the year, who had
// it, by when, and how it stands. Boards account for what they have handed to others, private
// contractors included (KL 10 kap. 7–9 §§); this is the list they follow up from.
import type { DocumentMeta, LabeledValue, PageHeaderData } from '../../documents/types';
import type { FollowUpRow } from './ports';

export interface FollowUpReportData {
  kind: 'followup-report';
  meta: DocumentMeta;
  header: PageHeaderData;
  title: string;
  intro: string[];
  summary: LabeledValue[];
  columns: { title: string; width: string }[];
  rows: string[][];
  empty: string;
}

export function statusText(t: Pick<FollowUpRow, 'status' | 'dueOn' | 'doneOn'>, today: string): string {
  switch (t.status) {
    case 'done':
      return t.doneOn === null ? 'Klar' : `Klar ${t.doneOn}`;
    case 'cancelled':
      return 'Avslutad utan åtgärd';
    case 'open':
      return t.dueOn !== null && t.dueOn < today ? 'Försenad' : 'Pågår';
    default: {
      const never: never = t.status;
      return never;
    }
  }
}

export function buildFollowUpReportData(input: { organisationName: string; boardName: string; year: number; today: string; generatedAt: string; tasks: FollowUpRow[] }): FollowUpReportData {
  const { tasks, today } = input;
  const count = (f: (t: FollowUpRow) => boolean) => String(tasks.filter(f).length);
  const overdue = (t: FollowUpRow) => t.status === 'open' && t.dueOn !== null && t.dueOn < today;
  return {
    kind: 'followup-report',
    meta: {
      title: `Uppföljning av uppdrag ${input.year} – ${input.boardName}`,
      author: input.boardName,
      subject: `Uppföljning av uppdrag i nämndens beslut ${input.year}`,
      keywords: ['uppföljning', 'uppdrag', input.boardName, String(input.year)],
      language: 'sv-SE',
      createdAt: input.generatedAt,
      modifiedAt: input.generatedAt,
    },
    header: { organisation: input.organisationName.toLocaleUpperCase('sv-SE'), documentType: 'UPPFÖLJNING', board: input.boardName, date: String(input.year) },
    title: `Uppföljning av uppdrag ${input.year}`,
    intro: [
      `Sammanställningen visar de uppdrag som ${input.boardName} har lämnat i sina beslut under ${input.year}: vem som har uppdraget, när det ska vara klart, vilken paragraf som gav det och hur det står till ${today}.`,
      'Nämnden ska följa upp det den har lämnat över till andra, också verksamhet som lämnats över till privata utförare (10 kap. 7–9 §§ kommunallagen).',
    ],
    summary: [
      { label: 'Uppdrag', lines: [String(tasks.length)] },
      { label: 'Klara', lines: [count((t) => t.status === 'done')] },
      { label: 'Pågår', lines: [count((t) => t.status === 'open' && !overdue(t))] },
      { label: 'Försenade', lines: [count(overdue)] },
      { label: 'Avslutade utan åtgärd', lines: [count((t) => t.status === 'cancelled')] },
    ],
    columns: [
      { title: 'Paragraf', width: '15%' },
      { title: 'Uppdrag', width: '38%' },
      { title: 'Ansvarig', width: '17%' },
      { title: 'Senast', width: '13%' },
      { title: 'Status', width: '17%' },
    ],
    rows: tasks.map((t) => [`§ ${t.paragraph} (${t.meetingDate})`, t.note === null ? t.description : `${t.description} (${t.note})`, t.responsible, t.dueOn ?? '–', statusText(t, today)]),
    empty: `Inga uppdrag är registrerade för ${input.year}.`,
  };
}
