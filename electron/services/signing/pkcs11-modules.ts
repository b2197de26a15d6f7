// Which PKCS#11 module (a native library the process will load) may be used. A module path never
// comes from the renderer or an HTTP client: the main process offers the platform's known modules
// (OpenSC, Net iD / SITHS, Nexus Personal) that exist, the one the user picked in a native dialog
// (remembered in settings), or the one the host or CLI was started with. Relative and UNC paths
// (a remote DLL on Windows) are refused everywhere.
import { statSync } from 'node:fs';
import { isAbsolute, win32 } from 'node:path';
import { AppError } from '../../../core/api/errors';

export type Pkcs11ModuleSource = 'known' | 'chosen' | 'configured';

export interface Pkcs11Module {
  /** What the API takes: "known:opensc", "chosen", "configured". */
  id: string;
  label: string;
  path: string;
  source: Pkcs11ModuleSource;
}

interface KnownModule {
  id: string;
  label: string;
  paths: Partial<Record<NodeJS.Platform, string[]>>;
}

/** Where the usual Swedish card software installs its PKCS#11 module. */
export const KNOWN_PKCS11_MODULES: KnownModule[] = [
  {
    id: 'opensc',
    label: 'OpenSC',
    paths: {
      linux: ['/usr/lib/x86_64-linux-gnu/opensc-pkcs11.so', '/usr/lib/aarch64-linux-gnu/opensc-pkcs11.so', '/usr/lib64/opensc-pkcs11.so', '/usr/lib/opensc-pkcs11.so'],
      win32: ['C:\\Program Files\\OpenSC Project\\OpenSC\\pkcs11\\opensc-pkcs11.dll'],
      darwin: ['/Library/OpenSC/lib/opensc-pkcs11.so', '/usr/local/lib/opensc-pkcs11.so'],
    },
  },
  {
    id: 'netid',
    label: 'Net iD (SITHS, Inera)',
    paths: {
      linux: ['/usr/lib/libiidp11.so', '/usr/local/lib/libiidp11.so', '/opt/netid/lib/libiidp11.so'],
      win32: ['C:\\Windows\\System32\\iidp11.dll', 'C:\\Program Files\\SecMaker\\Net iD\\iidp11.dll'],
      darwin: ['/Library/Application Support/SecMaker/Net iD/lib/libiidp11.dylib', '/usr/local/lib/libiidp11.dylib'],
    },
  },
  {
    id: 'nexus',
    label: 'Nexus Personal',
    paths: {
      linux: ['/usr/local/lib/personal/libpersonal.so', '/usr/lib/personal/libpersonal.so'],
      win32: ['C:\\Program Files\\Personal\\bin64\\personal64.dll', 'C:\\Program Files (x86)\\Personal\\bin\\personal.dll'],
      darwin: ['/Applications/Personal.app/Contents/Frameworks/libP11.dylib'],
    },
  },
];

const EXTENSIONS = /\.(so(\.\d+)*|dll|dylib)$/i;

function isUnc(path: string): boolean {
  return /^[\\/]{2}/.test(path) || /^\\\\\?\\UNC\\/i.test(path);
}

/** The checks every module path passes before it is loaded; returns the path or throws a Swedish refusal. */
export function checkModulePath(path: string, options: { platform?: NodeJS.Platform; exists?: (p: string) => boolean } = {}): string {
  const platform = options.platform ?? process.platform;
  const trimmed = path.trim();
  if (isUnc(trimmed)) {
    throw new AppError('validation', `PKCS#11-modulen "${trimmed}" ligger på en nätverksdelning; Justera laddar bara moduler från den egna datorn. Installera kortprogramvaran lokalt.`, {
      reason: 'pkcs11_module_refused',
    });
  }
  const absolute = platform === 'win32' ? win32.isAbsolute(trimmed) && /^[A-Za-z]:[\\/]/.test(trimmed) : isAbsolute(trimmed);
  if (!absolute) {
    throw new AppError('validation', `Ange PKCS#11-modulen med hela sökvägen (t.ex. /usr/lib/x86_64-linux-gnu/opensc-pkcs11.so), inte "${trimmed}".`, { reason: 'pkcs11_module_refused' });
  }
  if (!EXTENSIONS.test(trimmed)) {
    throw new AppError('validation', `"${trimmed}" är ingen PKCS#11-modul (en .so-, .dll- eller .dylib-fil). Välj kortprogramvarans modul.`, { reason: 'pkcs11_module_refused' });
  }
  const exists =
    options.exists ??
    ((p: string) => {
      try {
        return statSync(p).isFile();
      } catch {
        return false;
      }
    });
  if (!exists(trimmed)) {
    throw new AppError('validation', `PKCS#11-modulen ${trimmed} finns inte. Kontrollera att kortprogramvaran är installerad, eller välj modulen på nytt.`, { reason: 'pkcs11_module_refused' });
  }
  return trimmed;
}

export interface Pkcs11ModuleConfig {
  /** The module the host or CLI was started with (`--pkcs11-module`, `--pkcs11`). */
  configured?: string | undefined;
  /** Opens a native file dialog (Electron main process only). */
  choose?: (() => Promise<string | null>) | undefined;
  platform?: NodeJS.Platform;
  exists?: (p: string) => boolean;
}

/** The modules on offer. Over HTTP only the configured one: a browser cannot pick a library to load. */
export function availableModules(config: Pkcs11ModuleConfig, chosen: string | null, transport: 'ipc' | 'http' | 'in-process'): Pkcs11Module[] {
  const platform = config.platform ?? process.platform;
  const ok = (p: string) => {
    try {
      checkModulePath(p, { platform, ...(config.exists ? { exists: config.exists } : {}) });
      return true;
    } catch {
      return false;
    }
  };
  const out: Pkcs11Module[] = [];
  if (config.configured !== undefined && ok(config.configured)) out.push({ id: 'configured', label: `Konfigurerad modul (${config.configured})`, path: config.configured, source: 'configured' });
  if (transport === 'http') return out;
  if (chosen !== null && ok(chosen)) out.push({ id: 'chosen', label: `Vald modul (${chosen})`, path: chosen, source: 'chosen' });
  for (const k of KNOWN_PKCS11_MODULES) {
    const path = (k.paths[platform] ?? []).find(ok);
    if (path !== undefined) out.push({ id: `known:${k.id}`, label: k.label, path, source: 'known' });
  }
  return out;
}

/** The path behind an id from availableModules, checked again; anything else is refused. */
export function resolveModule(config: Pkcs11ModuleConfig, chosen: string | null, transport: 'ipc' | 'http' | 'in-process', id: string): string {
  const m = availableModules(config, chosen, transport).find((x) => x.id === id);
  if (m === undefined) {
    throw new AppError(
      'validation',
      transport === 'http'
        ? 'Kortläsarens modul kan inte väljas i webbläsaren. Starta Justera-värden med --pkcs11-module SÖKVÄG, eller skriv under i skrivbordsappen.'
        : `PKCS#11-modulen "${id}" finns inte bland de moduler som kan användas. Välj en modul i listan eller med "Välj modul…".`,
      { reason: 'pkcs11_module_refused' },
    );
  }
  return checkModulePath(m.path, { platform: config.platform ?? process.platform, ...(config.exists ? { exists: config.exists } : {}) });
}
