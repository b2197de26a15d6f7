// The patches around @react-pdf, pdfkit and fontkit (templates/pdf/patched-packages.ts) were
// written against exact versions. This fails at once when an installed copy — the one each
// user of the package actually loads, found the way Node resolves it — has another version,
// or when package.json stops pinning them exactly.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { PATCHED_PACKAGES } from '../../templates/pdf/patched-packages';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

/** The directory of package `name` as Node resolves it from `from` (node_modules lookup upwards). */
function packageDir(name: string, from: string): string {
  let dir = from;
  for (;;) {
    const candidate = join(dir, 'node_modules', name);
    if (existsSync(join(candidate, 'package.json'))) return candidate;
    const up = dirname(dir);
    if (up === dir) throw new Error(`${name} is not installed (looked from ${from})`);
    dir = up;
  }
}

const manifest = (dir: string) => JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { name: string; version: string; dependencies?: Record<string, string> };

describe('patched third-party packages', () => {
  it('are installed at the versions the patches were written for, as every user loads them', () => {
    const renderer = packageDir('@react-pdf/renderer', ROOT);
    const render = packageDir('@react-pdf/render', renderer);
    const font = packageDir('@react-pdf/font', renderer);
    const loaded: [string, string][] = [
      ['@react-pdf/renderer', renderer],
      ['@react-pdf/render', render],
      ['@react-pdf/textkit', packageDir('@react-pdf/textkit', packageDir('@react-pdf/layout', renderer))],
      ['@react-pdf/font', font],
      ['@react-pdf/layout', packageDir('@react-pdf/layout', renderer)],
      // Ours (templates/pdf/pdfkit-*.ts), @react-pdf/renderer's and @react-pdf/render's pdfkit.
      ['pdfkit', packageDir('pdfkit', ROOT)],
      ['pdfkit', packageDir('pdfkit', renderer)],
      ['pdfkit', packageDir('pdfkit', render)],
      // @react-pdf/font's fontkit (the fonts that are laid out) and pdfkit's.
      ['fontkit', packageDir('fontkit', font)],
      ['fontkit', packageDir('fontkit', packageDir('pdfkit', renderer))],
    ];
    for (const [name, dir] of loaded) {
      const m = manifest(dir);
      expect(m.name).toBe(name);
      expect(`${name}@${m.version} (${dir})`).toBe(`${name}@${PATCHED_PACKAGES[name as keyof typeof PATCHED_PACKAGES]} (${dir})`);
    }
    // One copy of each: the patches are installed on one pdfkit prototype and one fontkit.
    expect(new Set(loaded.filter(([n]) => n === 'pdfkit').map(([, d]) => d)).size).toBe(1);
    expect(new Set(loaded.filter(([n]) => n === 'fontkit').map(([, d]) => d)).size).toBe(1);
  });

  it('are pinned exactly in package.json (dependencies and overrides)', () => {
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { dependencies: Record<string, string>; overrides?: Record<string, Record<string, string>> };
    expect(pkg.dependencies['@react-pdf/renderer']).toBe(PATCHED_PACKAGES['@react-pdf/renderer']);
    expect(pkg.dependencies.pdfkit).toBe(PATCHED_PACKAGES.pdfkit);
    const underRenderer = pkg.overrides?.[`@react-pdf/renderer@${PATCHED_PACKAGES['@react-pdf/renderer']}`];
    const { '@react-pdf/renderer': _renderer, ...transitive } = PATCHED_PACKAGES;
    expect(underRenderer).toEqual(transitive);
    expect(pkg.overrides?.[`pdfkit@${PATCHED_PACKAGES.pdfkit}`]).toEqual({ fontkit: PATCHED_PACKAGES.fontkit });
    for (const version of Object.values(PATCHED_PACKAGES)) expect(version).toMatch(/^\d+\.\d+\.\d+$/);
  });
});
