// Remembers the main window's size and position in a small JSON file in userData. The file is
// validated on read (it is user-writable), and a position on a screen that is gone is dropped.
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { z } from 'zod';

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface WindowState {
  /** x/y absent: let the OS centre the window. */
  bounds: { x?: number; y?: number; width: number; height: number };
  maximized: boolean;
  fullScreen: boolean;
}

export const MIN_SIZE = { width: 800, height: 560 } as const;
export const DEFAULT_SIZE = { width: 1280, height: 860 } as const;
const MAX_COORD = 100_000;

const coord = z.number().int().min(-MAX_COORD).max(MAX_COORD);
const size = z.number().int().min(100).max(MAX_COORD);
const schema = z.object({
  bounds: z.object({ x: coord.optional(), y: coord.optional(), width: size, height: size }),
  maximized: z.boolean().default(false),
  fullScreen: z.boolean().default(false),
});

export function parseWindowState(raw: unknown): WindowState | null {
  const parsed = schema.safeParse(raw);
  if (!parsed.success) return null;
  const { x, y, width, height } = parsed.data.bounds;
  // A position needs both coordinates; half of one is no position.
  const bounds = x !== undefined && y !== undefined ? { x, y, width, height } : { width, height };
  return { bounds, maximized: parsed.data.maximized, fullScreen: parsed.data.fullScreen };
}

// How much of the window's top edge must lie on a screen for the user to grab and move it.
const GRAB = { width: 120, height: 32 } as const;

function grabbableOn(b: Rect, area: Rect): boolean {
  const overlap = Math.min(b.x + b.width, area.x + area.width) - Math.max(b.x, area.x);
  return overlap >= Math.min(GRAB.width, b.width) && b.y >= area.y && b.y + GRAB.height <= area.y + area.height;
}

/**
 * Fits a remembered state to the screens there are now (work areas, primary first): the size is
 * clamped to the screen it will show on, and a position no screen shows (a monitor unplugged,
 * a laptop undocked) is dropped so the window opens centred on the primary screen.
 */
export function fitToDisplays(state: WindowState | null, workAreas: readonly Rect[]): WindowState {
  const primary = workAreas[0] ?? { x: 0, y: 0, ...DEFAULT_SIZE };
  const wanted: WindowState['bounds'] = state?.bounds ?? { ...DEFAULT_SIZE };
  const placed = wanted.x !== undefined && wanted.y !== undefined ? { x: wanted.x, y: wanted.y, width: wanted.width, height: wanted.height } : null;
  const screen = (placed && workAreas.find((a) => grabbableOn(placed, a))) || null;
  const area = screen ?? primary;
  const width = Math.max(Math.min(wanted.width, area.width), Math.min(MIN_SIZE.width, area.width));
  const height = Math.max(Math.min(wanted.height, area.height), Math.min(MIN_SIZE.height, area.height));
  const bounds = placed && screen ? { x: placed.x, y: placed.y, width, height } : { width, height };
  return { bounds, maximized: state?.maximized ?? false, fullScreen: state?.fullScreen ?? false };
}

export async function loadWindowState(path: string): Promise<WindowState | null> {
  try {
    return parseWindowState(JSON.parse(await readFile(path, 'utf8')) as unknown);
  } catch {
    // Missing or unreadable: the defaults are a fine answer; nothing to tell the user.
    return null;
  }
}

export async function saveWindowState(path: string, state: WindowState): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  const tmp = `${path}.tmp`;
  await writeFile(tmp, `${JSON.stringify(state, null, 2)}\n`, 'utf8');
  await rename(tmp, path);
}
