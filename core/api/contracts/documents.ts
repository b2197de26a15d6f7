// The Dokument view: every produced document of a meeting (or of a board's year) with its state,
// and checking the signatures of any one of them.
import { z } from 'zod';
import type { DocumentsOverview } from '../../app/documents/overview';
import type { ValidationSummary } from '../../app/justering/types';
import { idSchema, method } from './define';

export const documentsContract = {
  /** Protocol versions per group, tillkännagivanden, anslagsbevis, protokollsutdrag and public versions, each with its signatures. */
  'documents.list': method<DocumentsOverview>()(
    z
      .strictObject({
        meetingId: idSchema.optional(),
        boardId: idSchema.optional(),
        year: z.number().int().min(1900, 'Ange ett år med fyra siffror.').max(9999, 'Ange ett år med fyra siffror.').optional(),
      })
      .refine((i) => i.meetingId !== undefined || (i.boardId !== undefined && i.year !== undefined), {
        message: 'Välj ett sammanträde, eller en nämnd och ett år.',
        path: ['meetingId'],
      }),
  ),
  /** Checks the signatures of a signed document version (any kind) as it stands now. */
  'documents.verify': method<ValidationSummary & { sha256: string; kind: string }>()(z.strictObject({ versionId: idSchema })),
} as const;
