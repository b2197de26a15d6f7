// The loopback HTTP transport: token, origin and host checks, static files, same dispatch.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startHost, type Host } from '../../electron/host';
import { testBackend, type TestBackend } from '../helpers/backend';

let t: TestBackend;
let host: Host;
let staticDir: string;

beforeAll(async () => {
  t = testBackend();
  await t.api.call('demo.load', {});
  staticDir = mkdtempSync(join(tmpdir(), 'justera-static-'));
  mkdirSync(join(staticDir, 'assets'));
  writeFileSync(join(staticDir, 'index.html'), '<!doctype html><title>Justera</title>');
  writeFileSync(join(staticDir, 'assets', 'app.js'), 'console.log(1)');
  writeFileSync(join(tmpdir(), 'justera-secret.txt'), 'hemligt');
  host = await startHost({ dispatch: (m, i) => t.backend.dispatch(m, i), staticDir, token: 'test-token-123' });
});
afterAll(async () => {
  await host.close();
  t.dispose();
  rmSync(staticDir, { recursive: true, force: true });
});

function get(path: string, headers: Record<string, string> = {}, method = 'GET', body?: string): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: string }> {
  return new Promise((ok, fail) => {
    const req = request({ host: '127.0.0.1', port: host.port, path, method, headers: { Host: `127.0.0.1:${host.port}`, ...headers } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => ok({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
    });
    req.on('error', fail);
    if (body !== undefined) req.write(body);
    req.end();
  });
}

const auth = { 'X-Justera-Token': 'test-token-123' };

describe('loopback host', () => {
  it('listens on 127.0.0.1 only and prints the address with the token', () => {
    const address = host.server.address();
    expect(typeof address === 'object' && address?.address).toBe('127.0.0.1');
    expect(host.url).toBe(`http://127.0.0.1:${host.port}/?token=test-token-123`);
  });

  it('trades the token in the address for an HttpOnly, SameSite=Strict cookie', async () => {
    const r = await get('/?token=test-token-123');
    expect(r.status).toBe(303);
    expect(r.headers.location).toBe('/');
    expect(String(r.headers['set-cookie'])).toContain('justera_token=test-token-123; HttpOnly; SameSite=Strict');
    const page = await get('/', { Cookie: 'justera_token=test-token-123' });
    expect(page.status).toBe(200);
    expect(page.headers['content-security-policy']).toContain("script-src 'self'");
  });

  it('refuses every request without the token, a wrong token, a foreign Host or Origin', async () => {
    expect((await get('/')).status).toBe(401);
    expect((await get('/?token=wrong')).status).toBe(401);
    expect((await get('/', { ...auth, Host: 'evil.example' })).status).toBe(421);
    const foreign = await get('/api/call/boards.list', { ...auth, Origin: 'http://evil.example', 'Content-Type': 'application/json' }, 'POST', '{}');
    expect(foreign.status).toBe(403);
    expect(foreign.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('answers API calls with the same Result as every transport', async () => {
    const r = await get('/api/call/boards.list', { ...auth, 'Content-Type': 'application/json' }, 'POST', '{}');
    expect(r.status).toBe(200);
    expect(JSON.parse(r.body)).toMatchObject({ ok: true, value: [{ name: 'Norrbottens e-nämnd' }] });
    const bad = await get('/api/call/meetings.get', { ...auth, 'Content-Type': 'application/json' }, 'POST', '{"meetingId": 1}');
    expect(JSON.parse(bad.body)).toMatchObject({ ok: false, error: { code: 'validation' } });
    const notJson = await get('/api/call/boards.list', { ...auth, 'Content-Type': 'text/plain' }, 'POST', '{}');
    expect(notJson.status).toBe(415);
    const broken = await get('/api/call/boards.list', { ...auth, 'Content-Type': 'application/json' }, 'POST', '{');
    expect(JSON.parse(broken.body)).toMatchObject({ ok: false, error: { code: 'validation' } });
  });

  it('serves files from the renderer folder only', async () => {
    expect((await get('/assets/app.js', auth)).body).toBe('console.log(1)');
    expect((await get('/meetings/x', auth)).body).toContain('<title>Justera</title>');
    expect((await get('/assets/missing.js', auth)).status).toBe(404);
    for (const p of ['/../justera-secret.txt', '/%2e%2e/justera-secret.txt', '/assets/..%2f..%2fjustera-secret.txt']) {
      const r = await get(p, auth);
      expect(r.body).not.toContain('hemligt');
    }
  });
});

describe('closing the host', () => {
  it('waits for a call already dispatched, so the back end may be closed as soon as close() resolves', async () => {
    let release = (): void => undefined;
    let called = (): void => undefined;
    const dispatched = new Promise<void>((ok) => (called = ok));
    const calls: string[] = [];
    const own = await startHost({
      staticDir,
      token: 'close-token',
      dispatch: (m) => {
        calls.push(m);
        called();
        return new Promise((ok) => (release = () => ok({ ok: true, value: m })));
      },
    });
    const req = request({
      host: '127.0.0.1',
      port: own.port,
      path: '/api/call/boards.list',
      method: 'POST',
      headers: { Host: `127.0.0.1:${own.port}`, 'X-Justera-Token': 'close-token', 'Content-Type': 'application/json' },
    });
    req.on('error', () => undefined); // the connection is cut by close()
    req.end('{}');
    await dispatched;
    let closed = false;
    const closing = own.close().then(() => (closed = true));
    // Several turns of the event loop: close() is still waiting for the dispatched call.
    for (let i = 0; i < 5; i += 1) await new Promise((ok) => setImmediate(ok));
    expect(closed).toBe(false);
    release();
    await closing;
    expect(closed).toBe(true);
    expect(calls).toEqual(['boards.list']);
  });
});
