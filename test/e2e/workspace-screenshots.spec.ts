// Screenshots of the main screens for docs/ (docs/images/*.png). Runs only when asked:
//   JUSTERA_SCREENSHOTS=1 npx playwright test test/e2e/workspace-screenshots.spec.ts
import { fileURLToPath } from 'node:url';
import { test, expect } from './fixtures';

const out = (name: string) => fileURLToPath(new URL(`../../docs/images/${name}.png`, import.meta.url));

test.skip(process.env.JUSTERA_SCREENSHOTS !== '1', 'Skärmbilderna tas bara med JUSTERA_SCREENSHOTS=1.');

test('screenshots of the workspace', async ({ page, app }) => {
  test.setTimeout(120_000);
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.goto(app.url);
  await expect(page.getByRole('heading', { level: 2, name: 'Norrbottens e-nämnd' })).toBeVisible();
  await page.screenshot({ path: out('workspace-start') });

  await page.getByRole('link', { name: /Ledamöter, tjänstepersoner och nya sammanträden/ }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Ledamöter och ersättare' })).toBeVisible();
  await page.getByRole('heading', { level: 2, name: 'Ledamöter och ersättare' }).scrollIntoViewIfNeeded();
  await page.screenshot({ path: out('workspace-board') });

  await page.goto(app.url);
  await page.getByRole('link', { name: /torsdag 5 november 2020/ }).click();
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await page.waitForTimeout(1500);
  await page.screenshot({ path: out('workspace-meeting') });
  await page.getByRole('heading', { level: 2, name: 'Föredragningslista' }).scrollIntoViewIfNeeded();
  await page.screenshot({ path: out('workspace-agenda') });

  const nav = page.getByRole('navigation', { name: 'Paragrafer' });
  await nav.getByRole('link', { name: 'Närvaro' }).click();
  await page.getByLabel('Närvarande: Maud Lundbäck').check();
  await page.getByLabel('Närvarande: Maud Lundbäck').uncheck();
  await page.waitForTimeout(1200);
  await page.screenshot({ path: out('workspace-attendance') });

  await nav.getByRole('link', { name: /^§ 22 / }).click();
  await page.waitForTimeout(1500);
  await page.getByRole('heading', { level: 3, name: 'Justering och sekretess' }).scrollIntoViewIfNeeded();
  await page.screenshot({ path: out('workspace-paragraph') });

  await nav.getByRole('link', { name: /^§ 25 / }).click();
  await page.locator('summary', { hasText: 'Omröstning' }).click();
  await page.getByLabel('Öppen omröstning').check();
  const names = [
    'Isak Utsi',
    'Sara Lundberg',
    'Lena Goldkuhl',
    'Magnus Johansson',
    'Sven Tornberg',
    'Henrik Blind',
    'Stefan Sydberg',
    'Ulrica Hammarström',
    'Anders Lundkvist',
    'Leif Nilsson',
    'Roland Kemppainen',
    'Anders Josefsson',
  ];
  for (const [i, n] of names.entries()) await page.getByLabel(`${i % 2 === 0 ? 'Ja' : 'Nej'}: ${n}`, { exact: true }).check();
  await page.getByRole('table', { name: 'Röster på § 25' }).scrollIntoViewIfNeeded();
  await page.waitForTimeout(1500);
  await page.screenshot({ path: out('workspace-vote') });

  await page.getByRole('search', { name: 'Sök i protokollen' }).getByRole('searchbox').fill('ramavtal LULEÅ');
  await page.getByRole('search', { name: 'Sök i protokollen' }).getByRole('button', { name: 'Sök' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Sök i protokollen' })).toBeVisible();
  await page.waitForTimeout(500);
  await page.screenshot({ path: out('workspace-search') });
});
