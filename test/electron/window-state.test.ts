// The remembered window: validated when read, fitted to the screens there are now.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_SIZE, fitToDisplays, loadWindowState, parseWindowState, saveWindowState, type Rect } from '../../electron/window-state';

const laptop: Rect = { x: 0, y: 0, width: 1440, height: 860 };
const external: Rect = { x: 1440, y: -200, width: 2560, height: 1400 };

describe('parsing the state file', () => {
  it('accepts a valid state', () => {
    expect(parseWindowState({ bounds: { x: 10, y: 20, width: 1000, height: 700 }, maximized: true, fullScreen: false })).toStrictEqual({
      bounds: { x: 10, y: 20, width: 1000, height: 700 },
      maximized: true,
      fullScreen: false,
    });
  });

  it('rejects garbage, wrong types, absurd numbers', () => {
    for (const raw of [
      null,
      'x',
      [],
      {},
      { bounds: { width: '1000', height: 700 } },
      { bounds: { width: 1e9, height: 700 } },
      { bounds: { width: 1000.5, height: 700 } },
      { bounds: { width: 50, height: 50 } },
      { bounds: { x: Number.NaN, y: 0, width: 1000, height: 700 } },
    ]) {
      expect(parseWindowState(raw), JSON.stringify(raw)).toBeNull();
    }
  });

  it('drops a half position', () => {
    expect(parseWindowState({ bounds: { x: 10, width: 1000, height: 700 } })?.bounds).toStrictEqual({ width: 1000, height: 700 });
  });
});

describe('fitting to the screens', () => {
  it('uses the default size, centred, the first time', () => {
    expect(fitToDisplays(null, [{ x: 0, y: 0, width: 1920, height: 1040 }])).toStrictEqual({ bounds: { ...DEFAULT_SIZE }, maximized: false, fullScreen: false });
  });

  it('keeps a position that is on a screen, also a secondary one with negative coordinates', () => {
    const state = { bounds: { x: 1600, y: -150, width: 1400, height: 900 }, maximized: false, fullScreen: false };
    expect(fitToDisplays(state, [laptop, external])).toStrictEqual(state);
  });

  it('drops a position on a screen that is gone (undocked laptop) and fits the size', () => {
    const state = { bounds: { x: 1600, y: -150, width: 2400, height: 1300 }, maximized: true, fullScreen: false };
    expect(fitToDisplays(state, [laptop])).toStrictEqual({ bounds: { width: 1440, height: 860 }, maximized: true, fullScreen: false });
  });

  it('drops a position whose title bar cannot be grabbed', () => {
    const above = { bounds: { x: 100, y: -500, width: 1000, height: 700 }, maximized: false, fullScreen: false };
    const farRight = { bounds: { x: 1400, y: 100, width: 1000, height: 700 }, maximized: false, fullScreen: false };
    expect(fitToDisplays(above, [laptop]).bounds).toStrictEqual({ width: 1000, height: 700 });
    expect(fitToDisplays(farRight, [laptop]).bounds).toStrictEqual({ width: 1000, height: 700 });
  });

  it('never makes a window smaller than the minimum, unless the screen is', () => {
    expect(fitToDisplays({ bounds: { width: 200, height: 150 }, maximized: false, fullScreen: false }, [laptop]).bounds).toStrictEqual({ width: 800, height: 560 });
    expect(fitToDisplays(null, [{ x: 0, y: 0, width: 640, height: 480 }]).bounds).toStrictEqual({ width: 640, height: 480 });
  });
});

describe('the state file', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'justera-window-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('round-trips through disk', async () => {
    const file = join(dir, 'sub', 'window-state.json');
    const state = { bounds: { x: 5, y: 6, width: 1000, height: 700 }, maximized: false, fullScreen: true };
    await saveWindowState(file, state);
    expect(JSON.parse(readFileSync(file, 'utf8'))).toStrictEqual(state);
    expect(await loadWindowState(file)).toStrictEqual(state);
  });

  it('reads a missing or broken file as "no state"', async () => {
    expect(await loadWindowState(join(dir, 'missing.json'))).toBeNull();
    writeFileSync(join(dir, 'broken.json'), '{ "bounds": ');
    expect(await loadWindowState(join(dir, 'broken.json'))).toBeNull();
  });
});
