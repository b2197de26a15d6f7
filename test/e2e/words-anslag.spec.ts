// The words walk (see words.spec.ts) over the reference meeting after justering: the notice
// posted, a protokollsutdrag made, the notice board's public pages, and a rättelse (the dialog
// with its validation messages, then version 2). The clock moves as the real days would.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { expect, expectAccessible, test } from './fixtures';
import { check, useLife, watch } from './words-helpers';

test.describe("a meeting's life: anslag, utdrag and rättelse", () => {
  const life = useLife();

  test('posted, an extract, the public notice board, a rättelse: every screen passes', async ({ page }) => {
    const errors = watch(page);
    const { screens: s } = life;
    const version = await life.freeze();
    await life.signAll(version.id);
    await life.postAndExtract();
    await life.walk(page, errors, 'anslag och utdrag', [s.anslag, s.documents, s.boardDocuments]);
    const site = join(life.out.path, 'anslagstavla');
    await life.f.api.call('noticeboard.export', { directory: site, baseUrl: 'https://www.lulea.se/anslagstavla/' });
    const publicPages = ['index.html', 'arkiv.html', ...readdirSync(join(site, 'anslag')).map((n) => `anslag/${n}`)];
    expect(publicPages.length).toBeGreaterThan(2);
    for (const path of publicPages) {
      await page.goto(pathToFileURL(join(site, path)).href);
      await expect(page.locator('h1')).toHaveCount(1);
      await check(page, `anslagstavlan: ${path}`, 'sv');
      await expectAccessible(page, `anslagstavlan: ${path}`);
    }
    // axe-core reads the style sheet with XMLHttpRequest, which Chromium refuses for file:// pages;
    // that is the test tool, not the site (noticeboard.spec.ts checks that stil.css is applied).
    errors.splice(0, errors.length, ...errors.filter((e) => !(e.startsWith('file://') && /stil\.css|Failed to load resource: net::ERR_FAILED/.test(e))));

    // A rättelse of the adjusted §§ 20-22: the dialog and its messages, then version 2.
    life.f.at('2020-11-10T13:00:00+01:00');
    for (const lang of ['en', 'sv'] as const) {
      await page.goto(life.host.url);
      await page.evaluate((l) => localStorage.setItem('justera.lang', l), lang);
      await page.goto(`${life.origin}/#${s.justering[0]}`);
      await page.reload();
      const open = page.getByRole('button', { name: lang === 'sv' ? 'Gör en rättelse i §§ 20-22' : 'Make a correction in §§ 20-22' });
      await open.click();
      const dialog = page.getByRole('dialog');
      await expect(dialog).toBeVisible();
      await check(page, `rättelsedialogen (${lang})`, lang);
      // Nothing changed, then a change without a reason: the messages, without a generic prefix.
      await dialog.getByRole('button', { name: lang === 'sv' ? 'Skapa rättad version' : 'Create the corrected version' }).click();
      await expect(dialog.locator('[aria-invalid="true"]')).toHaveCount(1);
      await check(page, `rättelsedialogen utan ändring (${lang})`, lang);
      const title = dialog.getByLabel(lang === 'sv' ? 'Rubrik' : 'Title', { exact: true });
      await title.fill(`${await title.inputValue()} (rättad)`);
      await dialog.getByRole('button', { name: lang === 'sv' ? 'Skapa rättad version' : 'Create the corrected version' }).click();
      await expect(dialog.getByLabel(lang === 'sv' ? 'Skäl till rättelsen' : 'Reason for the correction')).toHaveAttribute('aria-invalid', 'true');
      await check(page, `rättelsedialogen utan skäl (${lang})`, lang);
      if (lang === 'sv') {
        await expectAccessible(page, 'rättelsedialogen utan skäl');
        await dialog.getByLabel('Skäl till rättelsen').fill('Felskriven rubrik');
        await dialog.getByRole('button', { name: 'Skapa rättad version' }).click();
        await expect(page.getByRole('heading', { level: 3, name: 'Version 2 gällande' })).toBeVisible({ timeout: 30_000 });
      } else {
        await page.keyboard.press('Escape');
        await expect(dialog).toBeHidden();
      }
    }
    await life.walk(page, errors, 'rättelse', [s.justering, s.documents, s.settings]);
  });
});
