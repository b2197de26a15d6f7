// Helpers for the workspace end-to-end tests: pasting text as a secretary pastes it from a
// document (HTML on the clipboard), inserting pictures with the toolbar, waiting for autosave.
import type { Locator, Page } from '@playwright/test';
import type { Block, Inline } from '../../core/format/richtext';
import { expect } from './fixtures';

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

function inline(i: Inline): string {
  let h = esc(i.text);
  if (i.italic) h = `<i>${h}</i>`;
  if (i.bold) h = `<b>${h}</b>`;
  return i.link ? `<a href="${esc(i.link)}">${h}</a>` : h;
}

/** HTML as a word processor puts it on the clipboard (no figures: those go in with the toolbar). */
export function clipboardHtml(blocks: readonly Block[]): string {
  return blocks
    .map((b) => {
      switch (b.type) {
        case 'paragraph':
          return `<p>${b.content.map(inline).join('')}</p>\n`;
        case 'heading':
          return `<h3>${esc(b.text)}</h3>\n`;
        case 'bullets':
          return `<ul>${b.items.map((it) => `<li>${clipboardHtml(it)}</li>`).join('\n')}</ul>\n`;
        case 'numbered':
          return `<ol>${b.items.map((it) => `<li>${clipboardHtml(it)}</li>`).join('\n')}</ol>\n`;
        case 'confidential':
        case 'figure':
          throw new Error(`${b.type} is not pasted`);
        default: {
          const never: never = b;
          return never;
        }
      }
    })
    .join('');
}

/** Pastes `html` where the caret is (the editor must have focus). */
export async function pasteHtml(editor: Locator, html: string): Promise<void> {
  await editor.evaluate((el, data) => {
    const dt = new DataTransfer();
    dt.setData('text/html', data);
    dt.setData('text/plain', data.replace(/<[^>]+>/g, ''));
    el.dispatchEvent(new ClipboardEvent('paste', { clipboardData: dt, bubbles: true, cancelable: true }));
  }, html);
}

/**
 * Enters rich text into an empty editor: runs of text are pasted, pictures inserted with the
 * editor's "Bild" button and dialog.
 */
export async function enterRichText(page: Page, editor: Locator, blocks: readonly Block[]): Promise<void> {
  await editor.click();
  let run: Block[] = [];
  const flush = async () => {
    if (run.length > 0) await pasteHtml(editor, clipboardHtml(run));
    run = [];
  };
  for (const b of blocks) {
    if (b.type !== 'figure') {
      run.push(b);
      continue;
    }
    await flush();
    const rte = editor.locator('xpath=..');
    await rte.getByRole('button', { name: 'Bild (platshållare)' }).click();
    const dialog = page.getByRole('dialog', { name: 'Infoga bild' });
    if (b.caption) await dialog.getByLabel('Bildtext (valfritt)').fill(b.caption);
    if (b.note) await dialog.getByLabel('Anteckning till dig själv (visas inte i protokollet)').fill(b.note);
    await dialog.getByRole('button', { name: 'Infoga bilden' }).click();
    await expect(dialog).toBeHidden();
  }
  await flush();
  await editor.blur();
}

export async function waitSaved(page: Page): Promise<void> {
  await expect(page.getByText('Alla ändringar sparade')).toBeVisible({ timeout: 15_000 });
}
