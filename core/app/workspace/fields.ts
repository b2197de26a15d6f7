// Between a stored § (row + JSON content) and its editable fields; the content keeps the key
// order of the file format so stored and exported JSON stay stable.
import { withVoteList, type Paragraph } from '../../format/meeting';
import type { ParagraphFieldName, ParagraphFields } from './journal-types';
import type { ParagraphContent, ParagraphRow } from './ports';

export const paragraphFieldNames: readonly ParagraphFieldName[] = [
  'title',
  'caseNumber',
  'decision',
  'summary',
  'description',
  'body',
  'decisionDocuments',
  'motions',
  'propositionOrder',
  'votes',
  'reservations',
  'protocolNotes',
  'jav',
  'distribution',
  'tasks',
  'appeal',
  'immediatelyAdjusted',
  'confidential',
  'chair',
];

/** Swedish names of the fields, for the journal's labels. */
export const paragraphFieldLabels: Record<ParagraphFieldName, string> = {
  title: 'Rubrik',
  caseNumber: 'Ärendenummer',
  decision: 'Beslut',
  summary: 'Sammanfattning',
  description: 'Beskrivning',
  body: 'Text',
  decisionDocuments: 'Beslutsunderlag',
  motions: 'Yrkanden',
  propositionOrder: 'Propositionsordning',
  votes: 'Omröstningar',
  reservations: 'Reservationer',
  protocolNotes: 'Protokollsanteckningar',
  jav: 'Jäv',
  distribution: 'Expedieras till',
  tasks: 'Uppdrag att följa upp',
  appeal: 'Överklagande',
  immediatelyAdjusted: 'Omedelbar justering',
  confidential: 'Sekretess',
  chair: 'Ordförande under paragrafen',
};

export function allFields(row: ParagraphRow): ParagraphFields {
  const c = row.content;
  return {
    title: row.title,
    caseNumber: row.caseNumber,
    decision: c.decision ?? null,
    summary: c.summary ?? null,
    description: c.description ?? null,
    body: c.body ?? null,
    propositionOrder: c.propositionOrder ?? null,
    votes: withVoteList(c).votes ?? [],
    decisionDocuments: c.decisionDocuments ?? [],
    motions: c.motions ?? [],
    reservations: c.reservations ?? [],
    protocolNotes: c.protocolNotes ?? [],
    jav: c.jav ?? [],
    distribution: c.distribution ?? [],
    tasks: c.tasks ?? [],
    appeal: c.appeal ?? null,
    immediatelyAdjusted: row.immediatelyAdjusted,
    confidential: row.confidentialProvision,
    // A journal entry or a row written before the field existed has none.
    chair: c.chair ?? null,
  };
}

export function pickFields(row: ParagraphRow, names: readonly ParagraphFieldName[]): Partial<ParagraphFields> {
  const all = allFields(row);
  const out: Partial<Record<ParagraphFieldName, unknown>> = {};
  for (const n of names) out[n] = all[n];
  return out as Partial<ParagraphFields>;
}

/** The row after setting `fields`. */
export function withFields(row: ParagraphRow, fields: Partial<ParagraphFields>): ParagraphRow {
  // A journal entry written before format version 3 names the single `vote`.
  const f: ParagraphFields = { ...allFields(row), ...(withVoteList(fields) as Partial<ParagraphFields>) };
  return {
    ...row,
    title: f.title,
    caseNumber: f.caseNumber,
    immediatelyAdjusted: f.immediatelyAdjusted,
    confidentialProvision: f.confidential,
    content: contentOf(f),
  };
}

export function contentOf(f: ParagraphFields): ParagraphContent {
  const c: ParagraphContent = {
    decisionDocuments: f.decisionDocuments,
    motions: f.motions,
    reservations: f.reservations,
    protocolNotes: f.protocolNotes,
    jav: f.jav,
    distribution: f.distribution,
    tasks: f.tasks,
    votes: f.votes,
  };
  // Rebuilt in the format's key order, optional fields only when present.
  const ordered: Record<string, unknown> = {};
  if (f.decision !== null) ordered.decision = f.decision;
  if (f.summary !== null) ordered.summary = f.summary;
  if (f.description !== null) ordered.description = f.description;
  if (f.body !== null) ordered.body = f.body;
  ordered.decisionDocuments = c.decisionDocuments;
  ordered.motions = c.motions;
  if (f.propositionOrder !== null) ordered.propositionOrder = f.propositionOrder;
  ordered.votes = c.votes;
  ordered.reservations = c.reservations;
  ordered.protocolNotes = c.protocolNotes;
  ordered.jav = c.jav;
  if (f.chair !== null) ordered.chair = f.chair;
  ordered.distribution = c.distribution;
  ordered.tasks = c.tasks;
  if (f.appeal !== null) ordered.appeal = f.appeal;
  return ordered as unknown as ParagraphContent;
}

/** The § in the file format (person references as ids), without its attachments. */
export function paragraphOf(row: ParagraphRow): Omit<Paragraph, 'attachments'> {
  return {
    number: row.number,
    title: row.title,
    ...(row.caseNumber === null ? {} : { caseNumber: row.caseNumber }),
    ...withVoteList(row.content),
    immediatelyAdjusted: row.immediatelyAdjusted,
    ...(row.confidentialProvision === null ? {} : { confidential: { provision: row.confidentialProvision } }),
  };
}

export function emptyContent(): ParagraphContent {
  return { decisionDocuments: [], motions: [], votes: [], reservations: [], protocolNotes: [], jav: [], distribution: [], tasks: [] };
}
