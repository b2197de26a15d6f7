// The loopback end of the HTTP POST binding (DSS profile section 3): a one-time HTTP server on
// 127.0.0.1 at a random port. The browser opens /start/<state>, which posts the SignRequest to the
// service by an auto-submitting form; the service posts the SignResponse back to /return/<state>.
// Only the first response for the state is taken; then the server closes.
import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { BINDING } from './names';
import type { BuiltSignRequest } from './request';
import { esc } from './xml';

/** The loopback closed before a response came: cancelled by the app, or no answer in time. */
export class SignServiceCancelled extends Error {
  constructor(readonly reason: 'cancel' | 'timeout' = 'cancel') {
    super(reason === 'timeout' ? 'inget svar i tid' : 'avbruten');
  }
}

export interface LoopbackSession {
  /** The URL the service returns to (saml:Audience of the request). */
  returnUrl: string;
  /** The URL to open in the browser once the request is built. */
  startUrl: string;
  /** Serves the request at startUrl and waits for the response XML. */
  exchange(request: BuiltSignRequest): Promise<string>;
  /** Stops waiting (a pending exchange is rejected with SignServiceCancelled) and closes the server. */
  close(reason?: 'cancel' | 'timeout'): void;
}

const MAX_BODY = 2 * 1024 * 1024;

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const parts: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > MAX_BODY) {
        reject(new Error('för stort svar'));
        req.destroy();
      } else parts.push(c);
    });
    req.on('end', () => resolve(Buffer.concat(parts).toString('utf8')));
    req.on('error', reject);
  });
}

function page(title: string, body: string, onload = ''): string {
  return `<!DOCTYPE html><html lang="sv"><head><meta charset="utf-8"><title>${esc(title)}</title></head>` + `<body${onload}><main><h1>${esc(title)}</h1>${body}</main></body></html>`;
}

/** The auto-submitting form of DSS profile 3.1.1. */
export function requestForm(serviceUrl: string, request: BuiltSignRequest): string {
  return page(
    'Skicka till underskriftstjänsten',
    `<form method="post" action="${esc(serviceUrl)}">` +
      `<input type="hidden" name="Binding" value="${BINDING}">` +
      `<input type="hidden" name="RelayState" value="${esc(request.requestId)}">` +
      `<input type="hidden" name="EidSignRequest" value="${esc(request.base64)}">` +
      `<p>Om inget händer: <button type="submit">Fortsätt till underskriftstjänsten</button></p></form>`,
    ' onload="document.forms[0].submit()"',
  );
}

/**
 * Starts the loopback server. `open` shows startUrl to the user (shell.openExternal in Electron,
 * the page itself in the web host); it is called once the request exists.
 */
export async function openLoopback(serviceUrl: string, open: (url: string) => void | Promise<void>, timeoutMs = 10 * 60_000): Promise<LoopbackSession> {
  const state = randomBytes(24).toString('hex');
  let request: BuiltSignRequest | undefined;
  let settle: { resolve: (xml: string) => void; reject: (e: Error) => void } | undefined;
  let done = false;
  let host = '';
  const server: Server = createServer((req, res) => {
    void (async () => {
      const url = new URL(req.url ?? '/', 'http://127.0.0.1');
      const send = (status: number, html: string): void => {
        res.writeHead(status, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store', 'referrer-policy': 'no-referrer' });
        res.end(html);
      };
      // Only requests addressed to this very loopback: a page on another site whose name the
      // attacker points at 127.0.0.1 (DNS rebinding) sends its own name as Host and gets nothing.
      if (req.headers.host !== host) {
        send(403, page('Fel adress', '<p>Den här adressen tar bara emot svar som skickas till 127.0.0.1.</p>'));
        return;
      }
      if (req.method === 'GET' && url.pathname === `/start/${state}` && request && !done) {
        send(200, requestForm(serviceUrl, request));
        return;
      }
      if (req.method === 'POST' && url.pathname === `/return/${state}` && !done) {
        let body: string;
        try {
          body = await readBody(req);
        } catch {
          send(413, page('Fel', '<p>Svaret var för stort.</p>'));
          return;
        }
        const form = new URLSearchParams(body);
        const response = form.get('EidSignResponse');
        if (form.get('Binding') !== BINDING || !response || form.get('RelayState') !== request?.requestId) {
          send(400, page('Fel svar', '<p>Svaret från underskriftstjänsten hör inte till den här underskriften.</p>'));
          return;
        }
        done = true;
        send(200, page('Klart', '<p>Svaret har tagits emot. Du kan stänga det här fönstret och gå tillbaka till Justera.</p>'));
        settle?.resolve(Buffer.from(response, 'base64').toString('utf8'));
        server.close();
        return;
      }
      send(404, page('Hittades inte', '<p>Den här adressen gäller inte längre.</p>'));
    })();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  host = `127.0.0.1:${port}`;
  const base = `http://${host}`;
  let timer: NodeJS.Timeout | undefined;
  const close = (reason: 'cancel' | 'timeout' = 'cancel'): void => {
    if (timer) clearTimeout(timer);
    if (!done) {
      done = true;
      settle?.reject(new SignServiceCancelled(reason));
    }
    server.close();
  };
  return {
    returnUrl: `${base}/return/${state}`,
    startUrl: `${base}/start/${state}`,
    exchange(built) {
      request = built;
      if (done) return Promise.reject(new SignServiceCancelled('cancel'));
      return new Promise<string>((resolve, reject) => {
        settle = {
          resolve: (xml) => {
            if (timer) clearTimeout(timer);
            resolve(xml);
          },
          reject,
        };
        timer = setTimeout(() => close('timeout'), timeoutMs);
        Promise.resolve(open(`${base}/start/${state}`)).catch((e: unknown) => {
          close();
          reject(e instanceof Error ? e : new Error(String(e)));
        });
      });
    },
    close,
  };
}
