// The § editor (ProseMirror, issue 16 item 7): a Word document pasted into a § keeps its lists,
// bold and links and nothing else, without a single CSP report; toolbar buttons and keyboard
// shortcuts format, Tab nests list items, Ctrl+Z undoes; a § locked for justering is read-only.
import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { expect, expectAccessible, test } from './fixtures';
import { pasteHtml, waitSaved } from './workspace-helpers';

const wordFixture = readFileSync(new URL('../fixtures/paste/word-lists.html', import.meta.url), 'utf8');

async function openParagraph(page: Page, url: string, n: number): Promise<string> {
  await page.setViewportSize({ width: 1500, height: 1000 });
  await page.addInitScript(() => {
    const w = window as unknown as { __csp: string[] };
    w.__csp = [];
    document.addEventListener('securitypolicyviolation', (e) => w.__csp.push(`${e.violatedDirective}: ${e.sample}`));
  });
  await page.goto(url);
  await page.getByRole('link', { name: /torsdag 5 november 2020/ }).click();
  await page
    .getByRole('navigation', { name: 'Paragrafer' })
    .getByRole('link', { name: new RegExp(`^§ ${n} `) })
    .click();
  await expect(page.getByRole('heading', { level: 2, name: new RegExp(`^§ ${n} `) })).toBeVisible();
  return page.url().split('/meetings/')[1]?.split('/')[0] ?? '';
}

type Exported = { ok: boolean; value: { paragraphs: { number: number; summary?: { type: string; items?: unknown[]; content?: { text: string; bold?: boolean }[] }[] }[] } };

test('a Word document pasted into a § keeps lists, bold and links, drops the rest, and raises no CSP report', async ({ page, app }) => {
  const meetingId = await openParagraph(page, app.url, 23);
  const summary = page.getByRole('textbox', { name: 'Sammanfattning av ärendet' });
  await summary.click();
  await page.keyboard.press('Control+A');
  await page.keyboard.press('Delete');
  // (The page may have reported something while loading — zod probes eval once; the paste adds nothing.)
  const cspBefore = await page.evaluate(() => (window as unknown as { __csp: string[] }).__csp.length);
  await pasteHtml(summary, wordFixture);
  await expect(summary.locator('ul ul li')).toHaveText('främst i Norrby och Söderås,');
  await expect(summary.locator(':scope > ol > li')).toHaveCount(2);
  await expect(summary.locator('ol ol li')).toHaveText('med sex avdelningar,');
  await expect(summary.locator('strong').first()).toHaveText('förvaltningen');
  await expect(summary.locator('a[href="https://www.example.se/forskola/utredning"]')).toHaveText('utredningen');
  // Nothing of Word's markup reaches the page.
  await expect(summary.locator('[style], span, img, o\\:p, font')).toHaveCount(0);
  await expect(summary).not.toContainText('·');
  await summary.blur();
  await waitSaved(page);
  expect(await page.evaluate((n) => (window as unknown as { __csp: string[] }).__csp.slice(n), cspBefore)).toEqual([]);
  await expectAccessible(page, 'paragrafen med inklistrad Word-text');

  const exported = (await app.backend.dispatch('meetings.export', { meetingId })) as Exported;
  const summaryBlocks = exported.value.paragraphs.find((p) => p.number === 23)?.summary ?? [];
  expect(summaryBlocks.map((b) => b.type)).toEqual(['heading', 'paragraph', 'paragraph', 'bullets', 'paragraph', 'numbered', 'paragraph']);
});

test('toolbar buttons and shortcuts format, Tab nests a list item, Ctrl+Z undoes, and it is saved', async ({ page, app }) => {
  const meetingId = await openParagraph(page, app.url, 23);
  const summary = page.getByRole('textbox', { name: 'Sammanfattning av ärendet' });
  await summary.click();
  await page.keyboard.press('Control+A');
  await page.keyboard.press('Delete');
  await page.keyboard.type('Nämnden beslutar');
  await page.keyboard.press('Shift+Home');
  await page.keyboard.press('Control+B');
  await expect(summary.locator('strong')).toHaveText('Nämnden beslutar');
  await page.keyboard.press('End');
  await page.keyboard.press('Enter');
  await page.keyboard.press('Control+Shift+8');
  await page.keyboard.type('ett');
  await page.keyboard.press('Enter');
  await page.keyboard.type('två');
  await page.keyboard.press('Tab');
  await expect(summary.locator('ul ul li')).toHaveText('två');
  await page.keyboard.press('Control+Z');
  await expect(summary.locator('ul ul')).toHaveCount(0);
  await expect(summary.locator('ul > li')).toHaveCount(2);
  // The toolbar: one tab stop, arrow keys inside, buttons named with their shortcuts.
  const toolbar = page.getByRole('toolbar', { name: 'Textverktyg för Sammanfattning av ärendet' });
  await toolbar.getByRole('button', { name: 'Numrerad lista (Ctrl+Skift+7)' }).click();
  await expect(summary.locator('ol > li')).toHaveCount(2);
  await expect(summary).toBeFocused();
  await summary.blur();
  await waitSaved(page);
  const exported = (await app.backend.dispatch('meetings.export', { meetingId })) as Exported;
  expect(exported.value.paragraphs.find((p) => p.number === 23)?.summary).toEqual([
    { type: 'paragraph', content: [{ text: 'Nämnden beslutar', bold: true }] },
    { type: 'numbered', items: [[{ type: 'paragraph', content: [{ text: 'ett' }] }], [{ type: 'paragraph', content: [{ text: 'två' }] }]] },
  ]);
});

test('in a list Tab indents; the field says how to leave it, and Esc then Tab does (no keyboard trap, WCAG 2.1.2)', async ({ page, app }) => {
  await openParagraph(page, app.url, 23);
  const summary = page.getByRole('textbox', { name: 'Sammanfattning av ärendet' });
  // The way out is in the field's description, which a screen reader reads with the field.
  await expect(summary).toHaveAccessibleDescription(/I en punktlista eller numrerad lista flyttar Tab och Skift\+Tab punkten in och ut\. Tryck Esc och sedan Tab för att lämna fältet\./);
  await summary.click();
  await page.keyboard.press('Control+A');
  await page.keyboard.press('Delete');
  await page.keyboard.press('Control+Shift+8');
  await page.keyboard.type('ett');
  await page.keyboard.press('Tab');
  await expect(summary).toBeFocused();
  await page.keyboard.press('Escape');
  await page.keyboard.press('Tab');
  await expect(summary).not.toBeFocused();
  await expect(page.getByRole('toolbar', { name: 'Textverktyg för Beskrivning av ärendet' }).getByRole('button', { name: 'Fet (Ctrl+B)' })).toBeFocused();
  await expectAccessible(page, 'textfält med tangenthjälp');
});

test('a § locked for justering shows its text read-only, without the toolbar', async ({ page, app }) => {
  const meetingId = await openParagraph(page, app.url, 20);
  const frozen = (await app.backend.dispatch('justering.freeze', { meetingId, groupIndex: 0 })) as { ok: boolean; error?: { message: string } };
  expect(frozen.ok, frozen.error?.message).toBe(true);
  await page.reload();
  await expect(page.getByRole('heading', { level: 2, name: /^§ 20 / })).toBeVisible();
  const summary = page.getByRole('textbox', { name: 'Sammanfattning av ärendet' });
  await expect(summary).toHaveAttribute('aria-readonly', 'true');
  await expect(summary).toHaveAttribute('contenteditable', 'false');
  await expect(page.getByRole('toolbar', { name: 'Textverktyg för Sammanfattning av ärendet' })).toHaveCount(0);
  const before = await summary.innerText();
  await summary.click();
  await page.keyboard.type('ändring');
  await pasteHtml(summary, '<p>inklistrat</p>');
  expect(await summary.innerText()).toBe(before);
  await expectAccessible(page, 'låst paragraf');
});
