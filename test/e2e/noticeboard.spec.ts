// The generated notice board opened from the file system in Debian's Chromium: every page passes
// axe-core (WCAG 2.1 A and AA), runs no script, styles from its one CSS file, every link points
// to a file that exists (the OParl entry point too), the skip link works from the keyboard, the
// feed is well-formed XML and the OParl data is there.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { test, expect, expectAccessible } from './fixtures';
import { anslagFixture, type AnslagFixture } from '../integration/anslag-fixture';
import { tempDir, type TempDir } from '../documents/helpers/pdf-tools';

let fixture: AnslagFixture;
let out: TempDir;
let site: string;

test.beforeAll(async () => {
  fixture = await anslagFixture({ now: '2020-11-06T09:00:00+01:00' });
  await fixture.api.call('anslag.post', { groupId: fixture.groupIds[0] as string });
  fixture.at('2020-11-12T09:00:00+01:00');
  await fixture.api.call('anslag.post', { groupId: fixture.groupIds[1] as string });
  out = tempDir('justera-e2e-board-');
  site = join(out.path, 'anslagstavla');
  // 2020-11-28: §§ 20-22 have just moved to the archive, §§ 23-26 are still up.
  fixture.at('2020-11-28T08:00:00+01:00');
  await fixture.api.call('noticeboard.export', { directory: site, baseUrl: 'https://www.lulea.se/anslagstavla/' });
});

test.afterAll(() => {
  fixture.dispose();
  out.remove();
});

function pages(): string[] {
  const notices = readdirSync(join(site, 'anslag')).map((n) => `anslag/${n}`);
  return ['index.html', 'arkiv.html', ...notices.sort()];
}

const url = (path: string) => pathToFileURL(join(site, path)).href;

test('every page is accessible, script-free, styled and has working relative links', async ({ page }) => {
  const all = pages();
  expect(all).toEqual(['index.html', 'arkiv.html', 'anslag/norrbottens-e-namnd-2020-11-05-20-22.html', 'anslag/norrbottens-e-namnd-2020-11-05-23-26.html']);
  for (const path of all) {
    await page.goto(url(path));
    await expect(page.locator('h1')).toHaveCount(1);
    await expectAccessible(page, path);
    expect(await page.evaluate(() => document.scripts.length), `${path}: skript`).toBe(0);
    // The one style sheet is loaded from the file system.
    expect(await page.evaluate(() => getComputedStyle(document.body).color)).toBe('rgb(26, 26, 26)');
    const hrefs = await page.locator('a[href]').evaluateAll((links) => links.map((a) => (a as HTMLAnchorElement).getAttribute('href') ?? ''));
    for (const href of hrefs) {
      if (href.startsWith('#')) continue;
      expect(href, `${path}: ${href}`).not.toMatch(/^(?:[a-z]+:|\/)/i);
      const target = resolve(dirname(join(site, path)), href.split('#')[0] as string);
      expect(existsSync(target), `${path} → ${href}`).toBe(true);
    }
  }
});

test('the current notice: dates, appeal and the protocol, reachable by keyboard from the start page', async ({ page }) => {
  await page.goto(url('index.html'));
  await expect(page.getByRole('heading', { level: 1, name: 'Anslagstavla' })).toBeVisible();
  await expect(page.getByRole('navigation', { name: 'Anslagstavlan' }).getByRole('link', { name: 'Aktuella anslag' })).toHaveAttribute('aria-current', 'page');
  const current = page.getByRole('article');
  await expect(current).toHaveCount(1);
  await expect(current).toContainText('§§ 23-26');

  // The skip link is the first stop and moves to the content.
  await page.keyboard.press('Tab');
  const skip = page.getByRole('link', { name: 'Hoppa till innehållet' });
  await expect(skip).toBeFocused();
  await expect(skip).toBeVisible();
  await page.keyboard.press('Enter');
  expect(page.url().endsWith('#innehall')).toBe(true);

  await page.getByRole('link', { name: 'Norrbottens e-nämnd – sammanträde 2020-11-05, §§ 23-26' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Tillkännagivande om justerat protokoll: Norrbottens e-nämnd – sammanträde 2020-11-05, §§ 23-26');
  await expect(page.getByText('Anslaget är uppsatt. Sista dag för överklagande är 2020-12-03')).toBeVisible();
  await expect(page.getByText('Anslaget sattes upp', { exact: true })).toBeVisible();
  await expect(page.getByRole('heading', { level: 2, name: 'Så överklagar du (laglighetsprövning)' })).toBeVisible();
  await expect(page.getByText(/ska ha kommit in senast 2020-12-03/)).toBeVisible();
  await expect(page.getByText(/Förvaltningsrätten prövar överklagandet/)).toBeVisible();
  const pdf = page.getByRole('link', { name: /Protokollet i offentlig version, §§ 20-26 \(PDF, \d+\s?kB\)/ });
  await expect(pdf).toBeVisible();
  const href = (await pdf.getAttribute('href')) ?? '';
  expect(
    readFileSync(resolve(site, 'anslag', href))
      .subarray(0, 5)
      .toString('latin1'),
  ).toBe('%PDF-');
});

test('the archive lists the notice taken down on its take-down day', async ({ page }) => {
  await page.goto(url('arkiv.html'));
  const table = page.getByRole('table', { name: 'Tidigare anslag, det senast uppsatta först' });
  await expect(table.getByRole('columnheader')).toHaveText(['Anslag', 'Uppsatt', 'Nedtaget', 'Sista dag för överklagande']);
  const row = table.getByRole('row', { name: /§§ 20-22/ });
  await expect(row).toContainText('2020-11-06');
  await expect(row).toContainText('2020-11-28');
  await row.getByRole('link').click();
  await expect(page.getByText('Anslaget är nedtaget. Tiden för överklagande gick ut 2020-11-27')).toBeVisible();
});

test('the Atom feed and the OParl data are well-formed', async ({ page }) => {
  await page.goto(url('index.html'));
  const xml = readFileSync(join(site, 'anslag.atom'), 'utf8');
  const parsed = await page.evaluate((text) => {
    const doc = new DOMParser().parseFromString(text, 'application/xml');
    return {
      error: doc.getElementsByTagName('parsererror').length,
      root: doc.documentElement.namespaceURI,
      entries: doc.getElementsByTagNameNS('http://www.w3.org/2005/Atom', 'entry').length,
    };
  }, xml);
  expect(parsed).toEqual({ error: 0, root: 'http://www.w3.org/2005/Atom', entries: 2 });
  const meetings = JSON.parse(readFileSync(join(site, 'oparl', 'meetings.json'), 'utf8')) as { data: { agendaItem: unknown[] }[] };
  expect(meetings.data).toHaveLength(1);
  expect(meetings.data[0]?.agendaItem).toHaveLength(7);
  await expect(page.getByRole('link', { name: 'Öppna data (OParl)' })).toHaveAttribute('href', 'oparl/system.json');
  // The site folder is only what the manifest lists, plus the manifest.
  const manifest = JSON.parse(readFileSync(join(site, '.justera-anslagstavla.json'), 'utf8')) as { files: { path: string }[] };
  expect(manifest.files.map((f) => f.path)).toContain('stil.css');
  expect(fileURLToPath(url('index.html'))).toBe(join(site, 'index.html'));
});
