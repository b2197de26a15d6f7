// Builds the view model of the full protocol (sammanträdesprotokoll) from a meeting.
import type { MeetingDocument } from '../format/meeting';
import { adjustedParagraphsLine, paragraphLabel } from '../domain/numbering';
import { buildAttendance } from './attendance';
import { DIGITALLY_SIGNED, headerOf, metaOf, openingRows, protocolFooter, requiredSigners } from './common';
import { buildParagraph, isImmediatelyAdjusted } from './paragraph';
import { genitive, peopleOf, type People } from './people';
import type { PresenceSource } from './presence-notes';
import type { AttachmentView, BevisData, ProtocolData, SignaturePageData, SignaturePlace } from './types';

/** One posting of the notice (anslag) for a group of §§. */
export interface NoticePosting {
  paragraphs: number[];
  postedOn: string;
  takeDownOn: string;
}

export interface ProtocolOptions {
  /** When the document is produced (ISO 8601); becomes the PDF's creation and modification date. */
  generatedAt: string;
  /** Fills the BEVIS/ANSLAG dates; defaults to the notices recorded on the adjustment groups. */
  notices?: NoticePosting[];
  /** Start every § on a new page, as the reference template does. Default true. */
  paragraphsStartNewPage?: boolean;
  /**
   * The whole meeting, when `doc` is an adjustment group's part of it (restrictTo): a presence
   * change at a § outside the part is then stated with the § where it happened. Only its
   * attendance and § numbers are read (presenceSourceOf).
   */
  wholeMeeting?: PresenceSource | undefined;
}

export function buildProtocolData(doc: MeetingDocument, opts: ProtocolOptions): ProtocolData {
  const people = peopleOf(doc);
  const numbers = doc.paragraphs.map((p) => p.number);
  const immediate = numbers.filter((n) => isImmediatelyAdjusted(doc, n));
  const range = numbers.length === 0 ? '' : ` ${paragraphLabel(numbers)}`;
  return {
    kind: 'protocol',
    meta: metaOf(doc, `Protokoll ${doc.board.name} ${doc.meeting.date}`, `Sammanträdesprotokoll${range}`, opts.generatedAt, ['sammanträdesprotokoll', doc.board.name, doc.meeting.date]),
    header: headerOf(doc, 'SAMMANTRÄDESPROTOKOLL'),
    footer: protocolFooter(doc),
    title: 'SAMMANTRÄDESPROTOKOLL',
    firstPage: {
      rows: [...openingRows(doc, people, numbers, true), { label: 'Justerade paragrafer', lines: [adjustedParagraphsLine(numbers, immediate)] }],
      signatures: signaturePlaces(doc, people),
      bevis: bevis(doc, people, opts.notices ?? recordedNotices(doc)),
    },
    attendance: buildAttendance(doc, people),
    paragraphs: doc.paragraphs.map((p) => buildParagraph(doc, p, people, opts.wholeMeeting ?? doc)),
    paragraphsStartNewPage: opts.paragraphsStartNewPage ?? true,
    attachments: attachmentsOf(doc),
    signaturePage: signaturePage(doc, people),
  };
}

function signaturePlaces(doc: MeetingDocument, people: People): SignaturePlace[] {
  const signature = doc.meeting.digitalSignatures ? DIGITALLY_SIGNED : undefined;
  return requiredSigners(doc, people).map((s) => (signature === undefined ? { role: s.role, name: s.name } : { role: s.role, name: s.name, signature }));
}

function recordedNotices(doc: MeetingDocument): NoticePosting[] {
  return doc.adjustmentGroups.flatMap((g) => (g.notice === undefined ? [] : [{ paragraphs: [...g.paragraphs], postedOn: g.notice.postedOn, takeDownOn: g.notice.takeDownOn }]));
}

/** The BEVIS/ANSLAG box. Its dates are blank until the notice is posted, as on paper. */
function bevis(doc: MeetingDocument, people: People, notices: readonly NoticePosting[]): BevisData {
  const board = doc.board.shortName ?? doc.board.name;
  const sorted = [...notices].sort((a, b) => (a.postedOn < b.postedOn ? -1 : a.postedOn > b.postedOn ? 1 : 0));
  const signatory = doc.meeting.noticeSignatory;
  return {
    heading: 'BEVIS/ANSLAG',
    text: `${genitive(board)} protokoll är justerat. Justeringen har tillkännagivits genom anslag.`,
    rows: [
      { label: 'Sammanträdesdatum', lines: [doc.meeting.date] },
      { label: 'Datum när anslaget sätts upp', lines: sorted.map((n) => `${n.postedOn} ${paragraphLabel(n.paragraphs)}`) },
      { label: 'Datum när anslaget tas ned', lines: sorted.map((n) => `${n.takeDownOn} ${paragraphLabel(n.paragraphs)}`) },
      { label: 'Förvaringsplats för protokollet', lines: [doc.board.storagePlace] },
    ],
    signatory: { label: 'Underskrift', name: signatory === undefined ? '' : people.name(signatory) },
  };
}

function attachmentsOf(doc: MeetingDocument): AttachmentView[] {
  return doc.paragraphs.flatMap((p) =>
    p.attachments.map((a): AttachmentView => {
      switch (a.kind) {
        case 'document':
          return { kind: 'document', title: a.title, paragraph: p.number, sections: a.sections };
        case 'file':
          return { kind: 'file', title: a.title, paragraph: p.number, filename: a.filename, data: a.data };
        default: {
          const never: never = a;
          return never;
        }
      }
    }),
  );
}

function signaturePage(doc: MeetingDocument, people: People): SignaturePageData {
  const intro = doc.meeting.digitalSignatures
    ? ['Protokollet justeras med digitala underskrifter. Varje underskrift omfattar hela dokumentet.', 'Protokollet är justerat när den sista underskriften nedan har lagts till.']
    : ['Protokollet justeras genom att var och en nedan skriver under i sin ruta.'];
  return { heading: 'Underskrifter', intro, signers: requiredSigners(doc, people) };
}
