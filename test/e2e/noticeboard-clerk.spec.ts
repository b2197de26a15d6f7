// The clerk's screens (renderer/features/anslag) in Debian's Chromium against the loopback host:
// groups waiting with their post-by day (overdue in red and in words), posting by keyboard,
// notices up with their take-down day, taking down, exporting the board and the follow-up list
// (protokollsutdrag: test/e2e/extracts.spec.ts);
// axe-core (WCAG 2.1 AA) on each state. The feature is built alone with Vite (the harness) so
// these tests do not depend on how the app's menu links it.
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { build } from 'vite';
import { startHost, type Host } from '../../electron/host';
import { test, expect, expectAccessible } from './fixtures';
import { anslagFixture, ADJUSTED_20_22, ADJUSTED_23_26, type AnslagFixture } from '../integration/anslag-fixture';
import { makeCertificates, PASSWORD, type Certificates } from './justering-helpers';

const harness = fileURLToPath(new URL('./noticeboard-harness/', import.meta.url));
let dist: string;

test.beforeAll(async () => {
  dist = mkdtempSync(join(tmpdir(), 'justera-anslag-ui-'));
  await build({
    root: harness,
    base: './',
    configFile: false,
    logLevel: 'warn',
    plugins: [react()],
    build: { outDir: dist, emptyOutDir: true, target: 'es2022', modulePreload: { polyfill: false }, assetsInlineLimit: 0 },
  });
});

test.afterAll(() => rmSync(dist, { recursive: true, force: true }));

/** The app's error colour (var(--error)) as the browser computes it. */
async function errorColour(page: import('@playwright/test').Page): Promise<string> {
  return page.evaluate(() => {
    const probe = document.createElement('span');
    probe.style.color = 'var(--error)';
    document.body.append(probe);
    const colour = getComputedStyle(probe).color;
    probe.remove();
    return colour;
  });
}

// Posting, signing and exporting render PDFs: on a loaded machine a test needs more than a minute.
test.describe.configure({ timeout: 180_000 });

let f: AnslagFixture;
let host: Host;
let site: string;

test.beforeEach(async () => {
  // 2020-11-12: §§ 20-22 (adjusted 2020-11-05) should have been posted by 2020-11-09;
  // §§ 23-26 (adjusted 2020-11-11) by 2020-11-13.
  f = await anslagFixture({ adjusted: [ADJUSTED_20_22, ADJUSTED_23_26], now: '2020-11-12T10:00:00+01:00' });
  host = await startHost({ dispatch: (m, i) => f.backend.dispatch(m, i), staticDir: dist });
  site = mkdtempSync(join(tmpdir(), 'justera-anslag-site-'));
});

test.afterEach(async () => {
  await host.close();
  f.dispose();
  rmSync(site, { recursive: true, force: true });
});

test('post, see, take down and export, with the keyboard and accessibly', async ({ page }) => {
  await page.goto(host.url);
  await expect(page.getByRole('heading', { level: 1, name: 'Anslag och uppföljning' })).toBeVisible();
  const waiting = page.getByRole('table', { name: 'Justerade paragrafer som väntar på anslag' });
  await expect(waiting.getByRole('row')).toHaveCount(3);
  const late = waiting.getByRole('row', { name: /§§ 20-22/ });
  await expect(late).toContainText('2020-11-09');
  await expect(late).toContainText('Försenat');
  await expect(late.getByRole('cell').first()).toHaveCSS('color', await errorColour(page));
  await expect(waiting.getByRole('row', { name: /§§ 23-26/ })).toContainText('i morgon');
  await expectAccessible(page, 'väntar på anslag');

  // Post §§ 23-26 today with the keyboard.
  const post = page.getByRole('button', { name: 'Sätt upp anslag om §§ 23-26, Norrbottens e-nämnd' });
  await post.focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('status').filter({ hasText: 'Anslaget om §§ 23-26 är uppsatt 2020-11-12' })).toContainText('får tas ned 2020-12-04');
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Hämta anslagsbeviset (PDF)' }).click();
  expect((await download).suggestedFilename()).toBe('anslagsbevis-norrbottens-e-namnd-2020-11-05-p23-26-v1.pdf');

  // Lisa Lundgren certifies the notice: she signs the tillkännagivande with her certificate file.
  const certs: Certificates = await makeCertificates();
  await certs.trust(f.api);
  try {
    await page.getByRole('button', { name: 'Skriv under tillkännagivandet med certifikatfil' }).click();
    const dialog = page.getByRole('dialog', { name: 'Skriv under tillkännagivandet med certifikatfil' });
    await dialog.getByLabel('Certifikatfil (.p12 eller .pfx)').setInputFiles({ name: 'lisa.p12', mimeType: 'application/x-pkcs12', buffer: certs.p12.get('Lisa Lundgren') ?? Buffer.alloc(0) });
    await dialog.getByLabel('Lösenord till certifikatfilen').fill('fel lösenord');
    await dialog.getByRole('button', { name: 'Skriv under' }).click();
    await expect(dialog.getByText(/lösenord/i).last()).toBeVisible();
    await expectAccessible(page, 'underskrift av tillkännagivandet, fel lösenord');
    await dialog.getByLabel('Lösenord till certifikatfilen').fill(PASSWORD);
    await dialog.getByRole('button', { name: 'Skriv under' }).click();
    await expect(dialog).toBeHidden();
    await expect(page.getByRole('status').filter({ hasText: 'Tillkännagivandet är underskrivet av Lisa Lundgren' })).toBeVisible();
    await expect(page.getByRole('button', { name: 'Hämta det underskrivna tillkännagivandet (PDF)' })).toBeVisible();
    await expect(page.getByRole('button', { name: 'Skriv under anslagsbeviset med kort' })).toBeVisible();
  } finally {
    certs.dispose();
  }
  const signed = (await f.api.call('anslag.documents', { meetingId: f.meetingId, kind: 'notice' })).find((d) => d.isCurrent);
  expect((await f.api.call('documents.currentPdf', { versionId: signed?.id ?? '' })).signed).toBe(true);

  // Post §§ 20-22 with the day it actually went up.
  await page.getByLabel('Anslagsdag för §§ 20-22').fill('2020-11-10');
  await page.getByRole('button', { name: 'Sätt upp anslag om §§ 20-22, Norrbottens e-nämnd' }).click();
  await expect(page.getByText('Inga justerade paragrafer väntar på anslag.')).toBeVisible();
  const up = page.getByRole('table', { name: 'Uppsatta anslag och när de får tas ned' });
  await expect(up.getByRole('row', { name: /§§ 20-22/ })).toContainText('Uppsatt efter sista anslagsdag');
  await expect(up.getByRole('row', { name: /§§ 20-22/ })).toContainText('Tidigast 2020-12-02');
  await expect(up.getByRole('row', { name: /§§ 23-26/ })).toContainText('Tidigast 2020-12-04');
  await expectAccessible(page, 'uppsatta anslag');

  // On 2 December §§ 20-22 may come down.
  f.at('2020-12-02T09:00:00+01:00');
  await page.reload();
  await page.getByRole('button', { name: 'Ta ned anslaget om §§ 20-22, Norrbottens e-nämnd' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Anslaget om §§ 20-22 är nedtaget 2020-12-02.' })).toBeVisible();
  await expect(up.getByRole('row')).toHaveCount(2);
  await page.getByLabel('Visa även nedtagna anslag').check();
  await expect(page.getByRole('table', { name: 'Alla anslag' }).getByRole('row', { name: /§§ 20-22/ })).toContainText('Nedtaget');

  // Export the board: first without a folder, then with one.
  await page.getByRole('button', { name: 'Skapa anslagstavlan' }).click();
  await expect(page.getByLabel('Mapp')).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByText('Ange mappen.')).toBeVisible();
  // A relative path would land in the host's working folder: refused in Swedish, focus on the field.
  await page.getByLabel('Mapp').fill('anslagstavla');
  await page.getByRole('button', { name: 'Skapa anslagstavlan' }).click();
  await expect(page.getByText('Ange en fullständig sökväg till mappen')).toBeVisible();
  await expect(page.getByLabel('Mapp')).toBeFocused();
  // A folder that cannot be created: a clear error at once, and the button can be used again.
  writeFileSync(join(site, 'en-fil'), 'x');
  await page.getByLabel('Mapp').fill(join(site, 'en-fil', 'anslag'));
  await page.getByRole('button', { name: 'Skapa anslagstavlan' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'en del av sökvägen är en fil, inte en mapp' })).toBeVisible({ timeout: 30_000 });
  await expect(page.getByRole('button', { name: 'Skapa anslagstavlan' })).toBeEnabled();
  await expectAccessible(page, 'anslagstavlan, fel mapp');
  rmSync(join(site, 'en-fil'));
  await page.getByLabel('Mapp').fill(site);
  await page.getByRole('button', { name: 'Skapa anslagstavlan' }).click();
  const done = page.getByRole('status').filter({ hasText: 'Anslagstavlan är skriven till' });
  await expect(done).toContainText('1 aktuella anslag, 1 i arkivet');
  // Without the published address: the pages, no OParl data, and why.
  await expect(done).toContainText('Öppna data enligt OParl skrevs inte: anslagstavlans publika adress saknas.');
  expect(readdirSync(site)).toContain('index.html');
  expect(readdirSync(site)).not.toContain('oparl');
  await expectAccessible(page, 'anslagstavlan exporterad');

  // A bad address is refused with the reason; a good one is saved for the organisation and used.
  const address = page.getByLabel('Anslagstavlans publika adress');
  await address.fill('www.lulea.se/anslagstavla');
  await page.getByRole('button', { name: 'Skapa anslagstavlan' }).click();
  await expect(page.getByText(/Ange anslagstavlans publika adress som en fullständig webbadress/)).toBeVisible();
  await address.fill('https://www.lulea.se/anslagstavla');
  await page.getByRole('button', { name: 'Skapa anslagstavlan' }).click();
  await expect(done).toContainText('Öppna data enligt OParl 1.1 finns på https://www.lulea.se/anslagstavla/oparl/system.json');
  await expect(address).toHaveValue('https://www.lulea.se/anslagstavla/');
  expect(readdirSync(join(site, 'oparl'))).toContain('system.json');
  expect(await f.api.call('noticeboard.address', {})).toMatchObject({ url: 'https://www.lulea.se/anslagstavla/' });
  await expectAccessible(page, 'anslagstavlan med öppna data');
});

test('follow-up: confirm proposals from a meeting, overdue tasks first in red, mark done', async ({ page }) => {
  await page.goto(host.url);
  await expect(page.getByText('Inga uppdrag är registrerade.')).toBeVisible();
  await page.getByLabel('Sammanträde', { exact: true }).selectOption({ label: 'Norrbottens e-nämnd 2020-11-05' });
  const proposals = page.getByRole('table', { name: 'Föreslagna uppdrag' });
  await expect(proposals.getByRole('row')).toHaveCount(8);
  await expectAccessible(page, 'förslag till uppdrag');
  await page.getByRole('button', { name: /Registrera uppdraget: Rapporterar till nämnden från beslut till 2021-12-31/ }).click();
  await page
    .getByRole('button', { name: /Registrera uppdraget: Underteckna ramavtal efter tiden för avtalsspärr/ })
    .first()
    .click();
  const tasks = page.getByRole('table', { name: 'Uppdrag i uppföljningsregistret' });
  await expect(tasks.getByRole('row')).toHaveCount(3);

  // Give the signing task a date in the past so that it is overdue.
  const task = (await f.api.call('followUp.list', {})).find((t) => t.paragraph === 20);
  f.backend.db.$client.prepare("UPDATE follow_up_tasks SET due_on = '2020-11-10' WHERE id = ?").run(task?.id);
  await page.reload();
  const rows = tasks.getByRole('row');
  await expect(rows.nth(1)).toContainText('Försenad');
  await expect(rows.nth(1).getByRole('rowheader')).toHaveCSS('color', await errorColour(page));
  await expectAccessible(page, 'uppföljning');
  await page.getByLabel('Visa bara försenade uppdrag').check();
  await expect(tasks.getByRole('row')).toHaveCount(2);
  await page.getByRole('button', { name: /Markera som klar: Underteckna ramavtal/ }).click();
  await expect(page.getByText('Inga uppdrag är registrerade.')).toBeVisible();

  const report = page.waitForEvent('download');
  await page.getByLabel('År').fill('2020');
  await page.getByRole('button', { name: 'Skapa årsrapport (PDF)' }).click();
  expect((await report).suggestedFilename()).toBe('uppfoljning-norrbottens-e-namnd-2020.pdf');
});
