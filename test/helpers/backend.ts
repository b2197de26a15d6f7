// Test back ends: a fresh database in a temp dir, fixed clock, predictable ids.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createBackend, type Backend } from '../../electron/backend';
import { ApiError, createClient, type ApiClient } from '../../core/api/client';
import referenceJson from '../../core/reference/e-namnden-2020-11-05.json' with { type: 'json' };

export const FIXED_NOW = new Date('2020-11-05T10:45:00+01:00');

export interface TestBackend {
  backend: Backend;
  api: ApiClient;
  dir: string;
  dbPath: string;
  dispose(): void;
}

export function counterIds(prefix = 'id'): { next(): string } {
  let n = 0;
  return { next: () => `${prefix}-${String(++n).padStart(4, '0')}` };
}

/** `memory: true`: SQLite in memory (no files; `dir` is empty), for tests that do not need a file. */
export function testBackend(options: { now?: Date; dir?: string; memory?: boolean } = {}): TestBackend {
  const memory = options.memory === true && options.dir === undefined;
  const dir = memory ? '' : (options.dir ?? mkdtempSync(join(tmpdir(), 'justera-test-')));
  const dbPath = memory ? ':memory:' : join(dir, 'justera.db');
  const backend = createBackend({ databasePath: dbPath, clock: { now: () => options.now ?? FIXED_NOW }, ids: counterIds(), actor: 'test' });
  return {
    backend,
    api: createClient((m, i) => backend.dispatch(m, i)),
    dir,
    dbPath,
    dispose() {
      backend.close();
      if (options.dir === undefined && !memory) rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** A deep copy of the reference meeting JSON, to mutate in a test. */
export function referenceCopy(): Record<string, unknown> & {
  paragraphs: Record<string, unknown>[];
  people: { key: string; name: string }[];
  meeting: Record<string, unknown>;
  attendance: Record<string, unknown>[];
} {
  return structuredClone(referenceJson) as never;
}

export function rowCounts(b: Backend): Record<string, number> {
  const tables = ['organisations', 'boards', 'persons', 'assignments', 'officials', 'meetings', 'attendance', 'paragraphs', 'attachments', 'adjustment_groups', 'audit_log'];
  return Object.fromEntries(tables.map((t) => [t, (b.db.$client.prepare(`SELECT count(*) AS n FROM ${t}`).get() as { n: number }).n]));
}

/** The ApiError a call is rejected with; fails the test when the call succeeds. */
export async function rejection(p: Promise<unknown>): Promise<ApiError> {
  try {
    await p;
  } catch (e) {
    if (e instanceof ApiError) return e;
    throw e;
  }
  throw new Error('förväntade att anropet skulle avvisas');
}
