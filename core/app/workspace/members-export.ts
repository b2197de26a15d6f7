// The member list of a board as a CSV file in the import's format (workspace.members.import reads
// it back), semicolon-separated UTF-8 with BOM as Excel on Swedish Windows expects. The E-post
// column is always written: the list is the board's register of its elected members, whose work
// addresses the municipality publishes anyway, and the kallelse needs them (docs/workspace.md).
// e-ID identifiers are personal data of another kind (personnummer): they are written only when
// asked for (`includeIdentifiers`, CLI --med-identiteter), and the audit log records which kind
// of export was made.
import { AppError } from '../../api/errors';
import type { MemberRole } from '../../format/meeting';
import type { WorkspaceDeps } from './deps';
import { IDENTIFIER_COLUMNS, columnTitles } from './csv';

const ROLE: Record<MemberRole, string> = {
  ordforande: 'Ordförande',
  vice_ordforande: 'Vice ordförande',
  andre_vice_ordforande: 'Andre vice ordförande',
  ledamot: 'Ledamot',
  ersattare: 'Ersättare',
};

function csvCell(v: string): string {
  return /[;"\r\n]/.test(v) || v !== v.trim() ? `"${v.replace(/"/g, '""')}"` : v;
}

/** The whole value as people write it: a personnummer with its dash. */
function written(kind: string, value: string): string {
  return kind === 'personnummer' ? `${value.slice(0, 8)}-${value.slice(8)}` : value;
}

export function exportMembers(deps: WorkspaceDeps, input: { boardId: string; includeIdentifiers?: boolean | undefined }): { fileName: string; csv: string; members: number; identifiers: number } {
  const board = deps.ws.getBoard(input.boardId);
  if (board === null) throw new AppError('not_found', 'Nämnden finns inte.');
  const include = input.includeIdentifiers === true;
  if (include && deps.identity === undefined) throw new AppError('internal', 'Identifierare kan inte exporteras här.');
  const active = deps.ws.listAssignments(input.boardId).filter((a) => a.retiredOn === null);
  const base = ['name', 'role', 'party', 'represents', 'termStart', 'termEnd', 'substituteOrder', 'substituteFor', 'email'] as const;
  const header = [...base.map((c) => columnTitles[c]), ...(include ? IDENTIFIER_COLUMNS.map((k) => columnTitles[k]) : [])];
  let identifiers = 0;
  const rows = active.map((a) => {
    const cells = [
      deps.ws.personName(a.personId) ?? '',
      ROLE[a.role],
      a.party ?? '',
      a.represents ?? '',
      a.termStart,
      a.termEnd,
      a.substituteOrder === null ? '' : String(a.substituteOrder),
      a.substituteForPersonId === null ? '' : (deps.ws.personName(a.substituteForPersonId) ?? ''),
      deps.ws.personEmail(a.personId) ?? '',
    ];
    if (include) {
      const ids = deps.identity?.identifiers(a.personId) ?? [];
      identifiers += ids.length;
      for (const kind of IDENTIFIER_COLUMNS)
        cells.push(
          ids
            .filter((i) => i.kind === kind)
            .map((i) => written(i.kind, i.value))
            .join(' | '),
        );
    }
    return cells.map(csvCell).join(';');
  });
  const csv = `\uFEFF${[header.join(';'), ...rows].join('\r\n')}\r\n`;
  deps.store.transaction(() =>
    deps.store.audit({ action: 'members.exported', entity: 'board', entityId: input.boardId, details: { members: active.length, includeIdentifiers: include, identifiers } }),
  );
  const safe = (board.shortName ?? board.name)
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-|-$/g, '')
    .toLowerCase();
  return { fileName: `ledamoter-${safe || 'namnd'}${include ? '-med-identiteter' : ''}.csv`, csv, members: active.length, identifiers };
}
