// CSV member-list fuzzing through the API method (workspace.members.import): arbitrary bytes and
// mutated valid files (UTF-8 with and without BOM, Windows-1252 as Excel writes it, ; or ,,
// quotes, personnummer) never give an internal error, never write part of a file, and every
// problem names its row (and column where there is one) in Swedish. Valid files import whole.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { FUZZ_TIMEOUT_MS } from '../helpers/fuzz';
import type { ApiError } from '../../core/api/client';
import { decodeWindows1252 } from '../../core/app/workspace/csv';
import { rowCounts, testBackend, type TestBackend } from '../helpers/backend';

let t: TestBackend;
let boardId: string;
beforeAll(async () => {
  t = testBackend({ memory: true });
  const { organisationId } = await t.api.call('workspace.organisations.create', { name: 'Piteå kommun', kind: 'kommun' });
  boardId = (await t.api.call('workspace.boards.create', { organisationId, name: 'Kultur- och fritidsnämnden', kind: 'namnd', seats: 9, storagePlace: 'Stadshuset' })).boardId;
});
afterAll(() => t.dispose());

// ---- generating files ---------------------------------------------------------------------

const cp1252 = new Map<string, number>();
for (let b = 0; b < 256; b += 1) cp1252.set(decodeWindows1252(Uint8Array.of(b)), b);

type Encoding = 'utf8' | 'utf8-bom' | 'cp1252';
function encode(text: string, enc: Encoding): Uint8Array {
  if (enc === 'cp1252') return Uint8Array.from([...text].map((c) => cp1252.get(c) ?? 0x3f));
  const utf8 = new TextEncoder().encode(text);
  return enc === 'utf8' ? utf8 : Uint8Array.from([0xef, 0xbb, 0xbf, ...utf8]);
}

const firstNames = ['Åsa', 'Örjan', 'Märta', 'Linnéa', 'Ölle', 'Anna', 'Per-Erik', 'Zoë', 'Jörgen'];
const lastNames = ['Öberg', 'Ström', 'Nilsson, jr', 'Åkesson', 'Mäki', 'Lindé', 'O"Brien', 'Sjöberg'];
const roles = ['Ordförande', 'Vice ordförande', '2:e vice ordförande', 'Ledamot', 'ledamot', 'Ersättare', 'ers.', 'ordf.'];
const parties = ['S', 'M', 'C', 'V', 'KD', 'L', 'MP', 'SD', ''];

interface Member {
  name: string;
  role: string;
  party: string;
  from: string;
  to: string;
}

const member = (i: number): fc.Arbitrary<Member> =>
  fc.record({
    name: fc.tuple(fc.constantFrom(...firstNames), fc.constantFrom(...lastNames)).map(([f, l]) => `${f} ${l} ${i}`),
    role: fc.constantFrom(...roles),
    party: fc.constantFrom(...parties),
    from: fc.constantFrom('2023-01-01', '2022-10-15'),
    to: fc.constantFrom('2026-12-31', '2026-10-14'),
  });

const file = fc
  .record({
    sep: fc.constantFrom(';', ','),
    eol: fc.constantFrom('\r\n', '\n'),
    enc: fc.constantFrom<Encoding>('utf8', 'utf8-bom', 'cp1252'),
    quoteAll: fc.boolean(),
    count: fc.integer({ min: 1, max: 8 }),
  })
  .chain((f) => fc.tuple(fc.constant(f), fc.tuple(...Array.from({ length: f.count }, (_, i) => member(i + 1)))));

function cell(v: string, sep: string, quoteAll: boolean): string {
  return quoteAll || v.includes(sep) || v.includes('"') || v.includes('\n') ? `"${v.replace(/"/g, '""')}"` : v;
}

function csvText(f: { sep: string; eol: string; quoteAll: boolean }, members: Member[]): string {
  const rows = [['Namn', 'Roll', 'Parti', 'Mandat från', 'Mandat till'], ...members.map((m) => [m.name, m.role, m.party, m.from, m.to])];
  return rows.map((r) => r.map((c) => cell(c, f.sep, f.quoteAll)).join(f.sep)).join(f.eol) + f.eol;
}

// Mutations of the text (before encoding) and of the bytes (after).
const nasty = ['"', ';', ',', '\n', '\r', '\t', '""', '\u0000', '19800101-1234', '800101-1234', 'Personnummer', '=HYPERLINK("x")', 'ÅÄÖ', '€', '2023-02-30', '99', ' '];
const textEdit = fc.oneof(
  fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), what: fc.constantFrom(...nasty) }),
  fc.record({ kind: fc.constant('delete' as const), at: fc.nat(), len: fc.integer({ min: 1, max: 12 }) }),
  fc.record({ kind: fc.constant('column' as const), what: fc.constantFrom('Personnummer', 'Namn', 'Roll', '', 'E-post') }),
  fc.record({ kind: fc.constant('duplicate-row' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('truncate' as const), at: fc.nat() }),
);
type TextEdit = typeof textEdit extends fc.Arbitrary<infer T> ? T : never;

function applyText(text: string, e: TextEdit): string {
  const at = 'at' in e ? e.at % (text.length + 1) : 0;
  switch (e.kind) {
    case 'insert':
      return text.slice(0, at) + e.what + text.slice(at);
    case 'delete':
      return text.slice(0, at) + text.slice(at + e.len);
    case 'column': {
      const [head = '', ...rest] = text.split(/(?<=\n)/);
      const sep = head.includes(';') ? ';' : ',';
      return [head.replace(/(\r?\n)$/, `${sep}${e.what}$1`), ...rest.map((l) => l.replace(/(\r?\n)$/, `${sep}19800101-1234$1`))].join('');
    }
    case 'duplicate-row': {
      const lines = text.split(/(?<=\n)/);
      const i = lines.length > 1 ? 1 + (e.at % (lines.length - 1)) : 0;
      return [...lines.slice(0, i + 1), lines[i] ?? '', ...lines.slice(i + 1)].join('');
    }
    case 'truncate':
      return text.slice(0, at);
  }
}

const byteEdit = fc.record({ at: fc.nat(), byte: fc.integer({ min: 0, max: 255 }) });

// ---- the property -----------------------------------------------------------------------

const b64 = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64');

function assignments(): number {
  return (t.backend.db.$client.prepare('SELECT count(*) AS n FROM assignments WHERE board_id = ?').get(boardId) as { n: number }).n;
}

/** Imports, then checks: accepted → every row in, and undone for the next case; refused → nothing written. */
async function importAndCheck(bytes: Uint8Array, expectRows?: number): Promise<'ok' | 'refused'> {
  const before = rowCounts(t.backend);
  const r = await t.backend.dispatch('workspace.members.import', { boardId, dataBase64: b64(bytes), termStart: '2023-01-01', termEnd: '2026-12-31' });
  if (r.ok) {
    const { imported } = r.value as { imported: number };
    expect(imported).toBeGreaterThan(0);
    if (expectRows !== undefined) expect(imported).toBe(expectRows);
    expect(assignments()).toBe(imported);
    t.backend.db.$client.prepare('DELETE FROM assignments WHERE board_id = ?').run(boardId);
    return 'ok';
  }
  const e = r.error as Pick<ApiError, 'code' | 'message' | 'details'>;
  expect(e.code, e.message).not.toBe('internal');
  expect(e.code).toBe('validation');
  expect(e.message).toMatch(/ingenting har importerats|Filen/);
  const issues = e.details?.issues ?? [];
  expect(issues.length).toBeGreaterThan(0);
  // Leaked program text (an undefined or NaN in a template, an error's toString) is a fault, but a
  // message may quote the file's own text: a header cut to "Na" and doubled reads "NaNa", and
  // 'Okänd kolumn "NaNa"' is the right message. Such a word counts only when the file lacks it
  // (the words are ASCII, so latin1 finds them in UTF-8 and Windows-1252 alike).
  const fileText = Buffer.from(bytes).toString('latin1');
  for (const i of issues) {
    expect(i.path).toMatch(/^rad \d+(, .+)?$/);
    expect(i.message.length).toBeGreaterThan(5);
    const leaked = [...i.message.matchAll(/undefined|NaN|\[object|Error:|TypeError/g)].map((m) => m[0]).filter((w) => !fileText.includes(w));
    expect(leaked, i.message).toEqual([]);
  }
  const after = rowCounts(t.backend);
  expect({ ...after, audit_log: 0 }).toEqual({ ...before, audit_log: 0 });
  return 'refused';
}

describe('CSV member import fuzzing', () => {
  it(
    'valid files in every encoding and separator import every row, names intact',
    async () => {
      await fc.assert(
        fc.asyncProperty(file, async ([f, members]) => {
          const bytes = encode(csvText(f, members), f.enc);
          const before = rowCounts(t.backend);
          const r = await t.api.call('workspace.members.import', { boardId, dataBase64: b64(bytes), termStart: '2023-01-01', termEnd: '2026-12-31' });
          expect(r.imported).toBe(members.length);
          const board = await t.api.call('workspace.boards.get', { boardId });
          expect(board.members.map((m) => m.name).sort()).toEqual(members.map((m) => m.name).sort());
          t.backend.db.$client.prepare('DELETE FROM assignments WHERE board_id = ?').run(boardId);
          expect(rowCounts(t.backend).assignments).toBe(before.assignments);
        }),
        { numRuns: 40 },
      );
    },
    FUZZ_TIMEOUT_MS,
  );

  it(
    'mutated files: refused whole with row and column, or imported whole',
    async () => {
      const outcomes = { ok: 0, refused: 0 };
      await fc.assert(
        fc.asyncProperty(file, fc.array(textEdit, { minLength: 1, maxLength: 4 }), fc.array(byteEdit, { maxLength: 2 }), async ([f, members], edits, bytesEdits) => {
          const text = edits.reduce(applyText, csvText(f, members));
          const bytes = encode(text, f.enc);
          for (const b of bytesEdits) if (bytes.length > 0) bytes[b.at % bytes.length] = b.byte;
          outcomes[await importAndCheck(bytes)] += 1;
        }),
        {
          numRuns: 150,
          examples: [
            // Found with 7,500 runs (seed -1526061138): the header cut to "Na" and that line doubled
            // gives the column "NaNa"; the message quoting it was taken for a leaked NaN.
            [
              [{ sep: ';', eol: '\n', enc: 'utf8', quoteAll: false, count: 1 }, [{ name: 'Anna Öberg 1', role: 'Ledamot', party: 'S', from: '2023-01-01', to: '2026-12-31' }]],
              [
                { kind: 'truncate', at: 2 },
                { kind: 'duplicate-row', at: 0 },
              ],
              [],
            ],
            // A cut after the last character (85): the file unchanged, imported. With it and the
            // refused case above, both outcomes occur in every run; random edits alone leave a file
            // importable in about 3 % of runs (483 of 15,000 measured), so in 150 runs none did now
            // and then (about 0.7 % of CI runs) and the check below failed by chance.
            [
              [{ sep: ';', eol: '\n', enc: 'utf8', quoteAll: false, count: 1 }, [{ name: 'Anna Öberg 1', role: 'Ledamot', party: 'S', from: '2023-01-01', to: '2026-12-31' }]],
              [{ kind: 'truncate', at: 85 }],
              [],
            ],
          ],
        },
      );
      // Both outcomes occur, so the property tests something on each side (the examples see to it).
      expect(outcomes.ok).toBeGreaterThan(0);
      expect(outcomes.refused).toBeGreaterThan(0);
    },
    FUZZ_TIMEOUT_MS,
  );

  it(
    'arbitrary bytes never give an internal error or a partial write',
    async () => {
      await fc.assert(
        fc.asyncProperty(fc.uint8Array({ maxLength: 600 }), async (bytes) => {
          await importAndCheck(bytes);
        }),
        { numRuns: 150 },
      );
    },
    FUZZ_TIMEOUT_MS,
  );

  it("a row with too many fields names the row and the file's own separator", async () => {
    const text = 'Namn,Roll\nÅsa Öberg,Ledamot,19800101-1234\n';
    const r = await t.backend.dispatch('workspace.members.import', { boardId, dataBase64: b64(encode(text, 'utf8-bom')), termStart: '2023-01-01', termEnd: '2026-12-31' });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.details?.issues).toEqual([{ path: 'rad 2', message: 'Raden har 3 fält men rubrikraden 2. Kontrollera avgränsarna (,) och citattecknen.' }]);
  });

  it('a Personnummer column is an e-ID identifier: an invalid number is refused naming its row and column, nothing imported', async () => {
    // Since the member list carries identifiers (issue 13), the column is read through the same
    // validation as manual entry (parseEidIdentifier) — no longer refused as unknown.
    const text = 'Namn;Roll;Personnummer\r\nÅsa Öberg;Ledamot;19800101-1234\r\n';
    const before = await t.backend.dispatch('workspace.boards.get', { boardId });
    const r = await t.backend.dispatch('workspace.members.import', { boardId, dataBase64: b64(encode(text, 'cp1252')), termStart: '2023-01-01', termEnd: '2026-12-31' });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.details?.issues).toEqual([{ path: 'rad 2, Personnummer', message: expect.stringContaining('är inget giltigt personnummer') }]);
    expect(await t.backend.dispatch('workspace.boards.get', { boardId })).toEqual(before);
  });
});
