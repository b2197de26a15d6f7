// `justera render` from a directory other than the checkout (issue 14): the templates' JSX
// must not depend on the tsconfig of the working directory (tsx reads the one it finds from
// the cwd; without it, JSX compiled to React.createElement and failed with "React is not
// defined"). Each template says which JSX runtime it uses (`@jsxRuntime automatic`).
import { execFile } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pdfText } from '../documents/helpers/pdf-tools';

const run = promisify(execFile);
const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const BIN = join(ROOT, 'bin', 'justera.js');
let dir: string;

const justera = (...args: string[]) => run(process.execPath, [BIN, ...args], { cwd: dir, encoding: 'utf8', timeout: 300_000, env: { ...process.env, NODE_OPTIONS: '' } });

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'justera-cwd-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the CLI from another working directory', () => {
  it('every template file declares its JSX runtime', () => {
    const files = (d: string): string[] => readdirSync(d, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(join(d, e.name)) : e.name.endsWith('.tsx') ? [join(d, e.name)] : []));
    const templates = files(join(ROOT, 'templates'));
    expect(templates.length).toBeGreaterThan(10);
    for (const f of templates) expect(readFileSync(f, 'utf8').split('\n', 1)[0], f).toBe('/** @jsxRuntime automatic @jsxImportSource react */');
  });

  it('renders the protocol and the kallelse from a temp dir without a tsconfig', async () => {
    expect(readdirSync(dir)).toEqual([]);
    await justera('demo', '--db', 'a.db');
    const listed = JSON.parse((await justera('list', '--db', 'a.db', '--json')).stdout) as { meetings: { id: string }[] };
    const id = listed.meetings[0]?.id ?? '';
    expect(id).not.toBe('');
    for (const kind of ['protocol', 'kallelse']) {
      const r = await justera('render', kind, id, '-o', `${kind}.pdf`, '--db', 'a.db');
      expect(r.stderr).not.toMatch(/React is not defined/);
      const text = pdfText(join(dir, `${kind}.pdf`));
      expect(text).toContain('Norrbottens e-nämnd');
    }
  }, 600_000);
});
