// The shapes of the change journal behind undo/redo: each entry holds the state before and after
// a change as a list of parts; undo applies `before`, redo applies `after`.
import type { Appeal, Paragraph, Task } from '../../format/meeting';
import type { AttachmentRow, AttendanceRow, MeetingHeader, ParagraphContent } from './ports';

/** Every editable field of a §, optional ones as null when absent. */
export interface ParagraphFields {
  title: string;
  caseNumber: string | null;
  decision: NonNullable<Paragraph['decision']> | null;
  summary: NonNullable<Paragraph['summary']> | null;
  description: NonNullable<Paragraph['description']> | null;
  body: NonNullable<Paragraph['body']> | null;
  propositionOrder: NonNullable<Paragraph['propositionOrder']> | null;
  /** The votes in the order they were held (none: an empty list). */
  votes: Paragraph['votes'];
  decisionDocuments: string[];
  motions: Paragraph['motions'];
  reservations: Paragraph['reservations'];
  protocolNotes: Paragraph['protocolNotes'];
  jav: Paragraph['jav'];
  distribution: string[];
  tasks: Task[];
  /** How the decision is appealed; null: laglighetsprövning (the default). */
  appeal: Appeal | null;
  immediatelyAdjusted: boolean;
  /** OSL provision when the whole § is confidential. */
  confidential: string | null;
  /** Who chaired the § in the meeting chair's place (paragraphs[].chair); null: not recorded. */
  chair: string | null;
}

export type ParagraphFieldName = keyof ParagraphFields;

/** A § as stored, to re-create it when a removal is undone. */
export interface StoredParagraph {
  id: string;
  number: number;
  title: string;
  caseNumber: string | null;
  content: ParagraphContent;
  immediatelyAdjusted: boolean;
  confidentialProvision: string | null;
  attachments: AttachmentRow[];
}

export type JournalPart =
  | { kind: 'paragraph'; paragraphId: string; fields: Partial<ParagraphFields> }
  | { kind: 'meeting'; fields: Partial<MeetingHeader> }
  | { kind: 'attendance'; rows: AttendanceRow[] }
  /** The agenda: which §§ exist and their numbers; `rows` re-creates those missing. */
  | { kind: 'structure'; order: { id: string; number: number }[]; rows: StoredParagraph[]; firstNumber: number }
  /** Attachments of one §: each listed attachment as it was (null: did not exist). */
  | { kind: 'attachments'; paragraphId: string; rows: { id: string; row: AttachmentRow | null }[] };

export interface JournalEntry {
  id: number;
  meetingId: string;
  label: string;
  coalesceKey: string | null;
  before: JournalPart[];
  after: JournalPart[];
  undone: boolean;
  at: string;
  updatedAt: string;
}
