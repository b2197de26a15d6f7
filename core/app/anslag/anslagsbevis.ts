// The anslagsbevis (the "BEVIS/ANSLAG" attestation): the protocol is adjusted and the adjustment
// has been announced by a notice, with the dates of every posted group. Its dates exist only
// after the signatures, so it is a document of its own with its own signature, never an edit of
// the signed protocol.
import { AppError } from '../../api/errors';
import type { MeetingDocument } from '../../format/meeting';
import { paragraphLabel } from '../../domain/numbering';
import { headerOf, metaOf } from '../../documents/common';
import { genitive, peopleOf } from '../../documents/people';
import type { DocumentMeta, LabeledValue, PageHeaderData, Signer } from '../../documents/types';

export const ANSLAGSBEVIS_FIELD = 'sig-anslagsbevis';

export interface AnslagsbevisPosting {
  paragraphs: number[];
  postedOn: string;
  takeDownOn: string;
}

export interface AnslagsbevisData {
  kind: 'anslagsbevis';
  meta: DocumentMeta;
  header: PageHeaderData;
  title: string;
  box: {
    heading: string;
    text: string;
    rows: LabeledValue[];
  };
  notes: string[];
  signer: Signer;
}

/** "§§ 20-22: uppsatt 2020-11-06, nedtas 2020-11-28". */
export function postingLine(p: AnslagsbevisPosting): string {
  return `${paragraphLabel(p.paragraphs)}: uppsatt ${p.postedOn}, nedtas ${p.takeDownOn}`;
}

export function buildAnslagsbevisData(doc: MeetingDocument, postings: readonly AnslagsbevisPosting[], opts: { generatedAt: string }): AnslagsbevisData {
  if (postings.length === 0) {
    throw new AppError('validation', 'Inget anslag är registrerat för sammanträdet ännu. Sätt upp anslaget först; anslagsbeviset upprättas därefter.');
  }
  const people = peopleOf(doc);
  const signatory = doc.meeting.noticeSignatory ?? doc.meeting.secretary;
  const sorted = [...postings].sort((a, b) => (a.postedOn < b.postedOn ? -1 : a.postedOn > b.postedOn ? 1 : (a.paragraphs[0] ?? 0) - (b.paragraphs[0] ?? 0)));
  const all = sorted.flatMap((p) => p.paragraphs);
  const label = paragraphLabel(all);
  const board = doc.board.shortName ?? doc.board.name;
  return {
    kind: 'anslagsbevis',
    meta: metaOf(doc, `Anslagsbevis ${doc.board.name} ${doc.meeting.date} ${label}`, `Bevis om anslag av justerat protokoll ${label}`, opts.generatedAt, [
      'anslagsbevis',
      'anslag',
      doc.board.name,
      doc.meeting.date,
    ]),
    header: headerOf(doc, 'ANSLAGSBEVIS'),
    title: 'Bevis om anslag',
    box: {
      heading: 'BEVIS/ANSLAG',
      text: `${genitive(board)} protokoll är justerat. Justeringen har tillkännagivits genom anslag.`,
      rows: [
        { label: 'Organ', lines: [doc.board.name] },
        { label: 'Sammanträdesdatum', lines: [doc.meeting.date] },
        { label: 'Anslag', lines: sorted.map(postingLine) },
        { label: 'Förvaringsplats för protokollet', lines: [doc.board.storagePlace] },
      ],
    },
    notes: [
      'Beviset upprättas som ett eget dokument när anslaget har satts upp och bestyrks med en egen digital underskrift. Det justerade protokollet ändras inte.',
      'Anslaget får tas ned tidigast dagen efter sista dag för överklagande (13 kap. 5 § kommunallagen).',
    ],
    signer: { field: ANSLAGSBEVIS_FIELD, role: 'Underskrift', name: people.name(signatory) },
  };
}
