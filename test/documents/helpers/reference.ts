// The reference meeting (Norrbottens e-nämnd 2020-11-05) as parsed data, and the options the
// tests render it with.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { meetingDocumentSchema, type MeetingDocument } from '../../../core/format/meeting';
import { appealPeriod } from '../../../core/domain/calendar';
import type { NoticePosting } from '../../../core/documents';

export const REFERENCE_PATH = fileURLToPath(new URL('../../../core/reference/e-namnden-2020-11-05.json', import.meta.url));

export function referenceMeeting(): MeetingDocument {
  return meetingDocumentSchema.parse(JSON.parse(readFileSync(REFERENCE_PATH, 'utf8')));
}

/** The moment the reference protocol's documents are produced in tests (after the last justering). */
export const GENERATED_AT = '2020-11-12T10:00:00+01:00';

/** The two postings of the seed: §§ 20-22 on 2020-11-06 and §§ 23-26 on 2020-11-12. */
export const REFERENCE_NOTICES: NoticePosting[] = [
  { paragraphs: [20, 21, 22], postedOn: '2020-11-06', takeDownOn: appealPeriod('2020-11-06').takeDown },
  { paragraphs: [23, 24, 25, 26], postedOn: '2020-11-12', takeDownOn: appealPeriod('2020-11-12').takeDown },
];
