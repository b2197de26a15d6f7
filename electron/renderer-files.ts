// Serves the built renderer (renderer/dist) for the app:// protocol: one folder, no way out of
// it, a strict Content-Security-Policy on every response. No electron import, so it is tested
// directly with WHATWG Requests.
import { readFile, realpath, stat } from 'node:fs/promises';
import { extname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { APP_HOST, APP_SCHEME } from './urls';

export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "object-src 'none'",
  // The PDF preview shows generated documents from blob: URLs in a frame.
  "frame-src 'self' blob:",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

export const SECURITY_HEADERS: Readonly<Record<string, string>> = Object.freeze({
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
  'Referrer-Policy': 'no-referrer',
  'Cache-Control': 'no-cache',
});

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.wasm': 'application/wasm',
  '.pdf': 'application/pdf',
};

export function contentTypeOf(path: string): string {
  return CONTENT_TYPES[extname(path).toLowerCase()] ?? 'application/octet-stream';
}

/**
 * Maps an app:// URL to a file under `root`, or null when the URL is not ours or tries to
 * leave the folder. Encoded separators, NUL, backslashes, colons (Windows drives and streams)
 * and leftover dot segments are refused outright: no asset Vite builds contains them.
 */
export function resolveRendererPath(url: string, root: string): string | null {
  // URL parsing quietly resolves "..": look at the raw text first, so an attempt is refused
  // rather than answered with some other file.
  if (/(^|[/\\])(\.|%2e){1,2}([/\\?#]|$)/i.test(url.replace(/^[a-z]+:\/\//i, ''))) return null;
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return null;
  }
  if (u.protocol !== `${APP_SCHEME}:` || u.host.toLowerCase() !== APP_HOST || u.username !== '' || u.password !== '') return null;
  const raw = u.pathname;
  if (/%(2f|5c|00)/i.test(raw)) return null;
  let decoded: string;
  try {
    decoded = decodeURIComponent(raw);
  } catch {
    return null;
  }
  if (/[\0\\:]/.test(decoded)) return null;
  const segments = decoded.split('/').filter((s) => s !== '');
  if (segments.some((s) => s === '..' || s === '.')) return null;
  const base = resolve(root);
  const full = segments.length === 0 ? join(base, 'index.html') : resolve(base, ...segments);
  const rel = relative(base, full);
  if (rel === '' || rel.startsWith('..') || isAbsolute(rel)) return null;
  return full;
}

export interface AppRequest {
  url: string;
  method: string;
}

function respond(status: number, body: BodyInit | null, contentType = 'text/plain; charset=utf-8'): Response {
  return new Response(body, { status, headers: { ...SECURITY_HEADERS, 'Content-Type': contentType } });
}

async function isInside(root: string, file: string): Promise<boolean> {
  // A symlink inside renderer/dist must not lead out of it either.
  const [realRoot, realFile] = await Promise.all([realpath(root), realpath(file)]);
  return realFile.startsWith(realRoot.endsWith(sep) ? realRoot : realRoot + sep);
}

async function isFile(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isFile();
  } catch {
    return false;
  }
}

export async function serveRendererRequest(request: AppRequest, root: string): Promise<Response> {
  try {
    return await serve(request, root);
  } catch (e) {
    // A failing disk read must still answer (with the CSP), never leave the page hanging.
    console.error('[justera] app:// kunde inte svara:', e);
    return respond(500, 'Filen kunde inte läsas.');
  }
}

async function serve(request: AppRequest, root: string): Promise<Response> {
  if (request.method !== 'GET' && request.method !== 'HEAD') return respond(405, 'Metoden stöds inte.');
  const resolved = resolveRendererPath(request.url, root);
  if (resolved === null) return respond(403, 'Åtkomst nekad.');
  let file = resolved;
  if (!(await isFile(file))) {
    // Client-side routes (no file extension) get the app shell; missing assets stay missing.
    if (extname(file) !== '') return respond(404, 'Filen finns inte.');
    file = join(resolve(root), 'index.html');
    if (!(await isFile(file))) return respond(404, 'Gränssnittet är inte byggt (renderer/dist saknas).');
  }
  if (!(await isInside(resolve(root), file))) return respond(403, 'Åtkomst nekad.');
  const body = request.method === 'HEAD' ? null : new Uint8Array(await readFile(file));
  return respond(200, body, contentTypeOf(file));
}
