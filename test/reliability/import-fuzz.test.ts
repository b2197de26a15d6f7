// Import fuzzing: mutated versions of the reference JSON and arbitrary JSON never crash the
// importer, never leave a partial write, and every rejection names the offending field.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { rowCounts, referenceCopy, testBackend, type TestBackend } from '../helpers/backend';

let t: TestBackend;
beforeAll(() => {
  t = testBackend({ memory: true });
});
afterAll(() => t.dispose());

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

/** Every path to a value inside a JSON tree. */
function paths(v: Json, prefix: (string | number)[] = []): (string | number)[][] {
  const out: (string | number)[][] = [prefix];
  if (Array.isArray(v)) v.forEach((x, i) => out.push(...paths(x, [...prefix, i])));
  else if (v !== null && typeof v === 'object') for (const [k, x] of Object.entries(v)) out.push(...paths(x, [...prefix, k]));
  return out;
}

function setAt(root: Json, path: (string | number)[], value: Json | undefined): Json {
  if (path.length === 0) return value ?? null;
  const copy = structuredClone(root);
  let node: Json = copy;
  for (const key of path.slice(0, -1)) node = (node as Record<string | number, Json>)[key] as Json;
  const last = path[path.length - 1] as string | number;
  if (value === undefined) {
    if (Array.isArray(node)) node.splice(Number(last), 1);
    else delete (node as Record<string, Json>)[last];
  } else (node as Record<string | number, Json>)[last] = value;
  return copy;
}

const reference = referenceCopy() as unknown as Json;
const allPaths = paths(reference).filter((p) => p.length > 0);

const weird: fc.Arbitrary<Json | undefined> = fc.oneof(
  fc.constant(undefined),
  fc.constant(null),
  fc.constant(''),
  fc.constant('2021-02-29'),
  fc.constant('25:61'),
  fc.constant('okänd-person'),
  fc.constant(-1),
  fc.constant(1e308),
  fc.constant<Json>([]),
  fc.constant<Json>({}),
  fc.string(),
  fc.integer(),
  fc.boolean(),
  fc.jsonValue({ maxDepth: 2 }) as fc.Arbitrary<Json>,
);

async function importAndCheck(doc: unknown): Promise<void> {
  const before = rowCounts(t.backend);
  const r = await t.backend.dispatch('meetings.import', { document: doc });
  if (r.ok) {
    // Accepted mutations are real meetings: remove them so every case starts alike.
    const { meetingId } = r.value as { meetingId: string };
    const sql = t.backend.db.$client;
    sql.prepare('DELETE FROM paragraphs WHERE meeting_id = ?').run(meetingId);
    sql.prepare('DELETE FROM meetings WHERE id = ?').run(meetingId);
    return;
  }
  expect(r.error.code).not.toBe('internal');
  expect(r.error.message.length).toBeGreaterThan(10);
  const issues = r.error.details?.issues ?? [];
  expect(issues.length).toBeGreaterThan(0);
  for (const i of issues) expect(i.path.length).toBeGreaterThan(0);
  const after = rowCounts(t.backend);
  expect({ ...after, audit_log: 0 }).toEqual({ ...before, audit_log: 0 });
}

describe('import fuzzing', () => {
  it('single-field mutations of the reference meeting', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...allPaths), weird, async (path, value) => {
        await importAndCheck(setAt(reference, path, value));
      }),
      { numRuns: 300 },
    );
  });

  it('arbitrary JSON values and objects', async () => {
    await fc.assert(
      fc.asyncProperty(fc.jsonValue({ maxDepth: 4 }), async (v) => {
        const r = await t.backend.dispatch('meetings.import', { document: v });
        expect(r.ok).toBe(false);
        if (!r.ok) {
          expect(r.error.code).toBe('validation');
          expect(r.error.details?.issues?.length).toBeGreaterThan(0);
        }
      }),
      { numRuns: 200 },
    );
  });

  it('many mutations at once', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.tuple(fc.constantFrom(...allPaths), weird), { minLength: 2, maxLength: 6 }), async (edits) => {
        let doc: Json = reference;
        for (const [p, v] of edits) {
          try {
            doc = setAt(doc, p, v);
          } catch {
            // The path vanished with an earlier edit; skip it.
          }
        }
        await importAndCheck(doc);
      }),
      { numRuns: 150 },
    );
  });
});
