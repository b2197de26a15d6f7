// Types for scripts/electron-native.mjs (plain JavaScript so that `npm start` needs no build).
export declare const NATIVE_FOLDER: string;
export declare const STAMP_FILE: string;
export declare const NATIVE_MODULES: { name: string; addon: string }[];

export declare class NativeSetupError extends Error {
  missing: string[];
}

export interface NativeStamp {
  electron: string;
  abi: string;
  platform: string;
  arch: string;
  modules: Record<string, string>;
}

export interface NativePlan {
  root: string;
  electronVersion: string;
  abi: string;
  dir: string;
  stampPath: string;
  modules: { name: string; addon: string; source: string; version: string; target: string; addonPath: string }[];
  stamp: NativeStamp;
}

export interface RebuildRequest {
  buildPath: string;
  electronVersion: string;
  arch: string;
  modules: string[];
  headerURL: string;
}

export interface EnsureDeps {
  probe?: (url: string) => Promise<void>;
  rebuild?: (request: RebuildRequest) => Promise<void>;
  installElectron?: (root: string) => Promise<void>;
  electronInstalled?: (root: string) => boolean;
  log?: (line: string) => void;
  env?: Record<string, string | undefined>;
  platform?: string;
  arch?: string;
}

export declare function nativePlan(root: string, options?: { platform?: string; arch?: string }): NativePlan;
export declare function staleReason(plan: NativePlan): string | null;
export declare function electronBinaryInstalled(root: string): boolean;
export declare function downloadHosts(env?: Record<string, string | undefined>): { headers: string; binaries: string };
export declare function probe(url: string, options?: { timeoutMs?: number; env?: Record<string, string | undefined> }): Promise<void>;
export declare function ensureElectronNative(root: string, deps?: EnsureDeps): Promise<{ plan: NativePlan; rebuilt: boolean; downloadedElectron: boolean }>;
