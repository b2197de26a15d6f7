// Hardens the session every window uses: no permission is ever granted, no device is ever
// chosen, no remote request leaves the app, and the spell-checker speaks Swedish.
import type { Session } from 'electron';

export const SPELLCHECK_LANGUAGES = ['sv-SE'] as const;

// Windows and Linux fetch the Swedish Hunspell dictionary once from Chromium's dictionary CDN
// (macOS uses its own). It is the only outgoing request the app allows.
const DICTIONARY_HOST = /(^|\.)gvt1\.com$/;
const DICTIONARY_PATH = '/edgedl/chrome/dict/';

export function isAllowedRemoteRequest(url: string): boolean {
  try {
    const u = new URL(url);
    return u.protocol === 'https:' && DICTIONARY_HOST.test(u.hostname) && u.pathname.startsWith(DICTIONARY_PATH);
  } catch {
    return false;
  }
}

export function hardenSession(ses: Session): void {
  ses.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  ses.setPermissionCheckHandler(() => false);
  ses.setDevicePermissionHandler(() => false);
  // The app loads only app:// pages (CSP 'self'); this also stops anything that slips past.
  ses.webRequest.onBeforeRequest({ urls: ['http://*/*', 'https://*/*', 'ws://*/*', 'wss://*/*', 'ftp://*/*'] }, (details, callback) => {
    callback({ cancel: !isAllowedRemoteRequest(details.url) });
  });
  try {
    ses.setSpellCheckerLanguages([...SPELLCHECK_LANGUAGES]);
  } catch (e) {
    // macOS follows the system's languages and may refuse the call; spelling still works there.
    console.warn('[justera] svensk stavningskontroll kunde inte väljas:', e);
  }
}
