// The session: every permission refused, no remote request, Swedish spelling.
import { describe, expect, it, vi } from 'vitest';
import * as electron from 'electron';
import type { Session } from 'electron';
import type { FakeElectron } from './fake-electron';
import { hardenSession } from '../../electron/shell/session';

vi.mock('electron', async () => (await import('./fake-electron')).createFakeElectron());
const fake = electron as unknown as FakeElectron;
const ses = fake.session.defaultSession;

type RequestHandler = (contents: unknown, permission: string, callback: (granted: boolean) => void, details: unknown) => void;
type CheckHandler = (contents: unknown, permission: string, origin: string, details: unknown) => boolean;
type BeforeRequest = (details: { url: string }, callback: (r: { cancel: boolean }) => void) => void;

describe('session hardening', () => {
  hardenSession(ses as unknown as Session);

  it('refuses every permission request', () => {
    const handler = ses.setPermissionRequestHandler.mock.calls[0]?.[0] as RequestHandler;
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read', 'clipboard-sanitized-write', 'openExternal', 'fullscreen', 'unknown']) {
      const callback = vi.fn();
      handler({}, permission, callback, { requestingUrl: 'app://justera/index.html' });
      expect(callback, permission).toHaveBeenCalledWith(false);
    }
  });

  it('answers every permission check with no, and every device request too', () => {
    const check = ses.setPermissionCheckHandler.mock.calls[0]?.[0] as CheckHandler;
    for (const permission of ['media', 'serial', 'hid', 'usb', 'background-sync']) expect(check({}, permission, 'app://justera', {})).toBe(false);
    const device = ses.setDevicePermissionHandler.mock.calls[0]?.[0] as (d: unknown) => boolean;
    expect(device({ deviceType: 'usb', origin: 'app://justera' })).toBe(false);
  });

  it('cancels remote requests except the dictionary download', () => {
    const [filter, handler] = ses.webRequest.onBeforeRequest.mock.calls[0] as unknown as [{ urls: string[] }, BeforeRequest];
    expect(filter.urls).toStrictEqual(['http://*/*', 'https://*/*', 'ws://*/*', 'wss://*/*', 'ftp://*/*']);
    const answer = (url: string) => {
      let cancel: boolean | undefined;
      handler({ url }, (r) => (cancel = r.cancel));
      return cancel;
    };
    expect(answer('https://example.com/tracker.js')).toBe(true);
    expect(answer('http://127.0.0.1:8080/')).toBe(true);
    expect(answer('wss://example.com/socket')).toBe(true);
    expect(answer('https://redirector.gvt1.com/edgedl/chrome/dict/sv-se-3-0.bdic')).toBe(false);
  });

  it('spell-checks in Swedish', () => {
    expect(ses.setSpellCheckerLanguages).toHaveBeenCalledWith(['sv-SE']);
  });
});
