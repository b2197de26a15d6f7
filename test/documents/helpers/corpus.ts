// The documents of the history-independence tests: the reference meeting, the fixture meeting
// and the letter meetings (test/fixtures/documents/letters.ts), each through the paths the app
// renders by: the live preview (draft data, reuse of typeset §-runs), the freeze at justering
// (a group's protocol), extract, public version, notice and kallelse.
import { createHash } from 'node:crypto';
import { buildExtractData, buildKallelseData, buildNoticeData, buildProtocolData, draftProtocolData } from '../../../core/documents';
import { publicDocument, publicProtocolData, signatureLines } from '../../../core/app/anslag/public';
import { restrictTo } from '../../../core/documents/extract';
import type { MeetingDocument } from '../../../core/format/meeting';
import { renderDocument, type RenderResult } from '../../../templates/render';
import { LETTER_VARIANTS, letterMeeting } from '../../fixtures/documents/letters';
import { fixtureMeeting } from '../../fixtures/documents/meeting';
import { GENERATED_AT, referenceMeeting } from './reference';

export type JobKind = 'preview' | 'freeze' | 'extract' | 'public' | 'notice' | 'kallelse';
export interface Job {
  /** "<meeting>:<kind>". */
  id: string;
  meeting: string;
  kind: JobKind;
}

const AT: Record<string, string> = { reference: GENERATED_AT, fixture: '2025-12-03T09:00:00+01:00' };
const LETTER_AT = '2025-11-07T10:00:00+01:00';

export async function meetingNamed(name: string): Promise<MeetingDocument> {
  if (name === 'reference') return referenceMeeting();
  if (name === 'fixture') return fixtureMeeting();
  const variant = LETTER_VARIANTS.find((v) => v.id === name);
  if (variant === undefined) throw new Error(`okänt sammanträde i korpusen: ${name}`);
  return letterMeeting(variant);
}

export function job(id: string): Job {
  const [meeting, kind] = id.split(':') as [string, JobKind];
  return { id, meeting, kind };
}

/** Renders one job the way the app does for that kind of document. */
export async function renderJob(j: Job): Promise<RenderResult> {
  const doc = await meetingNamed(j.meeting);
  const at = AT[j.meeting] ?? LETTER_AT;
  const numbers = doc.paragraphs.map((p) => p.number);
  const some = numbers.length > 2 ? numbers.slice(1, 3) : numbers;
  switch (j.kind) {
    case 'preview':
      return renderDocument(draftProtocolData(doc, at), { reuseParts: true });
    case 'freeze':
      return renderDocument(buildProtocolData(restrictTo(doc, some), { generatedAt: at }));
    case 'extract':
      return renderDocument(buildExtractData(doc, { generatedAt: at, paragraphs: some }));
    case 'public': {
      const lines = signatureLines(doc, [{ paragraphs: numbers, on: at.slice(0, 10) }], []);
      return renderDocument(publicProtocolData({ paragraphs: numbers, document: publicDocument(doc, numbers), signatureLines: lines }, at));
    }
    case 'notice':
      return renderDocument(buildNoticeData(doc, { generatedAt: at, paragraphs: some, postedOn: at.slice(0, 10) }));
    case 'kallelse':
      return renderDocument(buildKallelseData(doc, { generatedAt: at }));
    default: {
      const never: never = j.kind;
      return never;
    }
  }
}

/**
 * The bytes with what may differ between two renders of the same data blanked out: the
 * trailer /ID and the dates (Info and XMP). Everything else must be equal byte for byte.
 */
export function normalisedPdf(pdf: Uint8Array): Buffer {
  const text = Buffer.from(pdf).toString('latin1');
  const out = text
    .replace(/\/ID\s*\[\s*<[0-9A-Fa-f]*>\s*<[0-9A-Fa-f]*>\s*\]/g, (m) => ' '.repeat(m.length))
    .replace(/\/(CreationDate|ModDate)\s*\(D:[^)]*\)/g, (m) => ' '.repeat(m.length))
    .replace(/<(xmp:CreateDate|xmp:ModifyDate|xmp:MetadataDate)>[^<]*<\/\1>/g, (m) => ' '.repeat(m.length));
  return Buffer.from(out, 'latin1');
}

export function digest(pdf: Uint8Array): string {
  return createHash('sha256').update(normalisedPdf(pdf)).digest('hex');
}
