// App information, organisations, boards, whole meetings (list, read, import, export) and demo data.
import { z } from 'zod';
import type { MeetingDocument } from '../../format/meeting';
import type { MeetingView } from '../../app/meetings';
import type { BoardSummary, MeetingSummary, OrganisationSummary } from '../../app/ports';
import { emptyInput, idSchema, method } from './define';

export interface AppInfo {
  name: string;
  version: string;
  /** Where the data lives (shown to the user; IT may move it with --data-dir). */
  databasePath: string;
  transport: 'ipc' | 'http' | 'in-process';
}

export const coreContract = {
  'app.info': method<AppInfo>()(emptyInput),
  'organisations.list': method<OrganisationSummary[]>()(emptyInput),
  'boards.list': method<BoardSummary[]>()(emptyInput),
  'meetings.list': method<MeetingSummary[]>()(z.strictObject({ boardId: idSchema.optional(), year: z.number().int().min(1900).max(9999).optional() })),
  'meetings.get': method<MeetingView>()(z.strictObject({ meetingId: idSchema })),
  'meetings.import': method<{ meetingId: string; boardId: string }>()(z.strictObject({ document: z.unknown() })),
  /** `includeEmail`: people's e-mail addresses in `people[].email` (left out by default). */
  'meetings.export': method<MeetingDocument>()(z.strictObject({ meetingId: idSchema, includeEmail: z.boolean().optional() })),
  'demo.load': method<{ meetingId: string; boardId: string; created: boolean }>()(emptyInput),
} as const;
