// Builds a protokollsutdrag: the protocol's header, the attendance during the chosen §§ and
// those §§ only, certified by an utdragsbestyrkande. Nothing of the other §§ may leak into it,
// so the meeting is first cut down to the chosen §§ and everything is derived from that.
import type { Attendance, MeetingDocument } from '../format/meeting';
import { paragraphLabel } from '../domain/numbering';
import { covers } from '../domain/presence';
import { buildAttendance } from './attendance';
import { headerOf, metaOf, openingRows, protocolFooter, selectParagraphs } from './common';
import { buildParagraph } from './paragraph';
import { peopleOf } from './people';
import type { ExtractData } from './types';

export interface ExtractOptions {
  generatedAt: string;
  /** The §§ to include. */
  paragraphs: number[];
  /** Who certifies the extract (person key); defaults to the secretary. */
  certifiedBy?: string;
  /** Printed with the certifier's name; defaults to "Sekreterare" for the secretary. */
  certifiedByRole?: string;
  /** Date of the certification (ÅÅÅÅ-MM-DD); defaults to the date of generatedAt. */
  certifiedOn?: string;
  paragraphsStartNewPage?: boolean;
}

export function buildExtractData(doc: MeetingDocument, opts: ExtractOptions): ExtractData {
  const chosen = selectParagraphs(doc, opts.paragraphs);
  const numbers = chosen.map((p) => p.number);
  const part = restrictTo(doc, numbers);
  const people = peopleOf(doc);
  const label = paragraphLabel(numbers);
  const certifier = opts.certifiedBy ?? doc.meeting.secretary;
  const role = opts.certifiedByRole ?? (certifier === doc.meeting.secretary ? 'Sekreterare' : 'Bestyrkt av');
  const name = people.name(certifier);
  return {
    kind: 'extract',
    meta: metaOf(doc, `Protokollsutdrag ${label} ${doc.board.name} ${doc.meeting.date}`, `Protokollsutdrag ${label}`, opts.generatedAt, ['protokollsutdrag', doc.board.name, doc.meeting.date]),
    header: headerOf(doc, 'PROTOKOLLSUTDRAG'),
    footer: protocolFooter(doc),
    title: 'PROTOKOLLSUTDRAG',
    rows: [...openingRows(doc, people, numbers, false), { label: 'Utdrag ur protokollet', lines: [label] }],
    attendance: buildAttendance(part, people),
    paragraphs: part.paragraphs.map((p) => buildParagraph(part, p, people, doc)),
    paragraphsStartNewPage: opts.paragraphsStartNewPage ?? true,
    certification: {
      heading: 'Utdragsbestyrkande',
      text: 'Utdraget överensstämmer med originalprotokollet.',
      rows: [
        { label: 'Protokoll', lines: [`${doc.board.name}, sammanträde ${doc.meeting.date}`] },
        { label: 'Paragrafer', lines: [label] },
        { label: 'Bestyrkt av', lines: [`${name}, ${role.toLocaleLowerCase('sv-SE')}`] },
        { label: 'Datum', lines: [opts.certifiedOn ?? opts.generatedAt.slice(0, 10)] },
      ],
      signer: { field: 'sig-utdragsbestyrkande', role, name },
    },
  };
}

/** The meeting as if only `numbers` had been handled: presence clipped to them, other §§ gone. */
export function restrictTo(doc: MeetingDocument, numbers: readonly number[]): MeetingDocument {
  const chosen = new Set(numbers);
  const sorted = [...chosen].sort((a, b) => a - b);
  const attendance = doc.attendance.flatMap((a): Attendance[] => {
    const covered = sorted.filter((n) => covers(a, n));
    const first = covered[0];
    const last = covered[covered.length - 1];
    if (first === undefined || last === undefined) return [];
    const { fromParagraph: _from, toParagraph: _to, ...rest } = a;
    return [{ ...rest, ...(first === sorted[0] ? {} : { fromParagraph: first }), ...(last === sorted[sorted.length - 1] ? {} : { toParagraph: last }) }];
  });
  return {
    ...doc,
    attendance,
    paragraphs: doc.paragraphs.filter((p) => chosen.has(p.number)),
    adjustmentGroups: doc.adjustmentGroups.map((g) => ({ ...g, paragraphs: g.paragraphs.filter((n) => chosen.has(n)) })).filter((g) => g.paragraphs.length > 0),
  };
}
