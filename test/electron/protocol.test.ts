// app:// serves renderer/dist only, with the strict CSP on every answer; no URL trick leads out.
import { mkdtempSync, mkdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import * as electron from 'electron';
import type { FakeElectron } from './fake-electron';
import { handleAppProtocol, registerAppScheme } from '../../electron/protocol';
import { CONTENT_SECURITY_POLICY, resolveRendererPath, serveRendererRequest } from '../../electron/renderer-files';

vi.mock('electron', async () => (await import('./fake-electron')).createFakeElectron());
const fake = electron as unknown as FakeElectron;

const EXPECTED_CSP =
  "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; object-src 'none'; frame-src 'self' blob:; connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

let base: string;
let root: string;

beforeAll(() => {
  base = mkdtempSync(join(tmpdir(), 'justera-protocol-'));
  root = join(base, 'renderer', 'dist');
  mkdirSync(join(root, 'assets'), { recursive: true });
  writeFileSync(join(root, 'index.html'), '<!doctype html><title>Justera</title>');
  writeFileSync(join(root, 'assets', 'index-abc.js'), 'console.log("hej")');
  writeFileSync(join(root, 'assets', 'style.css'), 'body{}');
  writeFileSync(join(root, 'assets', 'å ä ö.svg'), '<svg/>');
  writeFileSync(join(base, 'secret.txt'), 'HEMLIGT');
  symlinkSync(join(base, 'secret.txt'), join(root, 'assets', 'link.txt'));
});
afterAll(() => rmSync(base, { recursive: true, force: true }));

async function get(url: string, method = 'GET'): Promise<Response> {
  return serveRendererRequest({ url, method }, root);
}

describe('app:// scheme registration', () => {
  it('is privileged as standard and secure, without bypassing the CSP', () => {
    registerAppScheme();
    expect(fake.protocol.registerSchemesAsPrivileged).toHaveBeenCalledWith([
      { scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true, corsEnabled: true, codeCache: true } },
    ]);
  });

  it('serves the renderer folder through protocol.handle', async () => {
    handleAppProtocol(root);
    const handler = fake.protocol.handlers.get('app') as (r: Request) => Promise<Response>;
    expect(handler).toBeTypeOf('function');
    const res = await handler(new Request('app://justera/index.html'));
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('<title>Justera</title>');
  });
});

describe('serving renderer/dist', () => {
  it('sets the exact Content-Security-Policy and hardening headers on every response', async () => {
    expect(CONTENT_SECURITY_POLICY).toBe(EXPECTED_CSP);
    for (const url of ['app://justera/', 'app://justera/assets/index-abc.js', 'app://justera/missing.png', 'app://justera/../../etc/passwd']) {
      const res = await get(url);
      expect(res.headers.get('content-security-policy'), url).toBe(EXPECTED_CSP);
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    }
  });

  it('serves files with their content types', async () => {
    const js = await get('app://justera/assets/index-abc.js');
    expect(js.status).toBe(200);
    expect(js.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect((await get('app://justera/assets/style.css')).headers.get('content-type')).toBe('text/css; charset=utf-8');
    expect((await get('app://justera/')).headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect((await get('app://justera/assets/%C3%A5%20%C3%A4%20%C3%B6.svg')).status).toBe(200);
  });

  it('answers client-side routes with the app shell, and missing assets with 404', async () => {
    const route = await get('app://justera/moten/123');
    expect(route.status).toBe(200);
    expect(await route.text()).toContain('Justera');
    expect((await get('app://justera/assets/missing.js')).status).toBe(404);
  });

  it('refuses path traversal in every encoding', async () => {
    const attempts = [
      'app://justera/../../etc/passwd',
      'app://justera/..%2f..%2fsecret.txt',
      'app://justera/..%2F..%2Fsecret.txt',
      'app://justera/%2e%2e/%2e%2e/secret.txt',
      'app://justera/%2e%2e%2f%2e%2e%2fsecret.txt',
      'app://justera/assets/..%5c..%5c..%5csecret.txt',
      'app://justera/..\\..\\secret.txt',
      'app://justera/%252e%252e/secret.txt',
      'app://justera/%00/etc/passwd',
      'app://justera/C:/Windows/win.ini',
      'app://justera/%E0%A4%A', // malformed escape
    ];
    for (const url of attempts) {
      const res = await get(url);
      expect([403, 404], url).toContain(res.status);
      expect(await res.text(), url).not.toContain('HEMLIGT');
    }
    expect(resolveRendererPath('app://justera/..%2f..%2fsecret.txt', root)).toBeNull();
    expect(resolveRendererPath('app://justera/%2e%2e%2fsecret.txt', root)).toBeNull();
  });

  it('refuses a symlink that points out of the folder', async () => {
    const res = await get('app://justera/assets/link.txt');
    expect(res.status).toBe(403);
    expect(await res.text()).not.toContain('HEMLIGT');
  });

  it('refuses other hosts, schemes and credentials', async () => {
    for (const url of ['app://evil/index.html', 'app://justera.evil/index.html', 'app://user:pw@justera/index.html', 'https://justera/index.html', 'file:///index.html']) {
      expect((await get(url)).status, url).toBe(403);
    }
  });

  it('allows only GET and HEAD', async () => {
    expect((await get('app://justera/index.html', 'POST')).status).toBe(405);
    const head = await get('app://justera/index.html', 'HEAD');
    expect(head.status).toBe(200);
    expect(await head.text()).toBe('');
  });
});
