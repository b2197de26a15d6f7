// Writes the generated notice board into a folder (core/app/anslag/ports.ts SiteWriter).
//
// - Atomic per file: everything is first written to a staging folder inside the target, then
//   each file is renamed into place, so a reader never sees half a file.
// - Idempotent: a file whose bytes are already right is left alone (same input → same files).
// - Careful: a manifest (.justera-anslagstavla.json) lists what Justera wrote. Only those files
//   are ever replaced or removed; a file of someone else's in the way stops the export, and no
//   path can leave the folder.
import { createHash, randomBytes } from 'node:crypto';
import { mkdir, open, readdir, readFile, rename, rm, rmdir, stat, unlink } from 'node:fs/promises';
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { AppError } from '../../../core/api/errors';
import type { SiteFileContent, SiteWriteReport, SiteWriter } from '../../../core/app/anslag/ports';

export const MANIFEST = '.justera-anslagstavla.json';
const MANIFEST_FORMAT = 'justera-anslagstavla-manifest';

interface Manifest {
  format: typeof MANIFEST_FORMAT;
  version: 1;
  files: { path: string; sha256: string }[];
}

const SAFE_PATH = /^(?:[A-Za-z0-9_-][A-Za-z0-9._-]*\/)*[A-Za-z0-9_-][A-Za-z0-9._-]*$/;

function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

function bytesOf(content: string | Uint8Array): Uint8Array {
  return typeof content === 'string' ? new TextEncoder().encode(content) : content;
}

function ioError(what: string, e: unknown): AppError {
  const code = (e as { code?: string }).code ?? '';
  const reason =
    code === 'EACCES' || code === 'EPERM'
      ? 'behörighet saknas'
      : code === 'EROFS'
        ? 'mappen är skrivskyddad'
        : code === 'ENOSPC'
          ? 'disken är full'
          : code === 'ENOTDIR'
            ? 'en del av sökvägen är en fil, inte en mapp'
            : 'ett fel uppstod';
  return new AppError('io', `${what}: ${reason}. Kontrollera mappen och försök igen; anslagstavlan som redan fanns där är oförändrad eller komplett.`, { code });
}

/** The absolute target of a relative site path, refusing anything that would leave the folder. */
function target(root: string, path: string): string {
  if (!SAFE_PATH.test(path) || path === MANIFEST || isAbsolute(path)) {
    throw new AppError('validation', `Ogiltigt filnamn i anslagstavlan: "${path}".`);
  }
  const full = resolve(root, ...path.split('/'));
  const rel = relative(root, full);
  if (rel.startsWith('..') || isAbsolute(rel)) throw new AppError('validation', `Filen "${path}" hamnar utanför mappen.`);
  return full;
}

async function readIfFile(path: string): Promise<Uint8Array | null> {
  try {
    const info = await stat(path);
    if (!info.isFile()) throw new AppError('conflict', `${path} finns redan och är inte en fil. Välj en annan mapp.`);
    return new Uint8Array(await readFile(path));
  } catch (e) {
    if ((e as { code?: string }).code === 'ENOENT') return null;
    if (e instanceof AppError) throw e;
    throw ioError(`Filen ${path} kunde inte läsas`, e);
  }
}

async function readManifest(root: string): Promise<Manifest | null> {
  const raw = await readIfFile(join(root, MANIFEST));
  if (raw === null) return null;
  try {
    const m = JSON.parse(new TextDecoder().decode(raw)) as Manifest;
    if (m.format !== MANIFEST_FORMAT || !Array.isArray(m.files)) throw new Error('format');
    return { format: MANIFEST_FORMAT, version: 1, files: m.files.filter((f) => typeof f.path === 'string' && SAFE_PATH.test(f.path)) };
  } catch {
    throw new AppError('validation', `Filen ${MANIFEST} i mappen är skadad eller kommer inte från Justera. Välj en annan mapp, eller ta bort mappens innehåll och exportera igen.`);
  }
}

/** Writes bytes to a new file and flushes them to disk before it is renamed into place. */
async function writeDurably(path: string, bytes: Uint8Array): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  const handle = await open(path, 'wx');
  try {
    await handle.writeFile(bytes);
    await handle.sync();
  } finally {
    await handle.close();
  }
}

function manifestText(files: { path: string; sha256: string }[]): string {
  const sorted = [...files].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  const m: Manifest = { format: MANIFEST_FORMAT, version: 1, files: sorted };
  return `${JSON.stringify(m, null, 2)}\n`;
}

export async function writeSite(directory: string, files: SiteFileContent[]): Promise<SiteWriteReport> {
  const root = resolve(directory);
  const seen = new Set<string>();
  const planned = files.map((f) => {
    if (seen.has(f.path)) throw new AppError('validation', `Filen "${f.path}" förekommer två gånger i anslagstavlan.`);
    seen.add(f.path);
    const bytes = bytesOf(f.content);
    return { path: f.path, full: target(root, f.path), bytes, sha256: sha256(bytes) };
  });

  try {
    await mkdir(root, { recursive: true });
  } catch (e) {
    throw ioError(`Mappen ${root} kunde inte skapas`, e);
  }
  const old = await readManifest(root);
  await removeStaleStaging(root);
  const ours = new Set(old?.files.map((f) => f.path) ?? []);

  const written: string[] = [];
  const unchanged: string[] = [];
  const changes: typeof planned = [];
  for (const f of planned) {
    const existing = await readIfFile(f.full);
    if (existing !== null && !ours.has(f.path)) {
      throw new AppError(
        'conflict',
        `Mappen innehåller redan filen ${f.path}, som Justera inte har skrivit. Välj en tom mapp (eller den mapp anslagstavlan exporterades till tidigare), eller flytta filen.`,
        { path: f.path },
      );
    }
    if (existing !== null && sha256(existing) === f.sha256) unchanged.push(f.path);
    else changes.push(f);
  }
  const keep = new Set(planned.map((f) => f.path));
  const obsolete = [...ours].filter((p) => !keep.has(p)).sort();

  const staging = join(root, `.justera-tmp-${process.pid}-${randomBytes(4).toString('hex')}`);
  try {
    for (const f of changes) await writeDurably(join(staging, ...f.path.split('/')), f.bytes);
    // Listed before anything moves: if we stop half-way, the next export still knows these files.
    const union = new Map((old?.files ?? []).map((f) => [f.path, f.sha256]));
    for (const f of planned) union.set(f.path, f.sha256);
    await replaceManifest(root, manifestText([...union.entries()].map(([path, hash]) => ({ path, sha256: hash }))), staging);
    for (const f of changes) {
      await mkdir(dirname(f.full), { recursive: true });
      await rename(join(staging, ...f.path.split('/')), f.full);
      written.push(f.path);
    }
    const removed: string[] = [];
    for (const path of obsolete) {
      let full: string;
      try {
        full = target(root, path);
      } catch {
        continue;
      }
      try {
        await unlink(full);
        removed.push(path);
      } catch (e) {
        if ((e as { code?: string }).code !== 'ENOENT') throw e;
      }
      await removeEmptyParents(root, dirname(full));
    }
    await replaceManifest(root, manifestText(planned.map((f) => ({ path: f.path, sha256: f.sha256 }))), staging);
    return { directory: root, written: written.sort(), unchanged: unchanged.sort(), removed: removed.sort() };
  } catch (e) {
    if (e instanceof AppError) throw e;
    throw ioError(`Anslagstavlan kunde inte skrivas till ${root}`, e);
  } finally {
    await rm(staging, { recursive: true, force: true });
  }
}

/** Writes the manifest through the staging folder and a rename; an identical one is left as it is. */
async function replaceManifest(root: string, text: string, staging: string): Promise<void> {
  const path = join(root, MANIFEST);
  const bytes = new TextEncoder().encode(text);
  const existing = await readIfFile(path);
  if (existing !== null && sha256(existing) === sha256(bytes)) return;
  const tmp = join(staging, `manifest-${randomBytes(4).toString('hex')}`);
  await writeDurably(tmp, bytes);
  await rename(tmp, path);
}

/** Staging folders of an export that was stopped half-way (ours by name, never anything else). */
async function removeStaleStaging(root: string): Promise<void> {
  for (const name of await readdir(root)) {
    if (/^\.justera-tmp-\d+-[0-9a-f]{8}$/.test(name)) await rm(join(root, name), { recursive: true, force: true });
  }
}

/** Removes folders left empty by removed files, up to (never including) the site's root. */
async function removeEmptyParents(root: string, dir: string): Promise<void> {
  let current = dir;
  while (current !== root && current.startsWith(root + sep)) {
    try {
      await rmdir(current);
    } catch {
      return;
    }
    current = dirname(current);
  }
}

/** How long the folder may take before the export answers with an error (a network share that does not answer). */
export const SITE_WRITE_TIMEOUT_MS = 20_000;

/**
 * A writer that always answers: after `ms` without a result it rejects with a Swedish message.
 * The write itself cannot be cancelled; its staging folder keeps the folder's site consistent, and
 * the next export cleans up what it left.
 */
export function timedSiteWriter(inner: SiteWriter, ms: number = SITE_WRITE_TIMEOUT_MS): SiteWriter {
  return {
    write(directory, files) {
      return new Promise<SiteWriteReport>((resolveWrite, reject) => {
        const timer = setTimeout(() => {
          reject(
            new AppError(
              'io',
              `Mappen ${directory} svarade inte inom ${Math.round(ms / 1000)} sekunder. Kontrollera att mappen (eller nätverksenheten) går att nå och att du får skriva där, och försök igen. Anslagstavlan som redan fanns där är oförändrad eller komplett.`,
              { directory },
            ),
          );
        }, ms);
        inner.write(directory, files).then(
          (r) => {
            clearTimeout(timer);
            resolveWrite(r);
          },
          (e: unknown) => {
            clearTimeout(timer);
            reject(e);
          },
        );
      });
    },
  };
}

export const fileSiteWriter: SiteWriter = timedSiteWriter({ write: writeSite });
