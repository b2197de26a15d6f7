// The clerk's side (anslag and public access): notices and their documents, the digital notice
// board, the public version, protokollsutdrag and the follow-up register.
import { z } from 'zod';
import { SECRECY_TREATMENTS, type CreatedExtract, type ExtractProposal, type ExtractRecord } from '../../app/anslag/extracts';
import type { DocumentInfo } from '../../app/anslag/documents';
import type { FollowUpTask, ProposalView } from '../../app/anslag/followup-tasks';
import { noticeBoardUrlSchema, noticeBoardUrlSettingSchema } from '../../app/anslag/address';
import type { NoticeBoardAddress, NoticeBoardExportResult } from '../../app/anslag/noticeboard';
import type { NoticeSummary, PendingGroup, PostResult } from '../../app/anslag/notices';
import type { PublicVersionResult } from '../../app/anslag/public';
import { documentKinds, followUpStatuses } from '../../app/anslag/ports';
import { isoDateSchema } from '../../format/meeting';
import { isAbsolutePath } from '../../domain/paths';
import { idSchema, method } from './define';

const scope = {
  organisationId: idSchema.optional(),
  boardId: idSchema.optional(),
  meetingId: idSchema.optional(),
};

const paragraphNumbers = z.array(z.number().int().min(1).max(9999)).min(1, 'Välj minst en paragraf.').max(500);
const text = (what: string, max: number) => z.string().trim().min(1, `Ange ${what}.`).max(max, `Högst ${max} tecken.`);

export const anslagContract = {
  /** Adjusted groups without a notice, with the last day to post it (KL 8 kap. 12 §). */
  'anslag.pending': method<PendingGroup[]>()(z.strictObject(scope)),
  /** Posts the notice of an adjusted group (today unless a date is given) and produces its documents. */
  'anslag.post': method<PostResult>()(z.strictObject({ groupId: idSchema, postedOn: isoDateSchema.optional() })),
  /** Notices that are up (default) or all of them, with the day each may come down. */
  'anslag.notices': method<NoticeSummary[]>()(z.strictObject({ ...scope, include: z.enum(['up', 'all']).default('up') })),
  /** Records that a notice was taken down; refused before the appeal period has run out. */
  'anslag.takeDown': method<NoticeSummary>()(z.strictObject({ noticeId: idSchema, takenDownOn: isoDateSchema.optional() })),
  /** The documents produced for a meeting (tillkännagivanden, anslagsbevis, public versions, extracts). */
  'anslag.documents': method<DocumentInfo[]>()(z.strictObject({ meetingId: idSchema, kind: z.enum(documentKinds).optional() })),
  /** One produced document with its PDF (base64). */
  'anslag.document': method<{ document: DocumentInfo; pdfBase64: string }>()(z.strictObject({ versionId: idSchema })),
  /** The public version of the adjusted §§ (masked), produced and stored unless unchanged. */
  'anslag.publicVersion': method<PublicVersionResult & { pdfBase64: string }>()(z.strictObject({ meetingId: idSchema })),

  /**
   * Writes the digital notice board of an organisation as a static site into a folder; with the
   * published address (baseUrl, else the organisation's setting) also its OParl 1.1 data.
   */
  'noticeboard.export': method<NoticeBoardExportResult>()(
    z.strictObject({
      directory: text('mappen som anslagstavlan ska skrivas till', 4096).refine(
        isAbsolutePath,
        'Ange en fullständig sökväg till mappen, t.ex. /srv/www/anslagstavla eller C:\\Anslagstavla. En ofullständig sökväg skulle hamna i programmets egen arbetsmapp.',
      ),
      today: isoDateSchema.optional(),
      organisationId: idSchema.optional(),
      baseUrl: noticeBoardUrlSchema.optional(),
    }),
  ),
  /** The address the organisation's notice board is published under (null when not set). */
  'noticeboard.address': method<NoticeBoardAddress>()(z.strictObject({ organisationId: idSchema.optional() })),
  /** Sets (or clears with null or '') the published address of the organisation's notice board. */
  'noticeboard.setAddress': method<NoticeBoardAddress>()(z.strictObject({ organisationId: idSchema.optional(), url: noticeBoardUrlSettingSchema })),

  /** Proposed recipients ("Expedieras till") for an extract of the chosen (default: all adjusted) §§. */
  'extracts.propose': method<ExtractProposal>()(z.strictObject({ meetingId: idSchema, paragraphs: paragraphNumbers.optional() })),
  /** Produces a protokollsutdrag (empty utdragsbestyrkande field) and records who gets it. */
  'extracts.create': method<CreatedExtract>()(
    z.strictObject({
      meetingId: idSchema,
      paragraphs: paragraphNumbers,
      recipients: z.array(text('mottagarens namn', 200)).max(200).default([]),
      sentOn: isoDateSchema.optional(),
      /** Secret §§ are masked unless chosen here: left out, or unmasked to entitled recipients (with the reason, recorded). */
      secrecy: z
        .array(
          z.strictObject({
            paragraph: z.number().int().min(1).max(9999),
            treatment: z.enum(SECRECY_TREATMENTS, { error: 'Välj maskera, utelämna eller omaskerat för paragrafen med sekretess.' }),
            entitlement: z.string().trim().max(500, 'Högst 500 tecken.').optional(),
          }),
        )
        .max(500)
        .default([]),
    }),
  ),
  'extracts.list': method<ExtractRecord[]>()(z.strictObject({ meetingId: idSchema })),

  /** Tasks the app reads from a meeting's decisions, for the secretary to confirm. */
  'followUp.proposals': method<ProposalView[]>()(z.strictObject({ meetingId: idSchema })),
  'followUp.confirm': method<FollowUpTask>()(
    z.strictObject({
      meetingId: idSchema,
      paragraph: z.number().int().min(1).max(9999),
      decisionPoint: z.number().int().min(1).max(999).nullable().optional(),
      responsible: text('vem som har uppdraget', 200),
      description: text('vad uppdraget gäller', 2000),
      dueOn: isoDateSchema.nullable().optional(),
      note: z.string().trim().max(2000).nullable().optional(),
    }),
  ),
  'followUp.update': method<FollowUpTask>()(
    z.strictObject({
      taskId: idSchema,
      status: z.enum(followUpStatuses),
      doneOn: isoDateSchema.nullable().optional(),
      note: z.string().trim().max(2000).nullable().optional(),
    }),
  ),
  'followUp.list': method<FollowUpTask[]>()(
    z.strictObject({
      boardId: idSchema.optional(),
      meetingId: idSchema.optional(),
      year: z.number().int().min(1900).max(9999).optional(),
      overdueOnly: z.boolean().default(false),
    }),
  ),
  /** The yearly report of a board's follow-up register, as a PDF (base64). */
  'followUp.report': method<{ fileName: string; pdfBase64: string; tasks: number }>()(z.strictObject({ boardId: idSchema, year: z.number().int().min(1900).max(9999) })),
} as const;
