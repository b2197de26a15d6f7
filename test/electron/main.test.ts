// main.ts wired together with a fake Electron and a real database in a temp --data-dir: what
// happens before `ready`, what start-up sets up, second launches, IPC, backups and quitting.
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import * as electron from 'electron';
import type { IpcMainInvokeEvent } from 'electron';
import { FakeBrowserWindow, FakeEvent, FakeWebContents, type FakeElectron } from './fake-electron';
import type { Result } from '../../core/api/errors';

vi.mock('electron', async () => (await import('./fake-electron')).createFakeElectron());
const fake = electron as unknown as FakeElectron;

let base: string;
let dataDir: string;
let win: FakeBrowserWindow;
const originalArgv = process.argv;

function listener(event: string): (...args: unknown[]) => unknown {
  const l = fake.app.listeners(event)[0] as ((...args: unknown[]) => unknown) | undefined;
  if (!l) throw new Error(`no listener for ${event}`);
  return l;
}

beforeAll(async () => {
  base = mkdtempSync(join(tmpdir(), 'justera-main-'));
  dataDir = join(base, 'data dir');
  fake.app.setPath('appData', join(base, 'appdata'));
  vi.spyOn(console, 'warn').mockImplementation(() => undefined);
  process.argv = ['/opt/Justera/justera', '--data-dir', dataDir, join(base, 'att justera.justera')];
  const main = await import('../../electron/main');

  // Before ready: only what must happen before ready has happened.
  expect(fake.app.requestSingleInstanceLock).toHaveBeenCalled();
  expect(fake.protocol.registerSchemesAsPrivileged).toHaveBeenCalledTimes(1);
  expect(fake.protocol.handle).not.toHaveBeenCalled();
  expect(FakeBrowserWindow.created).toHaveLength(0);

  fake.app.markReady();
  await main.started;
  const created = FakeBrowserWindow.created[0];
  if (!created) throw new Error('no window');
  win = created;
});

afterAll(() => {
  process.argv = originalArgv;
  rmSync(base, { recursive: true, force: true });
});

describe('start-up', () => {
  it('keeps user data in userData/Justera and the database in --data-dir', () => {
    expect(fake.app.setPath).toHaveBeenCalledWith('userData', join(base, 'appdata', 'Justera'));
    expect(existsSync(join(dataDir, 'justera.db'))).toBe(true);
  });

  it('hardens the session and serves app:// from renderer/dist', () => {
    const ses = fake.session.defaultSession;
    expect(ses.setPermissionRequestHandler).toHaveBeenCalledTimes(1);
    expect(ses.setPermissionCheckHandler).toHaveBeenCalledTimes(1);
    expect(ses.setSpellCheckerLanguages).toHaveBeenCalledWith(['sv-SE']);
    expect(fake.protocol.handle).toHaveBeenCalledWith('app', expect.any(Function));
  });

  it('opens exactly one window, secure, on the app:// start page', () => {
    expect(FakeBrowserWindow.created).toHaveLength(1);
    const prefs = win.options['webPreferences'] as Record<string, unknown>;
    expect(prefs).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, webviewTag: false, webSecurity: true, devTools: true });
    expect(String(prefs['preload'])).toMatch(/preload\.cjs$/);
    expect(win.loadURL).toHaveBeenCalledWith('app://justera/index.html');
  });

  it('registers the one IPC handler and answers our window with the data path', async () => {
    expect([...fake.ipcMain.handlers.keys()]).toStrictEqual(['justera:invoke']);
    const handler = fake.ipcMain.handlers.get('justera:invoke') as (e: IpcMainInvokeEvent, m: string, i: unknown) => Promise<Result<unknown>>;
    const event = { sender: win.webContents, senderFrame: win.webContents.mainFrame } as unknown as IpcMainInvokeEvent;
    expect(await handler(event, 'app.info', {})).toMatchObject({ ok: true, value: { databasePath: join(dataDir, 'justera.db'), transport: 'ipc' } });
    const stranger = new FakeWebContents();
    expect(await handler({ sender: stranger, senderFrame: stranger.mainFrame } as unknown as IpcMainInvokeEvent, 'app.info', {})).toMatchObject({ ok: false, error: { code: 'unauthorized' } });
  });

  it('sets the Swedish menu', () => {
    const menu = fake.Menu.buildFromTemplate.mock.calls.at(-1)?.[0] as { label?: string }[];
    expect(menu.map((m) => m.label)).toStrictEqual(['Arkiv', 'Redigera', 'Visa', 'Fönster', 'Hjälp']);
    expect(fake.Menu.setApplicationMenu).toHaveBeenCalled();
  });

  it('hardens every WebContents that is created, not only our windows', () => {
    const contents = new FakeWebContents();
    listener('web-contents-created')(new FakeEvent(), contents);
    const e = new FakeEvent();
    contents.emit('will-navigate', e, 'https://example.com/');
    expect(e.defaultPrevented).toBe(true);
    expect(contents.windowOpenHandler?.({ url: 'https://example.com/' })).toStrictEqual({ action: 'deny' });
  });
});

describe('files from the OS', () => {
  it('delivers the file from the command line once the page has loaded', () => {
    expect(win.webContents.sent).toHaveLength(0);
    win.webContents.emit('did-finish-load');
    expect(win.webContents.sent).toStrictEqual([['justera:event', 'file.opened', { path: join(base, 'att justera.justera'), kind: 'justera' }]]);
  });

  it('focuses the window and passes on the file of a second launch', () => {
    win.minimized = true;
    win.webContents.sent.length = 0;
    listener('second-instance')(new FakeEvent(), ['/opt/Justera/justera', '--data-dir', '/elsewhere', 'protokoll.pdf'], '/home/kansliet');
    expect(win.restore).toHaveBeenCalled();
    expect(win.focus).toHaveBeenCalled();
    expect(win.webContents.sent).toStrictEqual([['justera:event', 'file.opened', { path: join('/home/kansliet', 'protokoll.pdf'), kind: 'pdf' }]]);
    expect(fake.app.addRecentDocument).toHaveBeenCalledWith(join('/home/kansliet', 'protokoll.pdf'));
  });

  it('passes on a file opened on macOS (open-file)', () => {
    win.webContents.sent.length = 0;
    const e = new FakeEvent();
    listener('open-file')(e, '/Users/anna/Signering.justera');
    expect(e.defaultPrevented).toBe(true);
    expect(win.webContents.sent).toStrictEqual([['justera:event', 'file.opened', { path: '/Users/anna/Signering.justera', kind: 'justera' }]]);
  });
});

describe('quitting', () => {
  it('finishes the start backup and closes the database before the process ends', async () => {
    const e = new FakeEvent();
    fake.app.quit.mockClear();
    const quit = new Promise<void>((resolve) => fake.app.quit.mockImplementationOnce(() => resolve()));
    listener('before-quit')(e);
    expect(e.defaultPrevented).toBe(true);
    await quit;
    // Shutting down waited for the backup made at start, which is there.
    const backups = join(dataDir, 'Säkerhetskopior');
    expect(existsSync(backups) && readdirSync(backups).some((n) => n.endsWith('.sqlite'))).toBe(true);
    // The second before-quit (from that app.quit) lets the app go.
    const again = new FakeEvent();
    listener('before-quit')(again);
    expect(again.defaultPrevented).toBe(false);
    expect(existsSync(join(base, 'appdata', 'Justera', 'window-state.json'))).toBe(true);
  });

  it('quits when the last window closes, except on macOS', () => {
    fake.app.quit.mockClear();
    listener('window-all-closed')();
    expect(fake.app.quit).toHaveBeenCalledTimes(process.platform === 'darwin' ? 0 : 1);
  });
});
