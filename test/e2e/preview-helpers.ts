// The workspace's PDF preview in end-to-end tests: its pages carry the text pdf.js read from them
// (data-text), and the drawn ones pdf.js's text layer.
import type { Locator, Page } from '@playwright/test';
import { expect } from './fixtures';

/** The PDF of a real protocol is typeset on the back end; a long one takes seconds on a busy machine. */
export const PREVIEW_TIMEOUT = 45_000;

const squash = (s: string) => s.replace(/\s+/g, ' ').trim();

export const previewPane = (page: Page): Locator => page.getByRole('complementary', { name: 'Förhandsgranskning' });

/** The preview's pages, each as pdf.js read it. */
export function previewTexts(page: Page): Promise<string[]> {
  return previewPane(page)
    .locator('.pdf-page')
    .evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset.text ?? ''));
}

/** Waits until some page of the preview PDF holds `text`; returns that page (1-based). */
export async function expectInPreview(page: Page, text: string): Promise<number> {
  const want = squash(text);
  let found = 0;
  await expect
    .poll(
      async () => {
        found = (await previewTexts(page)).findIndex((t) => squash(t).includes(want)) + 1;
        return found;
      },
      { timeout: PREVIEW_TIMEOUT, message: `förhandsgranskningen visar inte "${text}"` },
    )
    .toBeGreaterThan(0);
  return found;
}
