// The app:// scheme: registered as privileged before `ready`, then served from the built
// renderer folder (see renderer-files.ts for the path and header rules).
import { protocol, type Session } from 'electron';
import { serveRendererRequest } from './renderer-files';
import { APP_SCHEME } from './urls';

/**
 * Must run before the app's `ready` event. `standard` gives the scheme an origin (so 'self' in
 * the CSP means app://justera), `secure` makes it a secure context; Vite's module scripts are
 * fetched in CORS mode, hence supportFetchAPI and corsEnabled. No bypassCSP, ever.
 */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    {
      scheme: APP_SCHEME,
      privileges: { standard: true, secure: true, supportFetchAPI: true, corsEnabled: true, codeCache: true },
    },
  ]);
}

/** Serves `rendererDir` on app:// in the given session (the default one unless told). */
export function handleAppProtocol(rendererDir: string, target: Pick<Session, 'protocol'> = { protocol }): void {
  target.protocol.handle(APP_SCHEME, (request) => serveRendererRequest({ url: request.url, method: request.method }, rendererDir));
}
