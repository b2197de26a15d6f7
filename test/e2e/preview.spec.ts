// The live preview in the workspace: the real protocol PDF, drawn by pdf.js page by page,
// follows what the secretary types and scrolls to the § being edited.
import { test, expect, expectAccessible } from './fixtures';
import { waitSaved } from './workspace-helpers';
import { expectInPreview, PREVIEW_TIMEOUT, previewPane } from './preview-helpers';

test('the preview shows the protocol PDF, follows a new § title and stays accessible', async ({ page, app }) => {
  // Two real renders of a 15-page protocol, the first starting the render thread.
  test.slow();
  await page.setViewportSize({ width: 1500, height: 1000 });
  await page.goto(app.url);
  await page.getByRole('link', { name: /torsdag 5 november 2020/ }).click();
  await page
    .getByRole('navigation', { name: 'Paragrafer' })
    .getByRole('link', { name: /^§ 23 / })
    .click();
  await expect(page.getByRole('heading', { level: 2, name: /^§ 23 / })).toBeVisible();

  const pane = previewPane(page);
  const status = pane.getByRole('status');
  await expect(status).toHaveText(/^Uppdaterad \d\d:\d\d:\d\d$/, { timeout: PREVIEW_TIMEOUT });
  const pages = pane.getByRole('img', { name: /^Sida \d+ av \d+$/ });
  const total = await pages.count();
  expect(total).toBeGreaterThan(5);
  await expect(pages.first()).toHaveAccessibleName(`Sida 1 av ${total}`);

  // Scrolled to the page where § 23 starts, and that page is drawn with its text layer.
  const p23 = await expectInPreview(page, '§ 23');
  const shown = pane.locator(`.pdf-page[data-page="${p23}"]`);
  await expect(shown).toBeInViewport();
  await expect(shown.locator('.textLayer')).toContainText('§ 23');
  // Pages far away are not drawn.
  await expect(pane.locator('.pdf-page[data-page="1"] .textLayer')).toBeEmpty();
  await expectAccessible(page, 'arbetsytan med förhandsgranskningen');

  const title = 'Förhandsgranskning av en ny rubrik';
  await page.getByLabel('Rubrik', { exact: true }).fill(title);
  await waitSaved(page);
  const at = await expectInPreview(page, `§ 23 ${title}`);
  expect(at).toBe(p23);
  await expect(pane.locator(`.pdf-page[data-page="${at}"] .textLayer`)).toContainText(title, { timeout: PREVIEW_TIMEOUT });
  await expect(status).toHaveText(/^Uppdaterad /);

  // Scrolling the new PDF draws the pages that come into view.
  const last = pane.locator(`.pdf-page[data-page="${total}"]`);
  await last.scrollIntoViewIfNeeded();
  await expect(last.locator('.textLayer')).not.toBeEmpty({ timeout: PREVIEW_TIMEOUT });
  expect(await last.locator('canvas').evaluate((c: HTMLCanvasElement) => c.width)).toBeGreaterThan(0);
});
