// The preview's typesetting threads are one pool for the process. A back end closing stops them
// (the desktop app and the CLI end with nothing left running); one made with `keepPreviewThreads`
// leaves them for the next back end, as the end-to-end tests make one per test
// (test/e2e/fixtures.ts), and the process stops them itself.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { createBackend, type BackendOptions } from '../../electron/backend';
import { closePreviewPool, previewPoolRunning } from '../../electron/handlers/preview';

const dirs: string[] = [];
afterEach(async () => {
  await closePreviewPool();
});
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

/** A back end over a fresh database with the reference meeting; its preview rendered once. */
async function previewOnce(options: Partial<BackendOptions> = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'justera-preview-threads-'));
  dirs.push(dir);
  const backend = createBackend({ databasePath: join(dir, 'justera.db'), actor: 'test', ...options });
  const demo = await backend.dispatch('demo.load', {});
  if (!demo.ok) throw new Error(demo.error.message);
  const preview = await backend.dispatch('documents.preview', { meetingId: (demo.value as { meetingId: string }).meetingId });
  expect(preview.ok).toBe(true);
  expect(previewPoolRunning()).toBe(true);
  return backend;
}

describe('the preview threads when a back end closes', () => {
  it('stop by default', async () => {
    const backend = await previewOnce();
    backend.close();
    expect(previewPoolRunning()).toBe(false);
  });

  it('stay with keepPreviewThreads, serve the next back end, and stop with closePreviewPool', async () => {
    const first = await previewOnce({ keepPreviewThreads: true });
    first.close();
    expect(previewPoolRunning()).toBe(true);
    const second = await previewOnce({ keepPreviewThreads: true });
    second.close();
    expect(previewPoolRunning()).toBe(true);
    await closePreviewPool();
    expect(previewPoolRunning()).toBe(false);
  });
});
