// Reads rendered PDFs back with the real tools (poppler, qpdf), as a reader or archive would.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface TempDir {
  path: string;
  file(name: string, bytes: Uint8Array): string;
  remove(): void;
}

export function tempDir(prefix = 'justera-doc-'): TempDir {
  const path = mkdtempSync(join(tmpdir(), prefix));
  return {
    path,
    file(name, bytes) {
      const p = join(path, name);
      writeFileSync(p, bytes);
      return p;
    },
    remove: () => rmSync(path, { recursive: true, force: true }),
  };
}

/**
 * The text of the whole file, or of one page (1-based). `raw` keeps the content-stream order,
 * the logical order a reader without layout analysis (and a screen reader) follows; the default
 * is pdftotext's layout analysis, which reads a sparse table column by column.
 */
export function pdfText(file: string, page?: number, mode: 'layout-analysis' | 'raw' = 'layout-analysis'): string {
  const range = page === undefined ? [] : ['-f', `${page}`, '-l', `${page}`];
  const raw = mode === 'raw' ? ['-raw'] : [];
  return execFileSync('pdftotext', ['-enc', 'UTF-8', ...raw, ...range, file, '-'], { encoding: 'utf8' });
}

/** Text split at form feeds: one string per page. */
export function pdfPages(file: string): string[] {
  const pages = pdfText(file).split('\f');
  return pages[pages.length - 1]?.trim() === '' ? pages.slice(0, -1) : pages;
}

export interface FontRow {
  name: string;
  type: string;
  embedded: boolean;
}

export function pdfFonts(file: string): FontRow[] {
  const out = execFileSync('pdffonts', [file], { encoding: 'utf8' });
  return out
    .split('\n')
    .slice(2)
    .filter((l) => l.trim() !== '')
    .map((line) => {
      // Columns: name type encoding emb sub uni object ID; the name has no spaces.
      const cols = line.trim().split(/\s+/);
      const emb = cols[cols.length - 5];
      return { name: cols[0] ?? '', type: line.slice(37, 55).trim(), embedded: emb === 'yes' };
    });
}

export function qpdfCheck(file: string): { status: number; output: string } {
  const r = spawnSync('qpdf', ['--check', file], { encoding: 'utf8' });
  return { status: r.status ?? -1, output: `${r.stdout}${r.stderr}` };
}

export function pdfInfo(file: string): Record<string, string> {
  const out = execFileSync('pdfinfo', ['-isodates', file], { encoding: 'utf8' });
  const info: Record<string, string> = {};
  for (const line of out.split('\n')) {
    const m = /^([^:]+):\s*(.*)$/.exec(line);
    if (m?.[1] !== undefined && m[2] !== undefined) info[m[1].trim()] = m[2].trim();
  }
  return info;
}

export interface Gray {
  width: number;
  height: number;
  data: Uint8Array;
}

/** Rasterises every page to 8-bit grey (pdftoppm -gray, binary PGM). */
export function rasterise(file: string, dpi: number, dir: string): Gray[] {
  execFileSync('pdftoppm', ['-r', `${dpi}`, '-gray', file, join(dir, 'page')]);
  return readdirSync(dir)
    .filter((f) => f.startsWith('page') && f.endsWith('.pgm'))
    .sort()
    .map((f) => parsePgm(readFileSync(join(dir, f))));
}

/** Writes page PNGs (pdftoppm -png, grey unless `colour`) named prefix-N.png; returns their paths in order. */
export function rasteriseToPng(file: string, dpi: number, dir: string, prefix: string, opts: { first?: number; last?: number; colour?: boolean } = {}): string[] {
  const range = [...(opts.first === undefined ? [] : ['-f', `${opts.first}`]), ...(opts.last === undefined ? [] : ['-l', `${opts.last}`])];
  execFileSync('pdftoppm', ['-r', `${dpi}`, ...(opts.colour === true ? [] : ['-gray']), '-png', ...range, file, join(dir, prefix)]);
  return readdirSync(dir)
    .filter((f) => f.startsWith(`${prefix}-`) && f.endsWith('.png'))
    .sort()
    .map((f) => join(dir, f));
}

export function parsePgm(buf: Uint8Array): Gray {
  // Header: "P5" width height maxval, separated by whitespace, then one byte per pixel.
  const header = /^P5\s+(\d+)\s+(\d+)\s+(\d+)\s/.exec(Buffer.from(buf.subarray(0, 64)).toString('latin1'));
  if (header?.[1] === undefined || header[2] === undefined || header[3] !== '255') throw new Error('Not an 8-bit binary PGM');
  const width = Number(header[1]);
  const height = Number(header[2]);
  const offset = header[0].length;
  return { width, height, data: buf.subarray(offset, offset + width * height) };
}
