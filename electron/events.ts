// The events the main process may push to the renderer, and the one IPC channel names. Shared by
// preload.ts (sandboxed: only type imports from the contract, no zod at run time) and main.
import type { Events } from '../core/api/contract';
import type { OpenableKind } from './argv';

/** Commands from the native menu that the UI carries out (it knows the current view). */
export type MenuCommand = 'meeting.open';

/**
 * Events only the desktop shell has. They belong in the contract's Events once the renderer
 * subscribes to them; until then they live here so the preload can allow them.
 */
export interface ShellEvents {
  /** A .justera package or a PDF was opened from the OS (double-click, second launch, Öppna…). */
  'file.opened': { path: string; kind: OpenableKind };
  'menu.command': { command: MenuCommand; meetingId?: string };
}

export type DesktopEvents = Events & ShellEvents;
export type DesktopEventName = keyof DesktopEvents;

export const INVOKE_CHANNEL = 'justera:invoke';
export const EVENT_CHANNEL = 'justera:event';

/** Every event name, at run time; the type below fails to compile if one is missing. */
export const DESKTOP_EVENT_NAMES = ['data.changed', 'job.progress', 'file.opened', 'menu.command'] as const;

type Missing = Exclude<DesktopEventName, (typeof DESKTOP_EVENT_NAMES)[number]>;
type Extra = Exclude<(typeof DESKTOP_EVENT_NAMES)[number], DesktopEventName>;
// If this line fails to compile, DESKTOP_EVENT_NAMES is out of step with the contract's Events.
export const eventNamesComplete: [Missing, Extra] extends [never, never] ? true : never = true;

export function isDesktopEventName(name: unknown): name is DesktopEventName {
  return typeof name === 'string' && (DESKTOP_EVENT_NAMES as readonly string[]).includes(name);
}
