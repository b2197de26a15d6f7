// A generated, deterministic data set of many boards, years and meetings with realistic Swedish
// text (sentences recombined from the reference protocol), for scale benchmarks.
import { meetingDocumentSchema, type MeetingDocument, type MeetingDocumentInput } from '../../core/format/meeting';
import { plainText } from '../../core/format/richtext';
import reference from '../../core/reference/e-namnden-2020-11-05.json' with { type: 'json' };
import { seeded } from '../fixtures/documents/generate';

/** Deterministic random numbers, shared with the document fixtures. */
export const prng = seeded;

const ref = meetingDocumentSchema.parse(reference);
const sentences = ref.paragraphs
  .flatMap((p) => [...(p.summary ?? []), ...(p.description ?? []), ...(p.body ?? [])])
  .map((b) => plainText([b]))
  .join(' ')
  .split(/(?<=[.!?])\s+/)
  .filter((s) => s.length > 30 && !s.includes('http'));
const titles = [
  'Beslut om tilldelning av ramavtal avseende',
  'Yttrande över remiss om',
  'Uppföljning av',
  'Budget och verksamhetsplan för',
  'Delårsrapport för',
  'Beslut om upphandling av',
  'Information om',
  'Revidering av riktlinjer för',
  'Svar på medborgarförslag om',
];
const topics = [
  'digitala nyckelsystem',
  'trygghetsskapande teknik',
  'e-arkiv',
  'ärendehanteringssystem',
  'välfärdsteknik',
  'bredbandsutbyggnad',
  'informationssäkerhet',
  'dataskydd',
  'hemtjänstens planering',
  'skolskjutsar',
  'vinterväghållning',
  'räddningstjänstens larm',
];
const boardNames = [
  'Kommunstyrelsen',
  'Barn- och utbildningsnämnden',
  'Socialnämnden',
  'Tekniska nämnden',
  'Kultur- och fritidsnämnden',
  'Miljö- och byggnämnden',
  'Valnämnden',
  'Överförmyndarnämnden',
  'Krisledningsnämnden',
  'Arbetsmarknadsnämnden',
  'Stadsbyggnadsnämnden',
  'Revisionen',
];
const firstNames = ['Anna', 'Erik', 'Åsa', 'Örjan', 'Maria', 'Lars', 'Karin', 'Johan', 'Eva', 'Per', 'Ingrid', 'Mikael', 'Sofia', 'Nils', 'Linnéa', 'Gunnar'];
const lastNames = ['Andersson', 'Lindström', 'Öberg', 'Nilsson', 'Bergqvist', 'Åkesson', 'Lundkvist', 'Holm', 'Sjöberg', 'Wikström', 'Isaksson', 'Mäki'];
const parties = ['S', 'M', 'C', 'V', 'KD', 'L', 'MP', 'SD'];

export interface DatasetOptions {
  years: number;
  boards: number;
  meetingsPerYear: number;
  paragraphsPerMeeting: number;
  wordsPerParagraph: number;
  seed?: number;
}

function pick<T>(r: () => number, xs: readonly T[]): T {
  return xs[Math.floor(r() * xs.length)] as T;
}

function prose(r: () => number, words: number): string {
  let out = '';
  while (out.split(' ').length < words) out += `${pick(r, sentences)} `;
  return out.trim();
}

/** Meetings one by one (never all in memory), in import order: per board, per year, per meeting. */
export function* generateMeetings(o: DatasetOptions): Generator<MeetingDocument> {
  const r = prng(o.seed ?? 1);
  for (let b = 0; b < o.boards; b += 1) {
    const seats = 11;
    const people = Array.from({ length: seats + 4 }, (_, i) => {
      const name = `${pick(r, firstNames)} ${pick(r, lastNames)} ${b}-${i}`;
      return { key: `p${b}-${i}`, name };
    });
    const members = people.map((p, i) => ({
      person: p.key,
      role: i === 0 ? ('ordforande' as const) : i < seats ? ('ledamot' as const) : ('ersattare' as const),
      party: pick(r, parties),
      termStart: '2015-01-01',
      termEnd: '2034-12-31',
    }));
    for (let y = 0; y < o.years; y += 1) {
      const year = 2015 + y;
      let number = 1;
      for (let m = 0; m < o.meetingsPerYear; m += 1) {
        const month = String(1 + Math.floor((m * 11) / o.meetingsPerYear)).padStart(2, '0');
        const paragraphs = Array.from({ length: o.paragraphsPerMeeting }, () => ({
          number: number++,
          title: `${pick(r, titles)} ${pick(r, topics)}`,
          caseNumber: `${year}/${Math.floor(r() * 900) + 100}`,
          decision: { numbered: true, points: [[{ type: 'paragraph' as const, content: [{ text: prose(r, 25) }] }]] },
          summary: [{ type: 'paragraph' as const, content: [{ text: prose(r, o.wordsPerParagraph) }] }],
        }));
        const doc: MeetingDocumentInput = {
          format: 'justera-meeting',
          formatVersion: 3,
          organisation: { name: 'Generade kommunen', kind: 'kommun' },
          board: { name: boardNames[b % boardNames.length] + (b >= boardNames.length ? ` ${b}` : ''), kind: 'namnd', seats, storagePlace: 'Kommunkansliet' },
          people,
          members,
          meeting: {
            date: `${year}-${month}-${String(10 + (m % 15)).padStart(2, '0')}`,
            startTime: '13:00',
            endTime: '16:00',
            place: 'Sessionssalen',
            status: 'held',
            secretary: people[1]?.key ?? 'p',
            chair: people[0]?.key ?? 'p',
            justerare: [people[2]?.key ?? 'p'],
          },
          attendance: members.slice(0, seats).map((mm) => ({ person: mm.person, capacity: 'member' as const })),
          paragraphs,
        };
        yield meetingDocumentSchema.parse(doc);
      }
    }
  }
}
