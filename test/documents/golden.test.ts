// Layout regression: the reference protocol's pages rasterised at 50 dpi and compared with
// committed golden images. UPDATE_GOLDEN=1 rewrites the goldens (and the README picture)
// instead of comparing; review the new images before committing them.
import { copyFileSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildProtocolData, type ProtocolData } from '../../core/documents';
import { CONTENT_BOTTOM, CONTENT_TOP, PAGE_HEIGHT, type LayoutShift } from '../../templates/components/layout';
import { renderProtocol } from '../../templates/render';
import { compareGray, decodeGrayPng, shiftRows, type Diff } from './helpers/images';
import { rasterise, rasteriseToPng, tempDir, type Gray, type TempDir } from './helpers/pdf-tools';
import { GENERATED_AT, REFERENCE_NOTICES, referenceMeeting } from './helpers/reference';

const DPI = 50;
const GOLDEN_DIR = fileURLToPath(new URL('../fixtures/documents/golden/', import.meta.url));
const README_IMAGE = fileURLToPath(new URL('../../docs/images/protokoll-sida-1.png', import.meta.url));
const PREFIX = 'protokoll-e-namnden';
const UPDATE = process.env.UPDATE_GOLDEN === '1';

/** Share of pixels allowed to differ (by more than 64 grey levels): rasteriser noise, not layout. */
const TOLERANCE = 0.001;

let dir: TempDir;
let data: ProtocolData;
let pages: Gray[];

async function render(shift?: LayoutShift): Promise<Gray[]> {
  const result = await renderProtocol(data, shift === undefined ? {} : { shift });
  const sub = join(dir.path, `r-${Math.random().toString(36).slice(2)}`);
  mkdirSync(sub);
  return rasterise(dir.file(`${sub.split('/').pop() ?? 'x'}.pdf`, result.pdf), DPI, sub);
}

function goldens(): Gray[] {
  return readdirSync(GOLDEN_DIR)
    .filter((f) => f.startsWith(`${PREFIX}-`) && f.endsWith('.png'))
    .sort()
    .map((f) => decodeGrayPng(readFileSync(join(GOLDEN_DIR, f))));
}

/** The band of a page between two heights given in points from the top. */
function band(img: Gray, fromPt: number, toPt: number): Gray {
  const scale = img.height / PAGE_HEIGHT;
  const from = Math.max(0, Math.floor(fromPt * scale));
  const to = Math.min(img.height, Math.ceil(toPt * scale));
  return { width: img.width, height: to - from, data: img.data.subarray(from * img.width, to * img.width) };
}

beforeAll(async () => {
  dir = tempDir('justera-golden-');
  data = buildProtocolData(referenceMeeting(), { generatedAt: GENERATED_AT, notices: REFERENCE_NOTICES });
  if (UPDATE) {
    const result = await renderProtocol(data);
    const file = dir.file('protokoll.pdf', result.pdf);
    mkdirSync(GOLDEN_DIR, { recursive: true });
    for (const f of readdirSync(GOLDEN_DIR)) if (f.startsWith(`${PREFIX}-`)) rmSync(join(GOLDEN_DIR, f));
    rasteriseToPng(file, DPI, GOLDEN_DIR, PREFIX);
    mkdirSync(join(README_IMAGE, '..'), { recursive: true });
    const [first] = rasteriseToPng(file, 100, dir.path, 'readme', { first: 1, last: 1, colour: true });
    if (first !== undefined) copyFileSync(first, README_IMAGE);
  }
  pages = await render();
});

afterAll(() => dir.remove());

describe('golden images of the reference protocol', () => {
  it('matches every page within the tolerance', () => {
    const golden = goldens();
    expect(golden.length, 'golden images; run with UPDATE_GOLDEN=1 to create them').toBeGreaterThan(0);
    expect(pages).toHaveLength(golden.length);
    const diffs = pages.map((page, i) => ({ page: i + 1, ...compareGray(page, golden[i] as Gray) }));
    expect(diffs.filter((d) => d.ratio > TOLERANCE)).toEqual([]);
  });

  it('notices a shifted raster (the comparison is sensitive enough)', () => {
    const golden = goldens();
    const first = golden[0] as Gray;
    const scale = first.height / PAGE_HEIGHT;
    const moved = shiftRows(first, 0, Math.round(CONTENT_TOP * scale), 2);
    expect(compareGray(moved, first).ratio).toBeGreaterThan(TOLERANCE);
  });

  const moved: [string, LayoutShift, (g: Gray[], p: Gray[]) => Diff][] = [
    ['the header', { header: 4 }, (g, p) => compareGray(band(p[0] as Gray, 0, CONTENT_TOP), band(g[0] as Gray, 0, CONTENT_TOP))],
    ['the footer', { footer: 4 }, (g, p) => compareGray(band(p[0] as Gray, PAGE_HEIGHT - CONTENT_BOTTOM, PAGE_HEIGHT), band(g[0] as Gray, PAGE_HEIGHT - CONTENT_BOTTOM, PAGE_HEIGHT))],
    ['the närvarolista', { attendance: 4 }, (g, p) => compareGray(p[1] as Gray, g[1] as Gray)],
    ['a § heading', { paragraphHeading: 4 }, (g, p) => compareGray(p[2] as Gray, g[2] as Gray)],
  ];
  it.each(moved)('fails when %s moves by 4 pt', async (_what, shift, diff) => {
    const shifted = await render(shift);
    expect(diff(goldens(), shifted).ratio).toBeGreaterThan(TOLERANCE);
  });
});
