// The one IPC entry point: `justera:invoke` (method, input) → Result, answered only for the main
// frame of a window we created showing our app:// page. Everything else is refused as a Result.
import { ipcMain, type IpcMainInvokeEvent, type WebContents } from 'electron';
import { AppError, toErrorBody, type Result } from '../core/api/errors';
import { EVENT_CHANNEL, INVOKE_CHANNEL, type DesktopEventName, type DesktopEvents } from './events';
import { APP_ORIGIN, isAppUrl } from './urls';

export interface IpcOptions {
  dispatch: (method: string, input: unknown) => Promise<Result<unknown>>;
  /** True for WebContents of windows made by window.ts. */
  isTrusted: (contents: WebContents) => boolean;
  /** Told after every answered call (main.ts refreshes the menu's recent meetings). */
  afterCall?: (method: string) => void;
}

const refused: Result<never> = {
  ok: false,
  error: new AppError('unauthorized', 'Anropet kom inte från Justeras eget fönster och har avvisats.').toBody(),
};

/** Why a call is refused, or null when it comes from the main frame of one of our windows. */
export function senderProblem(event: IpcMainInvokeEvent, isTrusted: (contents: WebContents) => boolean): string | null {
  const frame = event.senderFrame;
  if (!frame || frame.detached) return 'no frame';
  if (!isTrusted(event.sender)) return 'not our window';
  if (frame.parent !== null || frame.frameToken !== event.sender.mainFrame.frameToken) return 'not the main frame';
  if (!isAppUrl(frame.url) || frame.origin !== APP_ORIGIN) return `foreign page ${frame.origin}`;
  return null;
}

export async function handleInvoke(options: IpcOptions, event: IpcMainInvokeEvent, method: unknown, input: unknown): Promise<Result<unknown>> {
  const problem = senderProblem(event, options.isTrusted);
  if (problem !== null) {
    console.warn(`[justera] IPC avvisat (${problem})`);
    return refused;
  }
  if (typeof method !== 'string') {
    return { ok: false, error: new AppError('validation', 'Anropet saknar namn på åtgärden.').toBody() };
  }
  let result: Result<unknown>;
  try {
    result = await options.dispatch(method, input);
  } catch (e) {
    // dispatch() already turns handler errors into Results; this catches the unexpected.
    console.error(`[justera] internt fel i ${method}:`, e);
    result = { ok: false, error: toErrorBody(e) };
  }
  options.afterCall?.(method);
  return result;
}

/** Registers the handler; returns a function that removes it (used on restore and in tests). */
export function registerIpc(options: IpcOptions): () => void {
  ipcMain.handle(INVOKE_CHANNEL, (event, method: unknown, input: unknown) => handleInvoke(options, event, method, input));
  return () => ipcMain.removeHandler(INVOKE_CHANNEL);
}

/** Pushes an event to one of our windows; others (and closed ones) never get it. */
export function sendEvent<E extends DesktopEventName>(contents: WebContents, isTrusted: (contents: WebContents) => boolean, event: E, payload: DesktopEvents[E]): boolean {
  if (contents.isDestroyed() || !isTrusted(contents) || !isAppUrl(contents.getURL())) return false;
  contents.send(EVENT_CHANNEL, event, payload);
  return true;
}
