// The folder of archive.export and archive.verify (core/api/contracts/archive.ts) as an adversary
// would send it to the loopback host: a path that is partial, steps up with "..", or hides control
// characters never passes; a full path of ordinary names always does. Property-based (fast-check).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { contract } from '../../core/api/contract';

const exportInput = contract['archive.export'].input;
const verifyInput = contract['archive.verify'].input;
const name = fc.stringMatching(/^[\p{L}\p{N} ._-]{1,20}$/u).filter((s) => s.trim() !== '' && s !== '.' && s !== '..' && !s.startsWith(' ') && !s.endsWith(' '));
const posix = fc.array(name, { minLength: 1, maxLength: 6 }).map((parts) => `/${parts.join('/')}`);
const windows = fc.tuple(fc.constantFrom('C', 'D', 'z'), fc.constantFrom('\\', '/'), fc.array(name, { minLength: 1, maxLength: 6 })).map(([d, sep, parts]) => `${d}:${sep}${parts.join(sep)}`);
const fullPath = fc.oneof(posix, windows);

describe('archive folder paths', () => {
  it('accepts every full path of ordinary names, for both methods', () => {
    fc.assert(
      fc.property(fullPath, fc.integer({ min: 1000, max: 9999 }), (directory, year) => {
        expect(exportInput.safeParse({ boardId: 'b', year, directory }).success).toBe(true);
        expect(verifyInput.safeParse({ directory }).success).toBe(true);
      }),
    );
  });

  it('refuses any path with a ".." part, wherever it is and whichever separator', () => {
    fc.assert(
      fc.property(fc.array(name, { maxLength: 5 }), fc.array(name, { maxLength: 5 }), fc.constantFrom('/', '\\'), fc.constantFrom('/', 'C:\\', 'C:/'), (before, after, sep, root) => {
        const directory = `${root}${[...before, '..', ...after].join(sep)}`;
        const r = verifyInput.safeParse({ directory });
        expect(r.success).toBe(false);
        expect(r.error?.issues[0]?.message).toContain('får inte innehålla ".."');
      }),
    );
  });

  it('refuses partial paths and control characters', () => {
    fc.assert(
      fc.property(fc.array(name, { minLength: 1, maxLength: 4 }), (parts) => {
        const relative = parts.join('/').trimStart();
        fc.pre(!/^(\/|[A-Za-z]:[\\/]|\\\\)/.test(relative));
        expect(exportInput.safeParse({ boardId: 'b', year: 2020, directory: relative }).error?.issues[0]?.message).toMatch(/^Ange hela sökvägen/);
      }),
    );
    fc.assert(
      fc.property(posix, fc.integer({ min: 0, max: 0x1f }), (directory, code) => {
        const r = exportInput.safeParse({ boardId: 'b', year: 2020, directory: `${directory}${String.fromCharCode(code)}x` });
        expect(r.error?.issues.map((i) => i.message)).toContain('Sökvägen innehåller kontrolltecken. Skriv om den med vanliga tecken.');
      }),
    );
  });

  it('takes a year of four digits only', () => {
    fc.assert(
      fc.property(fc.oneof(fc.integer({ min: -100000, max: 999 }), fc.integer({ min: 10000, max: 10 ** 9 }), fc.double({ noInteger: true }), fc.constant(Number.NaN)), (year) => {
        expect(exportInput.safeParse({ boardId: 'b', year, directory: '/arkiv' }).error?.issues[0]?.message).toBe('Ange året med fyra siffror, t.ex. 2020.');
      }),
    );
  });
});
