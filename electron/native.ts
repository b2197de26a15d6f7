// Which build of the native modules the Electron main process loads. Pure Node (no electron),
// so it is tested directly.
//
//   packaged app        node_modules as electron-builder rebuilt them for Electron (`npm run dist`)
//   `npm start`         .electron-native/<abi>/node_modules/{better-sqlite3,pkcs11js}, made by the
//                       prestart step (scripts/electron-native.mjs) beside the Node build that
//                       `npm ci` made in node_modules, which stays for tests, the CLI and `npm run web`
//   Node (everything else)  node_modules, better-sqlite3's and pkcs11js's own lookup
//
// <abi> is process.versions.modules of the running Electron (150 for Electron 45), the same
// number as node_modules/electron/abi_version that the prestart step reads. Keep the layout in
// step with scripts/electron-native.mjs.
import { existsSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { useSqliteBinding } from '../db/sqlite';
import { usePkcs11js } from './services/signing/pkcs11';

export const NATIVE_FOLDER = '.electron-native';
export const STAMP_FILE = 'build.json';

export interface ElectronNativeBuild {
  /** .electron-native/<abi> */
  dir: string;
  /** better-sqlite3's addon, passed to every connection as `nativeBinding`. */
  sqliteBinding: string;
  /** The pkcs11js package folder (its index.js loads build/Release/pkcs11.node beside it). */
  pkcs11js: string;
}

export interface RuntimeVersions {
  electron: string;
  modules: string;
}

export type NativeBuildLookup = { ok: true; build: ElectronNativeBuild } | { ok: false; message: string };

/** The Electron build for this runtime in appPath/.electron-native, or why it cannot be used. */
export function findElectronNativeBuild(appPath: string, versions: RuntimeVersions, platform: string = process.platform, arch: string = process.arch): NativeBuildLookup {
  const dir = join(appPath, NATIVE_FOLDER, versions.modules);
  const build: ElectronNativeBuild = {
    dir,
    sqliteBinding: join(dir, 'node_modules', 'better-sqlite3', 'build', 'Release', 'better_sqlite3.node'),
    pkcs11js: join(dir, 'node_modules', 'pkcs11js'),
  };
  const problem = problemOf(appPath, build, versions, platform, arch);
  if (problem === null) return { ok: true, build };
  return {
    ok: false,
    message: [
      `Justera kan inte starta: better-sqlite3 och pkcs11js är inte byggda för Electron ${versions.electron} (ABI ${versions.modules}) — ${problem.sv}.`,
      'Starta med `npm start`, som bygger dem först (det kräver internet), eller använd webbläsarversionen: `npm run web`.',
      `Justera cannot start: better-sqlite3 and pkcs11js are not built for Electron ${versions.electron} (ABI ${versions.modules}) — ${problem.en}.`,
      'Start with `npm start`, which builds them first (this needs the internet), or use the browser version: `npm run web`.',
    ].join('\n'),
  };
}

interface Stamp {
  electron?: unknown;
  platform?: unknown;
  arch?: unknown;
}

function problemOf(appPath: string, build: ElectronNativeBuild, versions: RuntimeVersions, platform: string, arch: string): { sv: string; en: string } | null {
  const shown = relative(appPath, build.dir) || build.dir;
  let stamp: Stamp;
  try {
    stamp = JSON.parse(readFileSync(join(build.dir, STAMP_FILE), 'utf8')) as Stamp;
  } catch {
    return { sv: `${shown} saknas`, en: `${shown} is missing` };
  }
  if (stamp.electron !== versions.electron) return { sv: `${shown} är byggd för Electron ${String(stamp.electron)}`, en: `${shown} is built for Electron ${String(stamp.electron)}` };
  if (stamp.platform !== platform || stamp.arch !== arch)
    return { sv: `${shown} är byggd för ${String(stamp.platform)}-${String(stamp.arch)}`, en: `${shown} is built for ${String(stamp.platform)}-${String(stamp.arch)}` };
  const addon = relative(appPath, build.sqliteBinding);
  if (!existsSync(build.sqliteBinding)) return { sv: `${addon} saknas`, en: `${addon} is missing` };
  if (!existsSync(join(build.pkcs11js, 'build', 'Release', 'pkcs11.node'))) return { sv: `pkcs11js saknas i ${shown}`, en: `pkcs11js is missing from ${shown}` };
  return null;
}

/** Points better-sqlite3 and pkcs11js at the Electron build (every later load goes there). */
export function useElectronNativeBuild(build: ElectronNativeBuild): void {
  useSqliteBinding(build.sqliteBinding);
  usePkcs11js(build.pkcs11js);
}
