// The loopback HTTP transport: serves the built renderer and the API on 127.0.0.1 only, for a
// browser and for Playwright. Every request needs the per-run token; no CORS is ever granted.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve, sep } from 'node:path';
import type { Result } from '../core/api/errors';
import type { EventName, Events } from '../core/api/contract';

export interface HostOptions {
  dispatch(method: string, input: unknown): Promise<Result<unknown>>;
  /** Folder with the built renderer (index.html and assets). */
  staticDir: string;
  port?: number;
  token?: string;
  /** Largest accepted request body; imports with PDF attachments can be large. */
  maxBodyBytes?: number;
}

export interface Host {
  server: Server;
  port: number;
  token: string;
  /** The address to open, with the token: http://127.0.0.1:PORT/?token=… */
  url: string;
  emit<E extends EventName>(event: E, payload: Events[E]): void;
  close(): Promise<void>;
}

export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "object-src 'none'",
  "frame-src 'self' blob:",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

const TOKEN_COOKIE = 'justera_token';

const mime: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
  '.pdf': 'application/pdf',
};

export async function startHost(options: HostOptions): Promise<Host> {
  const token = options.token ?? randomBytes(24).toString('base64url');
  const maxBody = options.maxBodyBytes ?? 200 * 1024 * 1024;
  const root = resolve(options.staticDir);
  const listeners = new Set<ServerResponse>();
  let port = 0;
  /**
   * Set by close(): a call whose body was still arriving is not dispatched to a back end being shut
   * down, and close() waits for the calls already dispatched, so that the caller may close the back
   * end (its database) as soon as close() has resolved.
   */
  let closing = false;
  const inflight = new Set<Promise<unknown>>();

  const server = createServer((req, res) => {
    handle(req, res).catch(() => {
      if (!res.headersSent) send(res, 500, 'text/plain; charset=utf-8', 'Internt fel.');
      else res.end();
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    baseHeaders(res);
    // Only our own host name: defeats DNS rebinding from a web page.
    const host = req.headers.host ?? '';
    if (host !== `127.0.0.1:${port}` && host !== `localhost:${port}`) return send(res, 421, 'text/plain; charset=utf-8', 'Fel värdnamn.');
    const url = new URL(req.url ?? '/', `http://127.0.0.1:${port}`);

    const queryToken = url.searchParams.get('token');
    if (req.method === 'GET' && queryToken !== null && same(queryToken, token)) {
      // Trade the token in the address for a cookie, and drop it from the address bar.
      res.setHeader('Set-Cookie', `${TOKEN_COOKIE}=${token}; HttpOnly; SameSite=Strict; Path=/`);
      url.searchParams.delete('token');
      res.setHeader('Location', url.pathname + (url.search === '?' ? '' : url.search));
      return send(res, 303, 'text/plain; charset=utf-8', '');
    }
    if (!authorised(req)) {
      return send(res, 401, 'text/plain; charset=utf-8', 'Åtkomst nekad: öppna adressen med ?token=… som skrevs ut när servern startade.');
    }

    if (url.pathname.startsWith('/api/')) {
      const origin = req.headers.origin;
      if (origin !== undefined && origin !== `http://127.0.0.1:${port}` && origin !== `http://localhost:${port}`) {
        return send(res, 403, 'text/plain; charset=utf-8', 'Anrop från annan webbplats nekas.');
      }
      if (url.pathname === '/api/events' && req.method === 'GET') return openEvents(res);
      const m = /^\/api\/call\/([a-zA-Z0-9_.-]+)$/.exec(url.pathname);
      if (m === null || req.method !== 'POST') return send(res, 404, 'text/plain; charset=utf-8', 'Okänd adress.');
      if (!(req.headers['content-type'] ?? '').startsWith('application/json')) {
        return send(res, 415, 'text/plain; charset=utf-8', 'Anropet måste vara JSON.');
      }
      const body = await readBody(req, maxBody);
      if (body === null) return json(res, 413, { ok: false, error: { code: 'validation', message: 'Anropet är för stort.' } });
      let input: unknown;
      try {
        input = body.length === 0 ? {} : JSON.parse(body.toString('utf8'));
      } catch {
        return json(res, 400, { ok: false, error: { code: 'validation', message: 'Anropet är inte giltig JSON.' } });
      }
      if (closing) return send(res, 503, 'text/plain; charset=utf-8', 'Justera avslutas.');
      const call = options.dispatch(m[1] as string, input);
      inflight.add(call);
      try {
        return json(res, 200, await call);
      } finally {
        inflight.delete(call);
      }
    }

    if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, 'text/plain; charset=utf-8', 'Metoden stöds inte.');
    return serveStatic(url.pathname, res);
  }

  function authorised(req: IncomingMessage): boolean {
    const header = req.headers['x-justera-token'];
    if (typeof header === 'string' && same(header, token)) return true;
    const cookie = (req.headers.cookie ?? '')
      .split(';')
      .map((c) => c.trim())
      .find((c) => c.startsWith(`${TOKEN_COOKIE}=`));
    return cookie !== undefined && same(cookie.slice(TOKEN_COOKIE.length + 1), token);
  }

  async function serveStatic(pathname: string, res: ServerResponse): Promise<void> {
    let decoded: string;
    try {
      decoded = decodeURIComponent(pathname);
    } catch {
      return send(res, 400, 'text/plain; charset=utf-8', 'Felaktig adress.');
    }
    const candidate = normalize(join(root, decoded));
    if (candidate !== root && !candidate.startsWith(root + sep)) return send(res, 403, 'text/plain; charset=utf-8', 'Nekad.');
    let file = candidate;
    const info = await stat(file).catch(() => null);
    // Client-side routes fall back to index.html; a missing asset stays a 404.
    if (info === null || info.isDirectory()) {
      if (extname(decoded) !== '') return send(res, 404, 'text/plain; charset=utf-8', 'Filen finns inte.');
      file = join(root, 'index.html');
    }
    const data = await readFile(file).catch(() => null);
    if (data === null) return send(res, 404, 'text/plain; charset=utf-8', 'Gränssnittet är inte byggt. Kör "npm run build:renderer".');
    res.setHeader('Cache-Control', file.endsWith('index.html') ? 'no-store' : 'public, max-age=31536000, immutable');
    return send(res, 200, mime[extname(file)] ?? 'application/octet-stream', data);
  }

  function openEvents(res: ServerResponse): void {
    res.writeHead(200, { 'Content-Type': 'text/event-stream; charset=utf-8', 'Cache-Control': 'no-store', Connection: 'keep-alive' });
    res.write(': ansluten\n\n');
    listeners.add(res);
    res.on('close', () => listeners.delete(res));
  }

  await new Promise<void>((ok, fail) => {
    server.once('error', fail);
    server.listen(options.port ?? 0, '127.0.0.1', () => ok());
  });
  const address = server.address();
  port = typeof address === 'object' && address !== null ? address.port : 0;

  return {
    server,
    port,
    token,
    url: `http://127.0.0.1:${port}/?token=${token}`,
    emit(event, payload) {
      const line = `event: ${event}\ndata: ${JSON.stringify(payload)}\n\n`;
      for (const l of listeners) l.write(line);
    },
    close: async () => {
      closing = true;
      for (const l of listeners) l.end();
      const closed = new Promise<void>((ok) => server.close(() => ok()));
      server.closeAllConnections();
      await Promise.allSettled([...inflight]);
      await closed;
    },
  };
}

function same(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

function baseHeaders(res: ServerResponse): void {
  res.setHeader('Content-Security-Policy', CONTENT_SECURITY_POLICY);
  res.setHeader('X-Content-Type-Options', 'nosniff');
  res.setHeader('Referrer-Policy', 'no-referrer');
  res.setHeader('Cross-Origin-Opener-Policy', 'same-origin');
  res.setHeader('Cross-Origin-Resource-Policy', 'same-origin');
  res.setHeader('X-Frame-Options', 'DENY');
}

function send(res: ServerResponse, status: number, type: string, body: string | Buffer): void {
  res.statusCode = status;
  res.setHeader('Content-Type', type);
  res.end(body);
}

function json(res: ServerResponse, status: number, value: unknown): void {
  send(res, status, 'application/json; charset=utf-8', JSON.stringify(value));
}

function readBody(req: IncomingMessage, max: number): Promise<Buffer | null> {
  return new Promise((ok, fail) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let tooBig = false;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > max) tooBig = true;
      else chunks.push(c);
    });
    req.on('end', () => ok(tooBig ? null : Buffer.concat(chunks)));
    req.on('error', fail);
  });
}
