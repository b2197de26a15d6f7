// The command line: --data-dir and the files to open, from a first or a second launch.
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openableKind, parseLaunchArgs } from '../../electron/argv';

const cwd = resolve('/home/handläggare');
const packaged = { cwd, skip: 1 };
const dev = { cwd, skip: 2 };

describe('launch arguments', () => {
  it('has no data dir and no files by default', () => {
    expect(parseLaunchArgs(['/opt/Justera/justera'], packaged)).toStrictEqual({ dataDir: null, files: [], problems: [] });
    expect(parseLaunchArgs(['/usr/bin/electron', '.'], dev)).toStrictEqual({ dataDir: null, files: [], problems: [] });
  });

  it('reads --data-dir DIR and --data-dir=DIR, relative to the working folder', () => {
    expect(parseLaunchArgs(['justera', '--data-dir', '/srv/justera'], packaged).dataDir).toBe(resolve('/srv/justera'));
    expect(parseLaunchArgs(['justera', '--data-dir=/srv/justera data'], packaged).dataDir).toBe(resolve('/srv/justera data'));
    expect(parseLaunchArgs(['justera', '--data-dir', 'data'], packaged).dataDir).toBe(resolve(cwd, 'data'));
  });

  it('reports a --data-dir without a folder instead of guessing', () => {
    for (const argv of [
      ['justera', '--data-dir'],
      ['justera', '--data-dir='],
      ['justera', '--data-dir', '--other'],
    ]) {
      const r = parseLaunchArgs(argv, packaged);
      expect(r.dataDir, argv.join(' ')).toBeNull();
      expect(r.problems, argv.join(' ')).toStrictEqual([expect.stringContaining('--data-dir kräver en mapp')]);
    }
  });

  it('collects .justera packages and PDFs, any case, resolved against the working folder', () => {
    const r = parseLaunchArgs(['justera', 'kallelse.PDF', '/tmp/Signering.justera', 'anteckning.txt', 'protokoll.pdf'], packaged);
    expect(r.files).toStrictEqual([
      { path: resolve(cwd, 'kallelse.PDF'), kind: 'pdf' },
      { path: resolve('/tmp/Signering.justera'), kind: 'justera' },
      { path: resolve(cwd, 'protokoll.pdf'), kind: 'pdf' },
    ]);
  });

  it("ignores Chromium's and macOS's own switches, and the app folder in development", () => {
    const argv = ['/usr/bin/electron', '.', '--allow-file-access-from-files', '--original-process-start-time=1234', '-psn_0_4711', 'a.pdf'];
    expect(parseLaunchArgs(argv, dev)).toStrictEqual({ dataDir: null, files: [{ path: resolve(cwd, 'a.pdf'), kind: 'pdf' }], problems: [] });
  });

  it('treats everything after -- as files, even names that start with a dash', () => {
    expect(parseLaunchArgs(['justera', '--', '--data-dir.pdf'], packaged).files).toStrictEqual([{ path: resolve(cwd, '--data-dir.pdf'), kind: 'pdf' }]);
  });

  it('knows which files it can open', () => {
    expect(openableKind('x.justera')).toBe('justera');
    expect(openableKind('X.PdF')).toBe('pdf');
    expect(openableKind('x.pdf.exe')).toBeNull();
    expect(openableKind('justera')).toBeNull();
  });
});
