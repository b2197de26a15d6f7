// The view models the document templates render. Plain, serialisable data (it crosses a
// worker boundary) with every name resolved and every label worded: templates only lay it out.
import type { Block, RichText } from '../format/richtext';

export type { Block, RichText };

export type DocumentKind = 'protocol' | 'kallelse' | 'extract' | 'notice';

/** PDF metadata; dates are ISO 8601 date-times so the same input renders the same bytes. */
export interface DocumentMeta {
  title: string;
  /** The board, as archives expect the author of a protocol. */
  author: string;
  subject: string;
  keywords: string[];
  language: 'sv-SE';
  createdAt: string;
  modifiedAt: string;
}

/** Printed at the top of every page. */
export interface PageHeaderData {
  /** "LULEÅ KOMMUN". */
  organisation: string;
  /** "SAMMANTRÄDESPROTOKOLL", "KALLELSE", … */
  documentType: string;
  board: string;
  /** Meeting date, ÅÅÅÅ-MM-DD. */
  date: string;
}

/** The signature boxes at the foot of every protocol page. */
export interface PageFooterData {
  boxes: { label: string; text?: string }[];
}

/** A left-column label with one or more value lines ("Plats och tid" → "Teams", "09:00-10:30, 2020-11-05"). */
export interface LabeledValue {
  label: string;
  lines: string[];
}

export interface SignaturePlace {
  role: string;
  name: string;
  /** "[Digitalt signerat, se sista sidan]" when signed digitally, else a line is drawn. */
  signature?: string;
}

export interface BevisData {
  heading: string;
  text: string;
  rows: LabeledValue[];
  signatory: { label: string; name: string };
}

export interface AttendanceRow {
  name: string;
  party: string;
  organisation: string;
  remark: string;
}

export interface AttendanceGroup {
  heading: string;
  rows: AttendanceRow[];
}

/** "Beslutande" (serving members and substitutes) and "Övriga närvarande" (present, officials). */
export interface AttendanceSection {
  heading: string;
  groups: AttendanceGroup[];
}

export interface AttendanceList {
  heading: string;
  sections: AttendanceSection[];
}

/** A sentence about a person ("X (M) reserverar sig mot beslutet.") and an optional text under it. */
export interface Statement {
  text: string;
  detail?: string;
}

export interface VoteRow {
  name: string;
  party: string;
  choice: 'Ja' | 'Nej' | 'Avstår';
}

export interface VoteView {
  kind: 'open' | 'closed';
  /** "Ja = bifall till ordförandens förslag". */
  legend: string[];
  rows: VoteRow[];
  totals: { ja: number; nej: number; avstar: number };
  /** The sentence stating how the vote went and what the board thereby decided. */
  result: string;
}

export type ParagraphSection =
  | { kind: 'decision'; heading: string; numbered: boolean; points: RichText[] }
  | { kind: 'text'; heading?: string; blocks: RichText }
  | { kind: 'list'; heading: string; items: string[] }
  | { kind: 'statements'; heading: string; items: Statement[] }
  | { kind: 'vote'; heading: string; vote: VoteView };

export interface ParagraphView {
  number: number;
  /** "§ 20". */
  label: string;
  title: string;
  /** "Ärendenr 2019/258 (Luleå kommun)". */
  caseNumber?: string;
  /** "Sekretess enligt 21 kap. 7 § OSL" when the whole § is confidential. */
  confidential?: string;
  /** Who arrived, left or stepped in at this §. */
  presenceNotes: string[];
  sections: ParagraphSection[];
}

export type AttachmentView =
  | { kind: 'document'; title: string; paragraph: number; sections: { heading: string; body: RichText }[] }
  /** A PDF appended page by page; `data` is base64. */
  | { kind: 'file'; title: string; paragraph: number; filename: string; data: string };

export interface Signer {
  /** The signature field name, e.g. "sig-ordforande". */
  field: string;
  role: string;
  name: string;
}

export interface SignaturePageData {
  heading: string;
  intro: string[];
  signers: Signer[];
}

export interface ProtocolData {
  kind: 'protocol';
  meta: DocumentMeta;
  header: PageHeaderData;
  footer: PageFooterData;
  title: string;
  firstPage: {
    rows: LabeledValue[];
    signatures: SignaturePlace[];
    bevis: BevisData;
  };
  attendance: AttendanceList;
  paragraphs: ParagraphView[];
  /** The reference template starts each § on a new page. */
  paragraphsStartNewPage: boolean;
  attachments: AttachmentView[];
  signaturePage: SignaturePageData;
}

export interface AgendaItem {
  number: string;
  title: string;
  caseNumber?: string;
  documents: string[];
}

export interface KallelseData {
  kind: 'kallelse';
  meta: DocumentMeta;
  header: PageHeaderData;
  title: string;
  rows: LabeledValue[];
  called: AttendanceGroup[];
  notes: string[];
  agendaHeading: string;
  agenda: AgendaItem[];
  signatures: { role: string; name: string }[];
}

export interface ExtractData {
  kind: 'extract';
  meta: DocumentMeta;
  header: PageHeaderData;
  footer: PageFooterData;
  title: string;
  rows: LabeledValue[];
  attendance: AttendanceList;
  paragraphs: ParagraphView[];
  paragraphsStartNewPage: boolean;
  certification: {
    heading: string;
    text: string;
    rows: LabeledValue[];
    signer: Signer;
  };
}

export interface NoticeData {
  kind: 'notice';
  meta: DocumentMeta;
  header: PageHeaderData;
  title: string;
  intro: string;
  rows: LabeledValue[];
  appeal: { heading: string; paragraphs: string[] };
  signer: Signer;
}

export type DocumentData = ProtocolData | KallelseData | ExtractData | NoticeData;
