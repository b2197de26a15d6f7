// Each test gets its own temp database and loopback host serving the built renderer. Each
// Playwright worker is its own process: its back ends, ports (0: the system picks) and temp
// directories are its own, so files may run in parallel workers (playwright.config.ts `workers`).
import { test as base, expect, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const rendererDist = fileURLToPath(new URL('../../renderer/dist', import.meta.url));
import { createBackend, type Backend } from '../../electron/backend';
import { startHost, type Host } from '../../electron/host';
import { closePreviewPool } from '../../electron/handlers/preview';

export interface AppFixture {
  url: string;
  backend: Backend;
  host: Host;
}

/**
 * Back ends made for the end-to-end tests leave the preview's typesetting threads running when
 * they close (`keepPreviewThreads`): the next test's preview finds them loaded (a fresh thread
 * costs some 3 s of CPU before its first page). The worker stops them when it ends.
 */
export const E2E_BACKEND = { transport: 'http', actor: 'e2e', keepPreviewThreads: true } as const;

export const test = base.extend<{ app: AppFixture; emptyApp: AppFixture }, { previewThreads: void }>({
  previewThreads: [
    async ({}, use) => {
      await use();
      await closePreviewPool();
    },
    { scope: 'worker', auto: true },
  ],
  app: async ({}, use) => {
    await withApp(true, use);
  },
  emptyApp: async ({}, use) => {
    await withApp(false, use);
  },
});

async function withApp(demo: boolean, use: (a: AppFixture) => Promise<void>): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'justera-e2e-'));
  const backend = createBackend({ databasePath: join(dir, 'justera.db'), ...E2E_BACKEND });
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
  // The app has no frames. Without any, axe.run() in the page checks exactly what the default
  // (frame-by-frame) mode checks, without its final step in a new blank page: 1.3 s instead of
  // 5 s on a § screen, some 120 times in the suite. With a frame the default mode is used.
  const framed = page.frames().length > 1;
  const axe = new AxeBuilder({ page })
    // Details for the violations only (passes and the rest are counted, not listed); options()
    // replaces the options, so it comes before withTags().
    .options({ resultTypes: ['violations'] })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .setLegacyMode(!framed);
  const results = await (include === undefined ? axe : axe.include(include)).analyze();
  const summary = results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
  expect(summary, `axe-överträdelser på ${label}`).toEqual([]);
}

export { expect };
