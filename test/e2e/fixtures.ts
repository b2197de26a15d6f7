// Each test gets its own temp database and loopback host serving the built renderer.
import { test as base, expect, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const rendererDist = fileURLToPath(new URL('../../renderer/dist', import.meta.url));
import { createBackend, type Backend } from '../../electron/backend';
import { startHost, type Host } from '../../electron/host';

export interface AppFixture {
  url: string;
  backend: Backend;
  host: Host;
}

export const test = base.extend<{ app: AppFixture; emptyApp: AppFixture }>({
  app: async ({}, use) => {
    await withApp(true, use);
  },
  emptyApp: async ({}, use) => {
    await withApp(false, use);
  },
});

async function withApp(demo: boolean, use: (a: AppFixture) => Promise<void>): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'justera-e2e-'));
  const backend = createBackend({ databasePath: join(dir, 'justera.db'), transport: 'http', actor: 'e2e' });
  if (demo) await backend.dispatch('demo.load', {});
  const host = await startHost({ dispatch: (m, i) => backend.dispatch(m, i), staticDir: rendererDist });
  try {
    await use({ url: host.url, backend, host });
  } finally {
    await host.close();
    backend.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * axe-core with the WCAG 2.1 A and AA rules; fails with the violations listed. `include` limits
 * it to one part of the page (a section one feature adds to a page another owns).
 */
export async function expectAccessible(page: Page, label: string, include?: string): Promise<void> {
  const axe = new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']);
  const results = await (include === undefined ? axe : axe.include(include)).analyze();
  const summary = results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
  expect(summary, `axe-överträdelser på ${label}`).toEqual([]);
}

export { expect };
