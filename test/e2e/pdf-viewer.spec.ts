// The PDF viewer (renderer/features/preview/PdfViewer.tsx) where a justerare reads what they
// sign: on the package page and in the sign dialog. Keyboard only: page navigation ("sida 2 av
// N", previous/next, a page number), zoom (+, −, 0 and the buttons), full window (Esc leaves it
// and gives focus back; in a dialog the dialog stays open). axe on each state.
import { expect, expectAccessible, test } from './fixtures';
import { trustedAppPerTest } from './justering-helpers';

test.describe.configure({ timeout: 120_000 });
const env = trustedAppPerTest();

async function tabTo(page: import('@playwright/test').Page, target: import('@playwright/test').Locator): Promise<void> {
  for (let i = 0; i < 60; i += 1) {
    if (await target.evaluate((el) => el === document.activeElement)) return;
    await page.keyboard.press('Tab');
  }
  throw new Error('kom inte fram med Tab');
}

test('the package page shows the whole PDF to read, with pages, zoom and full window from the keyboard', async ({ page }) => {
  const frozen = await env.app.api.call('justering.freeze', { meetingId: env.app.meetingId, groupIndex: 0 });
  const pkg = await env.app.api.call('justering.exportPackage', { versionId: frozen.version.id, field: 'sig-justerare-1' });
  await page.goto(`${env.app.url}#/underskrift`);
  await page.getByLabel('Underskriftspaket (.justera)').setInputFiles({ name: pkg.fileName, mimeType: 'application/json', buffer: Buffer.from(pkg.content) });
  await page.getByRole('button', { name: 'Öppna paketet' }).click();

  const viewer = page.getByRole('region', { name: /^Norrbottens e-nämnd 2020-11-05 §§ 20-22$/ });
  // Opening checks the package's signatures, and pdf.js reads every page: slow on a busy machine.
  await expect(viewer.locator('.pdf-page').first()).toBeVisible({ timeout: 30_000 });
  const toolbar = page.getByRole('toolbar', { name: 'Visning av Norrbottens e-nämnd 2020-11-05 §§ 20-22' });
  const pageOf = toolbar.getByText(/^sida \d+ av \d+$/);
  await expect(pageOf).toHaveText(/^sida 1 av \d+$/);
  const total = Number((await pageOf.textContent())?.match(/av (\d+)/)?.[1]);
  expect(total).toBeGreaterThan(1);
  await expect(viewer.locator('.pdf-page')).toHaveCount(total);
  await expect(toolbar.getByRole('button', { name: 'Föregående sida' })).toBeDisabled();
  await expectAccessible(page, 'paketsidan med PDF-visningen');

  // Next page from the keyboard.
  await tabTo(page, toolbar.getByRole('button', { name: 'Nästa sida' }));
  await page.keyboard.press('Enter');
  await expect(pageOf).toHaveText(`sida 2 av ${total}`);
  // A page number.
  const input = toolbar.getByRole('textbox', { name: 'Sida' });
  await tabTo(page, input);
  await page.keyboard.press('Control+A');
  await page.keyboard.type(String(total));
  await page.keyboard.press('Enter');
  await expect(pageOf).toHaveText(`sida ${total} av ${total}`);
  await expect(toolbar.getByRole('button', { name: 'Nästa sida' })).toBeDisabled();
  await page.keyboard.press('Control+A');
  await page.keyboard.type('99');
  await page.keyboard.press('Enter');
  await expect(toolbar.getByRole('alert')).toHaveText(`Skriv ett sidnummer från 1 till ${total}.`);
  await expect(input).toHaveAttribute('aria-invalid', 'true');

  // Zoom with the keys in the pages, and back to the width.
  const zoomText = toolbar.getByText(/^Zoom \d+ %$/);
  const fit = toolbar.getByRole('button', { name: 'Anpassa till bredd' });
  await expect(fit).toHaveAttribute('aria-pressed', 'true');
  const before = Number((await zoomText.textContent())?.match(/\d+/)?.[0]);
  const width = await viewer
    .locator('.pdf-page')
    .first()
    .evaluate((el) => el.getBoundingClientRect().width);
  await tabTo(page, viewer);
  await page.keyboard.press('+');
  await expect(zoomText).not.toHaveText(`Zoom ${before} %`);
  const zoomed = Number((await zoomText.textContent())?.match(/\d+/)?.[0]);
  expect(zoomed).toBeGreaterThan(before);
  await expect(fit).toHaveAttribute('aria-pressed', 'false');
  // The page grows by the ratio the zoom level says.
  await expect
    .poll(async () =>
      Math.abs(
        (100 *
          (await viewer
            .locator('.pdf-page')
            .first()
            .evaluate((el) => el.getBoundingClientRect().width))) /
          width -
          (100 * zoomed) / before,
      ),
    )
    .toBeLessThan(2);
  // Wider than the box: it scrolls sideways rather than cutting the page.
  await expect.poll(() => viewer.evaluate((el) => el.scrollWidth > el.clientWidth)).toBe(true);
  await page.keyboard.press('-');
  await page.keyboard.press('-');
  await expect.poll(async () => Number((await zoomText.textContent())?.match(/\d+/)?.[0])).toBeLessThan(before);
  await page.keyboard.press('0');
  await expect(zoomText).toHaveText(`Zoom ${before} %`);
  await expect(fit).toHaveAttribute('aria-pressed', 'true');
  // The zoom buttons do the same.
  await tabTo(page, toolbar.getByRole('button', { name: 'Zooma in' }));
  await page.keyboard.press('Enter');
  await expect(fit).toHaveAttribute('aria-pressed', 'false');
  await tabTo(page, fit);
  await page.keyboard.press('Enter');
  await expect(zoomText).toHaveText(`Zoom ${before} %`);

  // Full window: covers the window, keeps the focus inside, Esc leaves and focus goes back.
  const fullButton = toolbar.getByRole('button', { name: 'Helfönster' });
  await tabTo(page, fullButton);
  await page.keyboard.press('Enter');
  const full = page.getByRole('dialog', { name: 'Norrbottens e-nämnd 2020-11-05 §§ 20-22' });
  await expect(full).toBeVisible();
  await expect(viewer).toBeFocused();
  const box = await full.boundingBox();
  const size = page.viewportSize();
  expect(box?.width).toBe(size?.width);
  expect(box?.height).toBe(size?.height);
  await expectAccessible(page, 'PDF-visningen i helfönster');
  for (let i = 0; i < 15; i += 1) {
    await page.keyboard.press('Tab');
    expect(await full.evaluate((el) => el.contains(document.activeElement))).toBe(true);
  }
  await page.keyboard.press('Escape');
  await expect(full).toHaveCount(0);
  await expect(fullButton).toBeFocused();
});

test('the sign dialog shows the version to sign; Esc leaves full window and keeps the dialog', async ({ page }) => {
  await env.app.api.call('justering.freeze', { meetingId: env.app.meetingId, groupIndex: 0 });
  await page.goto(env.app.url);
  await page.goto(`${new URL(env.app.url).origin}/#/meetings/${encodeURIComponent(env.app.meetingId)}/justering`);
  const signButton = page.getByRole('button', { name: 'Skriv under med certifikatfil: Sekreterare Robert Karlsson' });
  await signButton.click();
  const dialog = page.getByRole('dialog', { name: /Skriv under som sekreterare Robert Karlsson med certifikatfil/ });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByText('Läs hela dokumentet innan du skriver under.', { exact: false })).toBeVisible();
  const viewer = dialog.getByRole('region', { name: '§§ 20-22, Version 1' });
  await expect(viewer.locator('.pdf-page').first()).toBeVisible({ timeout: 30_000 });
  await expect(dialog.getByRole('toolbar').getByText(/^sida 1 av \d+$/)).toBeVisible();
  await expectAccessible(page, 'underskriftsdialogen med PDF-visningen');

  const fullButton = dialog.getByRole('button', { name: 'Helfönster' });
  await tabTo(page, fullButton);
  await page.keyboard.press('Enter');
  await expect(viewer).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(fullButton).toBeFocused();
  await expect(dialog).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
});
