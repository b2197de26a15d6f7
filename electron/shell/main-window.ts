// Opens the main window where the user left it (fitted to today's screens) and keeps the
// remembered state up to date without writing on every pixel of a drag.
import { screen, type BrowserWindow } from 'electron';
import { createSecureWindow } from '../window';
import { fitToDisplays, loadWindowState, saveWindowState, type Rect, type WindowState } from '../window-state';

export interface MainWindow {
  window: BrowserWindow;
  /** Writes the current state now; resolves when it is on disk (called before quitting). */
  flushState(): Promise<void>;
}

function workAreas(): Rect[] {
  const primary = screen.getPrimaryDisplay();
  return [
    primary.workArea,
    ...screen
      .getAllDisplays()
      .filter((d) => d.id !== primary.id)
      .map((d) => d.workArea),
  ];
}

export async function openMainWindow(options: { preloadPath: string; devTools: boolean; stateFile: string }): Promise<MainWindow> {
  const state = fitToDisplays(await loadWindowState(options.stateFile), workAreas());
  const win = createSecureWindow({ preloadPath: options.preloadPath, devTools: options.devTools, bounds: state.bounds });
  if (state.maximized) win.maximize();
  if (state.fullScreen) win.setFullScreen(true);

  let last: WindowState | null = null;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let writing: Promise<void> = Promise.resolve();
  const snapshot = (): void => {
    if (!win.isDestroyed()) last = { bounds: win.getNormalBounds(), maximized: win.isMaximized(), fullScreen: win.isFullScreen() };
  };
  const save = (): Promise<void> => {
    if (timer) clearTimeout(timer);
    timer = null;
    snapshot();
    const state = last;
    if (state) writing = writing.then(() => saveWindowState(options.stateFile, state)).catch((e: unknown) => console.warn('[justera] fönstrets läge kunde inte sparas:', e));
    return writing;
  };
  const later = (): void => {
    snapshot();
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => void save(), 750);
  };
  win.on('resize', later);
  win.on('move', later);
  win.on('maximize', later);
  win.on('unmaximize', later);
  win.on('enter-full-screen', later);
  win.on('leave-full-screen', later);
  win.on('close', () => void save());
  return { window: win, flushState: save };
}
