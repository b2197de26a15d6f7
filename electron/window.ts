// The only way the app creates windows: fixed, secure webPreferences, our app:// page and nothing
// else, and every navigation, popup, redirect and webview refused.
import { BrowserWindow, shell, type WebContents } from 'electron';
import { APP_START_URL, isSafeExternalUrl } from './urls';

export interface SecureWindowOptions {
  preloadPath: string;
  /** DevTools only in development; the packaged app has none. */
  devTools: boolean;
  bounds: { x?: number; y?: number; width: number; height: number };
}

// WebContents of windows made here; IPC answers only these (see ipc.ts).
const trusted = new WeakSet<WebContents>();
const hardened = new WeakSet<WebContents>();

export function isTrustedWebContents(contents: WebContents): boolean {
  return trusted.has(contents);
}

function openIfSafe(url: string): void {
  if (!isSafeExternalUrl(url)) return;
  shell.openExternal(url).catch((e: unknown) => console.error('[justera] länken kunde inte öppnas:', e));
}

/**
 * Denies everything that could bring other content into a window. Applied to every WebContents
 * the app ever gets (main.ts hooks `web-contents-created`), not only to our own windows.
 * A https link the user clicks goes to the system browser; nothing is ever loaded in the app.
 */
export function hardenWebContents(contents: WebContents): void {
  if (hardened.has(contents)) return;
  hardened.add(contents);
  contents.on('will-navigate', (event, url) => {
    event.preventDefault();
    openIfSafe(url);
  });
  contents.on('will-redirect', (event) => {
    event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => {
    event.preventDefault();
  });
  contents.setWindowOpenHandler(({ url }) => {
    openIfSafe(url);
    return { action: 'deny' };
  });
}

export function createSecureWindow(options: SecureWindowOptions): BrowserWindow {
  const win = new BrowserWindow({
    ...options.bounds,
    minWidth: 800,
    minHeight: 560,
    show: false,
    title: 'Justera',
    backgroundColor: '#ffffff',
    // Electron's security checklist, written out literally so that reviewers and static checkers
    // (electronegativity) see it. A test pins this object; change it only on purpose.
    webPreferences: {
      preload: options.preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webviewTag: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      enableWebSQL: false,
      navigateOnDragDrop: false,
      safeDialogs: true,
      // Chromium's only plugin left is its PDF viewer, which the document preview frame uses.
      plugins: true,
      spellcheck: true,
      devTools: options.devTools,
    },
  });
  trusted.add(win.webContents);
  hardenWebContents(win.webContents);
  win.once('ready-to-show', () => win.show());
  void win.loadURL(APP_START_URL).catch((e: unknown) => console.error('[justera] gränssnittet kunde inte laddas:', e));
  return win;
}
