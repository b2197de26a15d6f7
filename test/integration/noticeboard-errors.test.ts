// The notice-board export always answers: a folder that cannot be created is a Swedish error (and
// nothing is written), a relative path is refused before anything happens (it would land in the
// host's working folder), and a folder that never answers gives an error instead of a hang.
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../../core/api/errors';
import type { SiteWriter } from '../../core/app/anslag/ports';
import { timedSiteWriter } from '../../electron/services/noticeboard/writer';
import { rejection } from '../helpers/backend';
import { tempDir, type TempDir } from '../documents/helpers/pdf-tools';
import { anslagFixture, type AnslagFixture } from './anslag-fixture';

let f: AnslagFixture;
let out: TempDir;

beforeAll(async () => {
  f = await anslagFixture({ now: '2020-11-06T09:00:00+01:00' });
  await f.api.call('anslag.post', { groupId: f.groupIds[0] as string });
  out = tempDir('justera-board-err-');
}, 60_000);
afterAll(() => {
  f.dispose();
  out.remove();
});

describe('notice-board export errors', () => {
  it('answers an uncreatable folder with an io error in Swedish', async () => {
    const file = join(out.path, 'en-fil');
    writeFileSync(file, 'inte en mapp');
    const e = await rejection(f.api.call('noticeboard.export', { directory: join(file, 'anslagstavla') }));
    expect(e.code).toBe('io');
    expect(e.message).toContain('kunde inte skapas');
    expect(e.message).toContain('en del av sökvägen är en fil, inte en mapp');
  });

  it('refuses a relative path before writing anything, in every entrance', async () => {
    for (const directory of ['anslagstavla', './anslag', '../anslag', 'C:anslag']) {
      const e = await rejection(f.api.call('noticeboard.export', { directory }));
      expect(e.code).toBe('validation');
      expect(e.message).toContain('Ange en fullständig sökväg till mappen');
      expect(e.message).not.toMatch(/directory:/);
    }
    expect(existsSync(join(process.cwd(), 'anslagstavla'))).toBe(false);
  });

  it('still writes to a full path', async () => {
    const dir = join(out.path, 'webb');
    mkdirSync(dir);
    const r = await f.api.call('noticeboard.export', { directory: dir });
    expect(r.directory).toBe(dir);
    expect(readdirSync(dir)).toContain('index.html');
  });
});

describe('timedSiteWriter', () => {
  it('rejects with a Swedish io error when the folder never answers, and passes results and errors through', async () => {
    const never: SiteWriter = { write: () => new Promise(() => undefined) };
    const hung = await timedSiteWriter(never, 20)
      .write('/mnt/natverk/anslag', [])
      .then(
        () => null,
        (e: unknown) => e,
      );
    expect(hung).toBeInstanceOf(AppError);
    expect((hung as AppError).code).toBe('io');
    expect((hung as AppError).message).toContain('Mappen /mnt/natverk/anslag svarade inte inom');

    const report = { directory: '/x', written: ['a'], unchanged: [], removed: [] };
    expect(await timedSiteWriter({ write: async () => report }, 1000).write('/x', [])).toBe(report);
    const failing: SiteWriter = { write: async () => Promise.reject(new AppError('conflict', 'upptagen')) };
    await expect(timedSiteWriter(failing, 1000).write('/x', [])).rejects.toThrow('upptagen');
  });
});
