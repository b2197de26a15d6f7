// The app's own origin and the one rule for handing a link to the system browser.

export const APP_SCHEME = 'app';
export const APP_HOST = 'justera';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_START_URL = `${APP_ORIGIN}/index.html`;

function parse(url: string): URL | null {
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

/** True only for pages served by our protocol handler (app://justera/…). */
export function isAppUrl(url: string): boolean {
  const u = parse(url);
  return u !== null && u.protocol === `${APP_SCHEME}:` && u.host.toLowerCase() === APP_HOST && u.username === '' && u.password === '';
}

/**
 * Links the user may open in the system browser: https with a real host name and nothing
 * hidden in the URL. Everything else (file:, smb:, custom handlers, javascript:, http:) could
 * start programs or leak data, so it is never passed to the OS.
 */
export function isSafeExternalUrl(url: string): boolean {
  if (url.length > 2048) return false;
  const u = parse(url);
  if (u === null || u.protocol !== 'https:') return false;
  if (u.username !== '' || u.password !== '') return false;
  const host = u.hostname.toLowerCase();
  if (host === '' || host === 'localhost' || !host.includes('.')) return false;
  return true;
}

/** The signing service's loopback start page (electron/services/signing/signservice/loopback.ts): http://127.0.0.1:PORT/start/STATE. */
export function isLoopbackStartUrl(url: string): boolean {
  const u = parse(url);
  return (
    u !== null &&
    u.protocol === 'http:' &&
    u.hostname === '127.0.0.1' &&
    /^\d+$/.test(u.port) &&
    /^\/start\/[0-9a-f]{48}$/.test(u.pathname) &&
    u.search === '' &&
    u.username === '' &&
    u.password === ''
  );
}
