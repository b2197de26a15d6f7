// Workspace API, part 1: organisations, boards, members (with CSV import) and officials.
import { z } from 'zod';
import { method } from './define';
import { base64Schema, boardFieldsSchema, memberAddSchema, memberUpdateSchema, officialFieldsSchema, organisationFieldsSchema, workspaceIdSchema as id } from '../../app/workspace/schemas';
import { isoDateSchema } from '../../format/meeting';
import type { BoardDetails } from '../../app/workspace/types';

export const workspaceBoardsContract = {
  'workspace.organisations.create': method<{ organisationId: string }>()(organisationFieldsSchema),
  'workspace.organisations.update': method<{ ok: true }>()(z.strictObject({ organisationId: id, patch: organisationFieldsSchema.partial() })),
  'workspace.boards.create': method<{ boardId: string }>()(boardFieldsSchema.extend({ organisationId: id })),
  'workspace.boards.update': method<{ ok: true }>()(z.strictObject({ boardId: id, patch: boardFieldsSchema.partial() })),
  'workspace.boards.get': method<BoardDetails>()(z.strictObject({ boardId: id })),
  'workspace.members.add': method<{ assignmentId: string; personId: string }>()(memberAddSchema),
  'workspace.members.update': method<{ ok: true }>()(memberUpdateSchema),
  'workspace.members.retire': method<{ ok: true }>()(z.strictObject({ assignmentId: id, retiredOn: isoDateSchema.nullable() })),
  'workspace.members.import': method<{ imported: number }>()(
    z.strictObject({
      boardId: id,
      fileName: z.string().max(300).optional(),
      dataBase64: base64Schema.max(14_000_000, 'Filen är för stor för en ledamotslista (högst 10 MB).'),
      termStart: isoDateSchema.optional(),
      termEnd: isoDateSchema.optional(),
    }),
  ),
  'workspace.members.export': method<{ fileName: string; csv: string; members: number; identifiers: number }>()(z.strictObject({ boardId: id, includeIdentifiers: z.boolean().optional() })),
  'workspace.officials.add': method<{ officialId: string; personId: string }>()(officialFieldsSchema.extend({ boardId: id, name: z.string().trim().min(1, 'Skriv tjänstepersonens namn.').max(200) })),
  'workspace.officials.update': method<{ ok: true }>()(officialFieldsSchema.extend({ officialId: id, name: z.string().trim().min(1, 'Skriv tjänstepersonens namn.').max(200).optional() })),
  'workspace.officials.remove': method<{ ok: true }>()(z.strictObject({ officialId: id })),
} as const;
