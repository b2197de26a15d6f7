// IPC: one channel, answered only for the main frame of our own window on app://; everything
// else gets an error Result and never reaches the back end.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import * as electron from 'electron';
import type { IpcMainInvokeEvent, WebContents } from 'electron';
import { FakeBrowserWindow, FakeFrame, type FakeElectron, type FakeWebContents } from './fake-electron';
import { registerIpc, sendEvent, senderProblem } from '../../electron/ipc';
import { createSecureWindow, isTrustedWebContents } from '../../electron/window';
import { createBackend } from '../../electron/backend';
import type { Result } from '../../core/api/errors';

vi.mock('electron', async () => (await import('./fake-electron')).createFakeElectron());
const fake = electron as unknown as FakeElectron;

type Invoke = (event: IpcMainInvokeEvent, method: unknown, input: unknown) => Promise<Result<unknown>>;

function ourWindow(): FakeWebContents {
  createSecureWindow({ preloadPath: '/p.cjs', devTools: false, bounds: { width: 900, height: 700 } });
  const win = FakeBrowserWindow.created.at(-1);
  if (!win) throw new Error('no window');
  return win.webContents;
}

function eventFrom(contents: FakeWebContents, frame: FakeFrame | null = contents.mainFrame): IpcMainInvokeEvent {
  return { sender: contents, senderFrame: frame, frameId: 1, processId: 1, type: 'frame' } as unknown as IpcMainInvokeEvent;
}

describe('IPC entry point', () => {
  let dispatch: ReturnType<typeof vi.fn<(method: string, input: unknown) => Promise<Result<unknown>>>>;
  let afterCall: ReturnType<typeof vi.fn<(method: string) => void>>;
  let invoke: Invoke;
  let unregister: () => void;

  beforeEach(() => {
    // Refusals and internal errors are logged for IT; keep the test output quiet.
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    unregister?.();
    dispatch = vi.fn(async (method: string) => ({ ok: true as const, value: `svar på ${method}` }));
    afterCall = vi.fn();
    unregister = registerIpc({ dispatch, isTrusted: isTrustedWebContents, afterCall });
    const handler = fake.ipcMain.handlers.get('justera:invoke');
    if (!handler) throw new Error('not registered');
    invoke = handler as Invoke;
  });

  it('registers exactly one handler, on justera:invoke', () => {
    expect([...fake.ipcMain.handlers.keys()]).toStrictEqual(['justera:invoke']);
    expect(fake.ipcMain.handle).toHaveBeenCalledWith('justera:invoke', expect.any(Function));
  });

  it('passes calls from our window to dispatch and returns its Result', async () => {
    const contents = ourWindow();
    const r = await invoke(eventFrom(contents), 'app.info', {});
    expect(r).toStrictEqual({ ok: true, value: 'svar på app.info' });
    expect(dispatch).toHaveBeenCalledWith('app.info', {});
    expect(afterCall).toHaveBeenCalledWith('app.info');
  });

  const refused = { ok: false, error: { code: 'unauthorized', message: expect.stringContaining('avvisats') } };

  it('refuses a window it did not create', async () => {
    const stranger = new FakeBrowserWindow({ width: 1, height: 1 }).webContents;
    expect(await invoke(eventFrom(stranger), 'app.info', {})).toMatchObject(refused);
    expect(dispatch).not.toHaveBeenCalled();
  });

  it('refuses a sub-frame (an iframe) of our window', async () => {
    const contents = ourWindow();
    const child = new FakeFrame('app://justera/preview.html', 'app://justera', 'child-frame');
    child.parent = contents.mainFrame;
    expect(await invoke(eventFrom(contents, child), 'meetings.list', {})).toMatchObject(refused);
    expect(dispatch).not.toHaveBeenCalled();
  });

  it('refuses a frame that only pretends to be the main frame', async () => {
    const contents = ourWindow();
    const impostor = new FakeFrame('app://justera/index.html', 'app://justera', 'other-token');
    expect(await invoke(eventFrom(contents, impostor), 'meetings.list', {})).toMatchObject(refused);
  });

  it('refuses foreign pages in our window (remote, file:, blob:, data:, look-alike hosts)', async () => {
    const contents = ourWindow();
    const pages: [string, string][] = [
      ['https://evil.example/', 'https://evil.example'],
      ['file:///etc/passwd', 'file://'],
      ['blob:app://justera/1234', 'app://justera'],
      ['data:text/html,hej', 'null'],
      ['app://justera.evil/index.html', 'app://justera.evil'],
      ['app://evil/index.html', 'app://evil'],
    ];
    for (const [url, origin] of pages) {
      contents.mainFrame.url = url;
      contents.mainFrame.origin = origin;
      expect(await invoke(eventFrom(contents), 'meetings.list', {}), url).toMatchObject(refused);
    }
    expect(dispatch).not.toHaveBeenCalled();
  });

  it('refuses calls without a frame or from a detached frame', async () => {
    const contents = ourWindow();
    expect(await invoke(eventFrom(contents, null), 'app.info', {})).toMatchObject(refused);
    contents.mainFrame.detached = true;
    expect(await invoke(eventFrom(contents), 'app.info', {})).toMatchObject(refused);
    expect(dispatch).not.toHaveBeenCalled();
  });

  it('answers a method that is not a string with a validation Result', async () => {
    const contents = ourWindow();
    expect(await invoke(eventFrom(contents), { toString: () => 'app.info' }, {})).toMatchObject({ ok: false, error: { code: 'validation' } });
    expect(dispatch).not.toHaveBeenCalled();
  });

  it('turns an unexpected throw into an internal Result without a stack', async () => {
    dispatch.mockRejectedValueOnce(new Error('secret /home/user/path'));
    const r = await invoke(eventFrom(ourWindow()), 'app.info', {});
    expect(r.ok).toBe(false);
    expect(JSON.stringify(r)).not.toContain('secret');
    expect(r).toMatchObject({ error: { code: 'internal' } });
  });

  it('reports why a sender is refused', () => {
    const contents = ourWindow();
    expect(senderProblem(eventFrom(contents), isTrustedWebContents)).toBeNull();
    expect(senderProblem(eventFrom(contents, null), isTrustedWebContents)).toBe('no frame');
  });

  it('works end to end with the real back end and validation', async () => {
    unregister();
    const backend = createBackend({ databasePath: ':memory:', transport: 'ipc' });
    registerIpc({ dispatch: backend.dispatch, isTrusted: isTrustedWebContents });
    const handler = fake.ipcMain.handlers.get('justera:invoke') as Invoke;
    const contents = ourWindow();
    expect(await handler(eventFrom(contents), 'app.info', {})).toMatchObject({ ok: true, value: { transport: 'ipc' } });
    expect(await handler(eventFrom(contents), 'nope', {})).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(await handler(eventFrom(contents), 'meetings.get', { meetingId: '' })).toMatchObject({ ok: false, error: { code: 'validation' } });
    backend.close();
  });
});

describe('events to the renderer', () => {
  it('are sent only to our windows showing our page', () => {
    const contents = ourWindow();
    contents.url = 'app://justera/index.html';
    expect(sendEvent(contents as unknown as WebContents, isTrustedWebContents, 'data.changed', { entity: 'meeting' })).toBe(true);
    expect(contents.sent).toStrictEqual([['justera:event', 'data.changed', { entity: 'meeting' }]]);

    const stranger = new FakeBrowserWindow({ width: 1, height: 1 }).webContents;
    stranger.url = 'app://justera/index.html';
    expect(sendEvent(stranger as unknown as WebContents, isTrustedWebContents, 'data.changed', { entity: 'x' })).toBe(false);

    contents.url = 'https://evil.example/';
    expect(sendEvent(contents as unknown as WebContents, isTrustedWebContents, 'data.changed', { entity: 'x' })).toBe(false);
    contents.url = 'app://justera/index.html';
    contents.destroyed = true;
    expect(sendEvent(contents as unknown as WebContents, isTrustedWebContents, 'data.changed', { entity: 'x' })).toBe(false);
    expect(stranger.sent).toHaveLength(0);
  });
});
