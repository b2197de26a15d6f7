// The words walk (see words.spec.ts) over the reference meeting's justering: §§ 20-22 locked,
// the justerare's signing package opened on another machine (#/underskrift), then signed by the
// secretary, the chair and the justerare (justerat).
import { expect, expectAccessible, test } from './fixtures';
import { check, useLife, watch } from './words-helpers';

test.describe("a meeting's life: justering", () => {
  const life = useLife();

  test('locked, the signing package opened, justerat: every screen passes', async ({ page }) => {
    const errors = watch(page);
    const { screens: s } = life;
    await life.sendKallelse();
    const version = await life.freeze();
    await life.walk(page, errors, 'låst för justering', [s.meeting, s.paragraph, s.justering, s.documents]);
    const pkg = await life.f.api.call('justering.exportPackage', { versionId: version.id, field: 'sig-justerare-1' });
    for (const lang of ['sv', 'en'] as const) {
      await page.goto(life.host.url);
      await page.evaluate((l) => localStorage.setItem('justera.lang', l), lang);
      await page.goto(`${life.origin}/#/underskrift`);
      await page.reload();
      await page.locator('input[type="file"]').setInputFiles({ name: pkg.fileName, mimeType: 'application/json', buffer: Buffer.from(pkg.content) });
      await page.getByRole('button', { name: lang === 'sv' ? 'Öppna paketet' : 'Open the package' }).click();
      await expect(page.getByRole('region', { name: lang === 'sv' ? 'Paketets innehåll' : 'Contents of the package' })).toBeVisible({ timeout: 30_000 });
      await check(page, `#/underskrift med öppnat paket (${lang})`, lang);
      if (lang === 'sv') await expectAccessible(page, '#/underskrift med öppnat paket');
    }

    await life.signAll(version.id);
    await life.walk(page, errors, 'justerat', [s.meeting, s.justering, s.documents, s.anslag]);
  });
});
