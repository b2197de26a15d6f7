// Which URLs are ours, and which links may go to the system browser.
import { describe, expect, it } from 'vitest';
import { isAppUrl, isLoopbackStartUrl, isSafeExternalUrl } from '../../electron/urls';
import { isAllowedRemoteRequest } from '../../electron/shell/session';

describe('app URLs', () => {
  it('are app://justera only', () => {
    expect(isAppUrl('app://justera/index.html')).toBe(true);
    expect(isAppUrl('app://justera/moten/1?x=1#y')).toBe(true);
    for (const url of ['app://justera.evil/', 'app://evil/', 'app://u:p@justera/', 'https://justera/', 'file:///justera/', 'blob:app://justera/1', 'nonsense']) {
      expect(isAppUrl(url), url).toBe(false);
    }
  });
});

describe('external links', () => {
  it('allow https pages with a real host', () => {
    expect(isSafeExternalUrl('https://www.riksdagen.se/sv/dokument-och-lagar/')).toBe(true);
    expect(isSafeExternalUrl('https://lagen.nu/2017:725#K5')).toBe(true);
  });

  it('refuse everything that could start programs or leak data', () => {
    for (const url of [
      'http://example.com/',
      'file:///C:/Windows/System32/calc.exe',
      'smb://server/share',
      'ms-msdt:/id PCWDiagnostic',
      'search-ms:query=x',
      'javascript:alert(1)',
      'mailto:a@b.se',
      'https://user:secret@example.com/',
      'https://localhost/',
      'https://intranet/',
      `https://example.com/${'a'.repeat(3000)}`,
      'not a url',
    ]) {
      expect(isSafeExternalUrl(url), url).toBe(false);
    }
  });
});

describe('the signing service loopback page (shell.openExternal for e-legitimation)', () => {
  const state = 'a'.repeat(48);
  it('accepts only http://127.0.0.1:PORT/start/<48 hex>', () => {
    expect(isLoopbackStartUrl(`http://127.0.0.1:43117/start/${state}`)).toBe(true);
  });
  it.each([
    `https://127.0.0.1:43117/start/${state}`,
    `http://localhost:43117/start/${state}`,
    `http://127.0.0.2:43117/start/${state}`,
    `http://127.0.0.1/start/${state}`,
    `http://127.0.0.1:43117/return/${state}`,
    `http://127.0.0.1:43117/start/${state}?next=https://evil.example`,
    `http://user:pw@127.0.0.1:43117/start/${state}`,
    `http://127.0.0.1:43117/start/${'z'.repeat(48)}`,
    'file:///etc/passwd',
    'javascript:alert(1)',
  ])('refuses %s', (url) => {
    expect(isLoopbackStartUrl(url)).toBe(false);
  });
});

describe('remote requests', () => {
  it("allow only Chromium's dictionary download", () => {
    expect(isAllowedRemoteRequest('https://redirector.gvt1.com/edgedl/chrome/dict/sv-se-3-0.bdic')).toBe(true);
    for (const url of ['https://redirector.gvt1.com/other', 'http://redirector.gvt1.com/edgedl/chrome/dict/x', 'https://evilgvt1.com/edgedl/chrome/dict/x', 'https://example.com/']) {
      expect(isAllowedRemoteRequest(url), url).toBe(false);
    }
  });
});
