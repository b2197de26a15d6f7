// The secure window factory: these tests fail if any security setting of a window changes.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import * as electron from 'electron';
import { FakeBrowserWindow, FakeEvent, type FakeElectron, type FakeWebContents } from './fake-electron';
import { createSecureWindow, hardenWebContents, isTrustedWebContents } from '../../electron/window';

vi.mock('electron', async () => (await import('./fake-electron')).createFakeElectron());
const fake = electron as unknown as FakeElectron;

const EXPECTED_PREFERENCES = {
  preload: '/app/dist-electron/preload.cjs',
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
  plugins: true,
  spellcheck: true,
  devTools: false,
};

function makeWindow(devTools = false): FakeBrowserWindow {
  createSecureWindow({ preloadPath: '/app/dist-electron/preload.cjs', devTools, bounds: { width: 1200, height: 800 } });
  const win = FakeBrowserWindow.created.at(-1);
  if (!win) throw new Error('no window');
  return win;
}

function emit(contents: FakeWebContents, event: string, ...args: unknown[]): FakeEvent {
  const e = new FakeEvent();
  contents.emit(event, e, ...args);
  return e;
}

describe('secure window factory', () => {
  beforeEach(() => {
    fake.shell.openExternal.mockClear();
  });

  it('uses exactly the secure webPreferences (packaged: no DevTools)', () => {
    const win = makeWindow(false);
    expect(win.options['webPreferences']).toStrictEqual(EXPECTED_PREFERENCES);
  });

  it('differs in development only by DevTools', () => {
    const win = makeWindow(true);
    expect(win.options['webPreferences']).toStrictEqual({ ...EXPECTED_PREFERENCES, devTools: true });
  });

  it('loads only the app:// start page and shows the window when ready', () => {
    const win = makeWindow();
    expect(win.loadURL).toHaveBeenCalledTimes(1);
    expect(win.loadURL).toHaveBeenCalledWith('app://justera/index.html');
    expect(win.options['show']).toBe(false);
    win.emit('ready-to-show');
    expect(win.show).toHaveBeenCalled();
  });

  it('marks its WebContents as trusted, and only those', () => {
    const win = makeWindow();
    expect(isTrustedWebContents(win.webContents as unknown as electron.WebContents)).toBe(true);
    const stranger = new (FakeBrowserWindow as unknown as new (o: object) => FakeBrowserWindow)({ width: 1, height: 1 });
    expect(isTrustedWebContents(stranger.webContents as unknown as electron.WebContents)).toBe(false);
  });

  it('denies every navigation, even to its own origin', () => {
    const { webContents } = makeWindow();
    for (const url of ['app://justera/index.html', 'https://example.com/', 'file:///etc/passwd', 'http://127.0.0.1:3000/', 'javascript:alert(1)']) {
      expect(emit(webContents, 'will-navigate', url).defaultPrevented).toBe(true);
    }
  });

  it('denies redirects and webviews', () => {
    const { webContents } = makeWindow();
    expect(emit(webContents, 'will-redirect', 'https://evil.example/').defaultPrevented).toBe(true);
    expect(emit(webContents, 'will-attach-webview', {}, {}).defaultPrevented).toBe(true);
  });

  it('denies every new window', () => {
    const { webContents } = makeWindow();
    const handler = webContents.windowOpenHandler;
    expect(handler).not.toBeNull();
    for (const url of ['app://justera/x', 'https://www.riksdagen.se/', 'file:///C:/Windows/System32/calc.exe', 'about:blank']) {
      expect(handler?.({ url })).toStrictEqual({ action: 'deny' });
    }
  });

  it('hands only safe https links to the system browser', () => {
    const { webContents } = makeWindow();
    webContents.windowOpenHandler?.({ url: 'https://www.riksdagen.se/sv/dokument/' });
    emit(webContents, 'will-navigate', 'https://lagen.nu/2017:725');
    for (const url of ['http://example.com/', 'file:///etc/passwd', 'smb://server/share', 'ms-msdt:/id', 'https://user:pw@example.com/', 'https://localhost/', 'app://justera/']) {
      webContents.windowOpenHandler?.({ url });
      emit(webContents, 'will-navigate', url);
    }
    expect(fake.shell.openExternal.mock.calls).toStrictEqual([['https://www.riksdagen.se/sv/dokument/'], ['https://lagen.nu/2017:725']]);
  });

  it('hardens any WebContents once, even when asked twice', () => {
    const contents = new FakeBrowserWindow({ width: 1, height: 1 }).webContents;
    hardenWebContents(contents as unknown as electron.WebContents);
    hardenWebContents(contents as unknown as electron.WebContents);
    expect(contents.listenerCount('will-navigate')).toBe(1);
    expect(emit(contents, 'will-navigate', 'https://example.com/').defaultPrevented).toBe(true);
    expect(fake.shell.openExternal).toHaveBeenCalledTimes(1);
  });
});
