// Pieces shared by every document: metadata, page header and footer, the first-page rows.
import { AppError } from '../api/errors';
import type { MeetingDocument } from '../format/meeting';
import { formatRanges, paragraphLabel } from '../domain/numbering';
import { timePlaceLinesFor } from '../domain/justering-time';
import type { DocumentMeta, LabeledValue, PageFooterData, PageHeaderData, Signer } from './types';
import type { People } from './people';

export const DIGITALLY_SIGNED = '[Digitalt signerat, se sista sidan]';
export const PER_ATTENDANCE_LIST = 'Enligt närvarolista';

const ISO_DATETIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,3})?)?(?:Z|[+-]\d{2}:\d{2})$/;

/** Checks the moment a document is produced; it becomes the PDF's dates, so it must be exact. */
export function assertGeneratedAt(value: string): string {
  if (!ISO_DATETIME.test(value) || Number.isNaN(Date.parse(value))) {
    throw new AppError('validation', `Ogiltig tidpunkt för dokumentet: "${value}". Ange datum och tid enligt ISO 8601, t.ex. 2020-11-06T10:00:00+01:00.`);
  }
  return value;
}

export function headerOf(doc: MeetingDocument, documentType: string): PageHeaderData {
  return {
    organisation: doc.organisation.headerName ?? doc.organisation.name.toLocaleUpperCase('sv-SE'),
    documentType,
    board: doc.board.name,
    date: doc.meeting.date,
  };
}

export function metaOf(doc: MeetingDocument, title: string, subject: string, generatedAt: string, keywords: string[]): DocumentMeta {
  const at = assertGeneratedAt(generatedAt);
  return { title, author: doc.board.name, subject, keywords, language: 'sv-SE', createdAt: at, modifiedAt: at };
}

/** The boxes at the foot of every protocol page ("Justerandes signatur" …). */
export function protocolFooter(doc: MeetingDocument): PageFooterData {
  const signed = doc.meeting.digitalSignatures ? DIGITALLY_SIGNED : undefined;
  const box = (label: string, text: string | undefined) => (text === undefined ? { label } : { label, text });
  return { boxes: [box('Justerandes signatur', signed), box('Beslutandes underskrift', signed), box('Utdragsbestyrkande', undefined)] };
}

/** "09:00-10:30, 2020-11-05". */
export function timeAndDate(doc: MeetingDocument): string {
  const m = doc.meeting;
  return `${m.endTime === undefined ? m.startTime : `${m.startTime}-${m.endTime}`}, ${m.date}`;
}

/**
 * The label/value rows every protocol and extract opens with. `numbers`: the §§ the document
 * covers, whose adjustment groups give the time and place of justering; `immediateStated`: the
 * document says elsewhere which §§ were adjusted at the meeting (see timePlaceLinesFor).
 */
export function openingRows(doc: MeetingDocument, people: People, numbers: readonly number[], immediateStated: boolean): LabeledValue[] {
  const m = doc.meeting;
  const justering = timePlaceLinesFor(doc, numbers, paragraphLabel, immediateStated);
  return [
    { label: 'Plats och tid', lines: [m.place, timeAndDate(doc)] },
    { label: 'Beslutande', lines: [PER_ATTENDANCE_LIST] },
    { label: 'Övriga närvarande', lines: [PER_ATTENDANCE_LIST] },
    { label: 'Justerare', lines: m.justerare.map((j) => people.name(j)) },
    { label: 'Tid och plats för justering', lines: justering },
  ];
}

/** Everyone who must sign the protocol, with their signature field names. */
export function requiredSigners(doc: MeetingDocument, people: People): Signer[] {
  const m = doc.meeting;
  return [
    { field: 'sig-sekreterare', role: 'Sekreterare', name: people.name(m.secretary) },
    { field: 'sig-ordforande', role: 'Ordförande', name: people.name(m.chair) },
    ...m.justerare.map((j, i) => ({ field: `sig-justerare-${i + 1}`, role: 'Justerare', name: people.name(j) })),
  ];
}

/** The §§ a document covers, checked against the meeting. */
export function selectParagraphs(doc: MeetingDocument, numbers: readonly number[] | undefined): MeetingDocument['paragraphs'] {
  if (numbers === undefined) return doc.paragraphs;
  const wanted = new Set(numbers);
  const missing = [...wanted].filter((n) => !doc.paragraphs.some((p) => p.number === n));
  if (missing.length > 0) {
    throw new AppError('validation', `Paragraf ${formatRanges(missing)} finns inte i sammanträdet. Välj bland §§ ${formatRanges(doc.paragraphs.map((p) => p.number))}.`);
  }
  if (wanted.size === 0) throw new AppError('validation', 'Välj minst en paragraf.');
  return doc.paragraphs.filter((p) => wanted.has(p.number));
}
