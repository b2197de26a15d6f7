// electron-builder.yml: valid against electron-builder's own schema, with the fuses, the asar
// layout, the installers and the file association the issue asks for.
import { resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { getConfig, validateConfiguration } from 'app-builder-lib/out/util/config/config';
import type { Configuration } from 'app-builder-lib';
import { DebugLogger } from 'builder-util';

const root = resolve(__dirname, '..', '..');
let config: Configuration;

type Target = { target: string; arch?: string[] };
const targets = (t: unknown): string[] => (t as Target[]).map((x) => x.target);

beforeAll(async () => {
  config = await getConfig(root, resolve(root, 'electron-builder.yml'), null);
});

describe('electron-builder configuration', () => {
  it('passes the electron-builder 26 schema', async () => {
    await expect(validateConfiguration(config, new DebugLogger(false))).resolves.toBeUndefined();
  });

  it('names the app', () => {
    expect(config.appId).toBe('se.justera.app');
    expect(config.productName).toBe('Justera');
  });

  it('sets every security fuse', () => {
    expect(config.electronFuses).toStrictEqual({
      runAsNode: false,
      enableCookieEncryption: true,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      grantFileProtocolExtraPrivileges: false,
    });
  });

  it('ships the bundles, the UI, migrations and fonts in an asar with native modules unpacked', () => {
    // getConfig normalises the list into one { filter } entry.
    expect(config.files).toStrictEqual([{ filter: ['dist-electron/**', 'renderer/dist/**', 'db/migrations/**', 'templates/fonts/**', 'package.json'] }]);
    expect(config.asar).toBe(true);
    expect(config.asarUnpack).toContain('**/node_modules/better-sqlite3/**');
    expect(config.npmRebuild).toBe(true);
    expect(config.buildDependenciesFromSource).toBe(true);
  });

  it('builds NSIS (assisted, per-user or per-machine) and MSI for Windows, DMG for macOS, AppImage and deb for Linux', () => {
    expect(targets(config.win?.target)).toStrictEqual(['nsis', 'msi']);
    expect(config.nsis).toMatchObject({ oneClick: false, perMachine: false, allowElevation: true, allowToChangeInstallationDirectory: true });
    expect(config.msi?.upgradeCode).toMatch(/^[0-9a-f-]{36}$/);
    expect(targets(config.mac?.target)).toStrictEqual(['dmg']);
    expect(config.mac?.hardenedRuntime).toBe(true);
    expect(targets(config.linux?.target)).toStrictEqual(['AppImage', 'deb']);
  });

  it('opens .justera signing packages', () => {
    expect(config.fileAssociations).toStrictEqual([expect.objectContaining({ ext: 'justera', name: 'Justera-paket' })]);
  });
});
