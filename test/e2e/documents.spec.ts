// The Dokument view (renderer/features/documents) in Debian's Chromium: every document version
// of the reference meeting — the frozen protocol of §§ 20-22 with its signers, the notice and the
// anslagsbevis of §§ 23-26, a protokollsutdrag with its recipients — still reachable after a
// reload; viewed, downloaded, signed and verified with the keyboard only; the board's year; axe.
import { test, expect, expectAccessible, rendererDist } from './fixtures';
import { startHost, type Host } from '../../electron/host';
import { anslagFixture, ADJUSTED_23_26, type AnslagFixture } from '../integration/anslag-fixture';
import { makeCertificates, PASSWORD, type Certificates } from './justering-helpers';

let f: AnslagFixture;
let host: Host;
let certs: Certificates;

test.describe.configure({ timeout: 120_000 });

test.beforeAll(async () => {
  certs = await makeCertificates();
});
test.afterAll(() => certs.dispose());

test.beforeEach(async () => {
  f = await anslagFixture({ adjusted: [undefined, ADJUSTED_23_26], now: '2020-11-12T10:00:00+01:00' });
  await certs.trust(f.api);
  await f.api.call('justering.freeze', { meetingId: f.meetingId, groupIndex: 0 });
  await f.api.call('anslag.post', { groupId: f.groupIds[1] as string });
  await f.api.call('extracts.create', { meetingId: f.meetingId, paragraphs: [23, 24], recipients: ['Swedlock AB', 'Kommunrevisionen'] });
  host = await startHost({ dispatch: (m, i) => f.backend.dispatch(m, i), staticDir: rendererDist });
});

test.afterEach(async () => {
  await host.close();
  f.dispose();
});

test('every document of the meeting: view, download, sign and verify with the keyboard', async ({ page }) => {
  const errors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  await page.goto(`${host.url}#/meetings/${encodeURIComponent(f.meetingId)}/dokument`);
  await expect(page.getByRole('heading', { level: 1, name: 'Dokument – Norrbottens e-nämnd 2020-11-05' })).toBeVisible();
  const table = page.getByRole('table', { name: 'Dokument från sammanträdet 2020-11-05' });
  await expect(table.getByRole('row')).toHaveCount(5);
  const protocol = table.getByRole('row', { name: /Protokoll §§ 20-22, version 1/ });
  await expect(protocol).toContainText('Låst för justering');
  await expect(protocol).toContainText('Sekreterare: Robert Karlsson – inte underskrivet');
  await expect(protocol.getByRole('link', { name: /Skriv under på justeringssidan/ })).toBeVisible();
  const extract = table.getByRole('row', { name: /Protokollsutdrag §§ 23-24, version 1/ });
  await expect(extract).toContainText('Mottagare: Swedlock AB, Kommunrevisionen, skickat 2020-11-12');
  // No internal field names and no raw ISO instants on the page.
  await expect(page.locator('main')).not.toContainText('sig-');
  expect(await page.locator('main').innerText()).not.toMatch(/\d{4}-\d\d-\d\dT\d\d:\d\d/);
  await expectAccessible(page, 'dokumentvyn');

  // Still there after a reload (the messages right after posting are not the only way in).
  await page.reload();
  await expect(table.getByRole('row', { name: /Anslagsbevis §§ 23-26, version 1/ })).toBeVisible();

  // View the anslagsbevis: the PDF's pages in a dialog; Esc closes it and focus returns.
  const viewButton = page.getByRole('button', { name: 'Visa Anslagsbevis §§ 23-26, version 1' });
  await viewButton.focus();
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: 'Anslagsbevis §§ 23-26, version 1' });
  await expect(dialog.getByRole('img', { name: 'Sida 1 av 1' })).toBeVisible();
  await expect(dialog.locator('.pdf-page').first()).toHaveAttribute('data-text', /BEVIS/);
  await expectAccessible(page, 'dokumentet visas');
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(viewButton).toBeFocused();

  // Download it.
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Hämta Anslagsbevis §§ 23-26, version 1' }).focus();
  await page.keyboard.press('Enter');
  expect((await download).suggestedFilename()).toBe('anslagsbevis-norrbottens-e-namnd-2020-11-05-p23-26-v1.pdf');

  // Lisa Lundgren signs it with her certificate file.
  await page.getByRole('button', { name: 'Skriv under som Lisa Lundgren Anslagsbevis §§ 23-26, version 1 med certifikatfil' }).focus();
  await page.keyboard.press('Enter');
  const sign = page.getByRole('dialog', { name: 'Skriv under Anslagsbevis §§ 23-26, version 1' });
  await expect(sign).toContainText('Certifikatet måste tillhöra Lisa Lundgren');
  await sign.getByLabel('Certifikatfil (.p12 eller .pfx)').setInputFiles({ name: 'lisa.p12', mimeType: 'application/x-pkcs12', buffer: certs.p12.get('Lisa Lundgren') ?? Buffer.alloc(0) });
  await sign.getByLabel('Lösenord till certifikatfilen').focus();
  await page.keyboard.type(PASSWORD);
  await page.keyboard.press('Enter');
  await expect(sign).toBeHidden();
  const status = page.getByRole('status').filter({ hasText: 'Anslagsbevis §§ 23-26, version 1 är underskrivet av Lisa Lundgren' });
  await expect(status).toBeVisible();
  await expect(status).toBeFocused();
  const bevis = table.getByRole('row', { name: /Anslagsbevis §§ 23-26, version 1/ });
  await expect(bevis).toContainText('Underskrivet');
  await expect(bevis).toContainText(/Anslagsbevis: Lisa Lundgren, 2020-11-12 \d\d:\d\d/);
  await expect(bevis.getByRole('button', { name: /Skriv under som/ })).toHaveCount(0);

  // Verify the signed file.
  await page.getByRole('button', { name: 'Kontrollera underskrifterna Anslagsbevis §§ 23-26, version 1' }).focus();
  await page.keyboard.press('Enter');
  const report = page.getByRole('heading', { name: /Kontroll/ });
  await expect(report).toBeFocused();
  await expect(page.locator('.justering-verdict')).toContainText('Underskriften är giltig och omfattar hela filen.');
  await expectAccessible(page, 'underskriften kontrollerad');
  expect(errors).toEqual([]);
});

test('the board year lists every meeting with its documents', async ({ page }) => {
  await page.goto(`${host.url}#/meetings/${encodeURIComponent(f.meetingId)}/dokument`);
  await page.getByRole('link', { name: 'Alla dokument för nämnden 2020' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Dokument – Norrbottens e-nämnd 2020' })).toBeVisible();
  await expect(page.getByRole('heading', { level: 2, name: 'Sammanträdet 2020-11-05' })).toBeVisible();
  await expect(page.getByRole('table', { name: 'Dokument från sammanträdet 2020-11-05' }).getByRole('row')).toHaveCount(5);
  await expectAccessible(page, 'nämndens dokument för året');
  await page.getByLabel('År').fill('2019');
  await page.getByRole('button', { name: 'Visa året' }).click();
  await expect(page.getByText('Nämnden har inga sammanträden 2019.')).toBeVisible();
});
