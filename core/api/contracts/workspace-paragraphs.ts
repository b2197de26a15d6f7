// Workspace API, part 3: editing a § (every field, jäv with substitutes) and its bilagor.
import { z } from 'zod';
import { method } from './define';
import { base64Schema, javInputSchema, paragraphPatchSchema, sectionsSchema, workspaceIdSchema as id } from '../../app/workspace/schemas';
import type { JournalState } from '../../app/workspace/types';
import type { ParagraphUpdateResult } from '../../app/workspace/paragraphs';

const attachmentTitle = z.string().trim().min(1, 'Skriv bilagans rubrik.').max(500);

export const workspaceParagraphsContract = {
  'workspace.paragraphs.update': method<ParagraphUpdateResult>()(z.strictObject({ paragraphId: id, patch: paragraphPatchSchema })),
  'workspace.paragraphs.setJav': method<{ journal: JournalState }>()(z.strictObject({ paragraphId: id, jav: javInputSchema })),
  'workspace.attachments.addFile': method<{ attachmentId: string; journal: JournalState }>()(
    z.strictObject({ paragraphId: id, title: z.string().trim().max(500), filename: z.string().trim().min(1).max(300), dataBase64: base64Schema.min(8, 'Filen är tom.') }),
  ),
  'workspace.attachments.addDocument': method<{ attachmentId: string; journal: JournalState }>()(z.strictObject({ paragraphId: id, title: attachmentTitle, sections: sectionsSchema.optional() })),
  'workspace.attachments.update': method<{ journal: JournalState }>()(z.strictObject({ attachmentId: id, title: attachmentTitle.optional(), sections: sectionsSchema.optional() })),
  'workspace.attachments.remove': method<{ journal: JournalState }>()(z.strictObject({ attachmentId: id })),
  'workspace.attachments.move': method<{ journal: JournalState }>()(z.strictObject({ attachmentId: id, direction: z.enum(['up', 'down']) })),
  'workspace.attachments.get': method<{ title: string; filename: string; mediaType: string; dataBase64: string }>()(z.strictObject({ attachmentId: id })),
} as const;
