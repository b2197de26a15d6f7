// "Skriv under med e-legitimation" in the sign dialog on the justering page, over the HTTP host
// (renderer/features/justering/EidSign.tsx): the chair of the reference meeting (personnummer added
// by the administrator, the test signing service configured, its CA trusted) starts the signature,
// opens the service from the dialog's link in a new tab, "authenticates" on the test service's page,
// and the dialog closes with the signature recorded; cancelling at the service, a refusal, the
// service unreachable (offline: said so, the package route offered and taken with the keyboard) and
// another person authenticating at the service are told in Swedish in the dialog with nothing
// stored. axe-core on the dialog's waiting and error states.
import { readFileSync } from 'node:fs';
import type { Locator, Page } from '@playwright/test';
import { test, expect, expectAccessible } from './fixtures';
import { startApp, type JusteringApp } from './justering-helpers';
import { trustCa, type Identity } from '../signing/helpers/pki';
import { closedPort, startEidService, type EidService } from '../signing/helpers/eid-setup';
import type { TestSignService } from '../signing/helpers/signservice';

const CHAIR_PNR = '194911172296';
const CHAIR_BUTTON = 'Skriv under med e-legitimation: Ordförande Anders Lundkvist';
const DIALOG = 'Skriv under som ordförande Anders Lundkvist med e-legitimation';

let ca: Identity;
let service: TestSignService;
let eid: EidService;
let app: JusteringApp;
let versionId: string;
let settingInput: EidService['setting'];
let settingId: string;

test.describe.configure({ timeout: 120_000 });

test.beforeAll(async () => {
  eid = await startEidService({ person: { personnummer: CHAIR_PNR, givenName: 'Anders', surname: 'Lundkvist' } });
  ({ ca, service } = eid);
});

test.afterAll(async () => {
  await eid.close();
});

test.beforeEach(async () => {
  // The service works in real time; so does this back end (no test clock).
  app = await startApp();
  await trustCa(app.api, ca);
  settingInput = eid.setting;

  settingId = (await app.api.call('settings.signServices.save', settingInput as never)).id;
  const frozen = await app.api.call('justering.freeze', { meetingId: app.meetingId, groupIndex: 0 });
  versionId = frozen.version.id;
  const chairId = frozen.version.signers.find((s) => s.field === 'sig-ordforande')?.personId ?? '';
  await app.api.call('people.identifiers.add', { personId: chairId, kind: 'personnummer', value: '19491117-2296' });
});

test.afterEach(async () => {
  service.misbehave('none');
  await app.dispose();
});

async function openJustering(page: Page): Promise<void> {
  await page.goto(app.url);
  await page.goto(`${new URL(app.url).origin}/#/meetings/${encodeURIComponent(app.meetingId)}/justering`);
  await expect(page.getByRole('heading', { level: 1, name: 'Justering – Norrbottens e-nämnd 2020-11-05' })).toBeVisible({ timeout: 30_000 });
}

/** Starts the signature in the dialog and opens the service's page from its link (a new tab). */
async function startAndOpen(page: Page) {
  await page.getByRole('button', { name: CHAIR_BUTTON }).click();
  const dialog = page.getByRole('dialog', { name: DIALOG });
  await dialog.getByRole('button', { name: 'Fortsätt till signeringstjänsten' }).click();
  await expect(dialog.getByRole('status').filter({ hasText: 'Väntar på underskriften i e-legitimationen' })).toBeVisible({ timeout: 30_000 });
  await expect(dialog.getByText('Jag justerar protokollet från Norrbottens e-nämnds sammanträde', { exact: false })).toBeVisible();
  const link = dialog.getByRole('link', { name: 'Öppna signeringstjänsten' });
  await expect(link).toHaveAttribute('target', '_blank');
  await expectAccessible(page, 'e-legitimation – väntar');
  const [tab] = await Promise.all([page.context().waitForEvent('page'), link.click()]);
  // The loopback page posts the request on load; the service shows its authentication page.
  await expect(tab.getByRole('heading', { name: 'Testlegitimering' })).toBeVisible({ timeout: 15_000 });
  return { dialog, tab };
}

/** Tabs through the dialog until `target` has focus: it can be reached with the keyboard. */
async function tabTo(page: Page, target: Locator): Promise<void> {
  for (let i = 0; i < 30; i++) {
    if (await target.evaluate((el) => el === document.activeElement)) return;
    await page.keyboard.press('Tab');
  }
  throw new Error('kan inte nås med tabb');
}

const chairSignature = async () =>
  (await app.api.call('justering.status', { meetingId: app.meetingId })).groups[0]?.versions.find((v) => v.id === versionId)?.signers.find((x) => x.field === 'sig-ordforande')?.signature ?? null;

test('the chair signs with e-legitimation from the sign dialog; the signature is recorded like a card signature', async ({ page }) => {
  await openJustering(page);
  const { dialog, tab } = await startAndOpen(page);
  await tab.getByRole('button', { name: 'Legitimera och skriv under' }).click();
  await expect(tab.getByRole('heading', { name: 'Klart' })).toBeVisible({ timeout: 15_000 });
  await expect(dialog).toBeHidden({ timeout: 30_000 });
  await expect(page.locator('.justering-result')).toContainText('Anders Lundkvist har skrivit under');
  const row = page.getByRole('row', { name: /Anders Lundkvist/ });
  await expect(row).not.toContainText('Väntar');
  await expect(page.getByRole('button', { name: CHAIR_BUTTON })).toHaveCount(0);
  const signature = await chairSignature();
  expect(signature).not.toBeNull();
  // The recorded file verifies, with the e-ID certificate chaining to the trusted test CA.
  const report = await app.api.call('justering.verify', { versionId });
  expect(report.signedFields).toContain('sig-ordforande');
  expect(report.valid, JSON.stringify(report)).toBe(true);
  expect(report.trusted, JSON.stringify(report)).toBe(true);
});

test('cancelled at the service: told in Swedish in the dialog, nothing stored (axe on the error state)', async ({ page }) => {
  await openJustering(page);
  const { dialog, tab } = await startAndOpen(page);
  await tab.getByRole('button', { name: 'Avbryt' }).click();
  await expect(dialog.getByRole('alert')).toContainText('Underskriften avbröts i e-legitimationen. Inget har sparats', { timeout: 30_000 });
  await expect(dialog.getByRole('button', { name: 'Försök igen' })).toBeVisible();
  await expectAccessible(page, 'e-legitimation – avbruten');
  expect(await chairSignature()).toBeNull();
});

test('the service refuses: the Swedish words, and its own message behind "Visa detaljer"', async ({ page }) => {
  service.misbehave('refused');
  await openJustering(page);
  const { dialog, tab } = await startAndOpen(page);
  await tab.getByRole('button', { name: 'Legitimera och skriv under' }).click();
  const alert = dialog.getByRole('alert');
  await expect(alert).toContainText('Signeringstjänsten avböjde underskriften. Inget har sparats', { timeout: 30_000 });
  await alert.getByText('Visa detaljer').click();
  await expect(alert).toContainText('stängd för underhåll');
  await expectAccessible(page, 'e-legitimation – avböjd');
  expect(await chairSignature()).toBeNull();
});

test('the package page: the chair opens the package, gives their own personnummer and signs with e-legitimation', async ({ page }) => {
  const pkg = await app.api.call('justering.exportPackage', { versionId, field: 'sig-ordforande' });
  await page.goto(app.url);
  await page.goto(`${new URL(app.url).origin}/#/underskrift`);
  await expect(page.getByRole('heading', { level: 1, name: 'Skriv under ett underskriftspaket' })).toBeVisible();
  await page.getByLabel('Underskriftspaket (.justera)').setInputFiles({ name: pkg.fileName, mimeType: 'application/json', buffer: Buffer.from(pkg.content) });
  await page.getByRole('button', { name: 'Öppna paketet' }).click();
  const facts = page.getByRole('region', { name: 'Paketets innehåll' });
  // Opening checks the package (its PDF and signatures): on a loaded machine that takes a while.
  await expect(facts).toContainText('Ordförande Anders Lundkvist', { timeout: 30_000 });
  // Nobody has signed before the chair here, so the package's origin is not verified: confirmed by hand.
  await facts.getByLabel('Jag har kontrollerat med sekreteraren att paketet är äkta och vill skriva under ändå.').check();
  await facts.getByRole('button', { name: 'Skriv under med e-legitimation' }).click();
  const dialog = page.getByRole('dialog', { name: DIALOG });
  // The personnummer is asked for (the package carries none); empty is refused in Swedish.
  await dialog.getByRole('button', { name: 'Fortsätt till signeringstjänsten' }).click();
  await expect(dialog.getByText('Ange ditt personnummer med tolv siffror.')).toBeVisible();
  await expectAccessible(page, 'e-legitimation i paketet – personnummer saknas');
  await dialog.getByLabel('Ditt personnummer').fill('19491117-2296');
  await dialog.getByRole('button', { name: 'Fortsätt till signeringstjänsten' }).click();
  const link = dialog.getByRole('link', { name: 'Öppna signeringstjänsten' });
  await expect(link).toBeVisible({ timeout: 30_000 });
  const [tab] = await Promise.all([page.context().waitForEvent('page'), link.click()]);
  await tab.getByRole('button', { name: 'Legitimera och skriv under' }).click();
  await expect(tab.getByRole('heading', { name: 'Klart' })).toBeVisible({ timeout: 15_000 });
  const done = page.getByRole('region', { name: 'Underskriften är klar' });
  await expect(done).toContainText('Skicka filen tillbaka till sekreteraren', { timeout: 30_000 });
  await expectAccessible(page, 'paket underskrivet med e-legitimation');
  // The secretary's import records it (the identity bound to the chair's personnummer).
  const signed = await Promise.all([page.waitForEvent('download'), done.getByRole('button', { name: 'Ladda ner den underskrivna PDF:en' }).click()]).then(([d]) => d.path());
  await app.api.call('justering.importSigned', { versionId, field: 'sig-ordforande', pdfBase64: readFileSync(signed).toString('base64') });
  expect(await chairSignature()).not.toBeNull();
});

test('the service unreachable: the dialog says the app is offline and offers the package route, taken with the keyboard (axe)', async ({ page }) => {
  // Nothing listens on the service's port: as when the computer has no network.
  await app.api.call('settings.signServices.save', { ...settingInput, id: settingId, signServiceUrl: `http://127.0.0.1:${await closedPort()}/sign` } as never);
  const receivedBefore = service.received.length;
  await openJustering(page);
  await page.getByRole('button', { name: CHAIR_BUTTON }).focus();
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: DIALOG });
  await tabTo(page, dialog.getByRole('button', { name: 'Fortsätt till signeringstjänsten' }));
  await page.keyboard.press('Enter');
  const alert = dialog.getByRole('alert');
  await expect(alert).toContainText('Signeringstjänsten kan inte nås — datorn verkar vara utan nätverk. Använd underskriftspaket i stället', { timeout: 30_000 });
  await expect(dialog.getByRole('button', { name: 'Försök igen' })).toBeVisible();
  await expectAccessible(page, 'e-legitimation – signeringstjänsten kan inte nås');
  expect(service.received).toHaveLength(receivedBefore);
  // The package route, from the keyboard: the dialog closes and the chair's package is saved.
  const packageRoute = alert.getByRole('button', { name: 'Exportera underskriftspaket i stället' });
  await tabTo(page, packageRoute);
  const [download] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Enter')]);
  expect(download.suggestedFilename()).toMatch(/\.justera$/);
  await expect(dialog).toBeHidden();
  expect(await chairSignature()).toBeNull();
});

test('another person authenticates at the service: the dialog says so by name, nothing stored (axe, keyboard)', async ({ page }) => {
  service.misbehave('other-signer');
  await openJustering(page);
  const { dialog, tab } = await startAndOpen(page);
  await tab.getByRole('button', { name: 'Legitimera och skriv under' }).click();
  const alert = dialog.getByRole('alert');
  await expect(alert).toContainText(
    'En annan person än Anders Lundkvist legitimerade sig hos signeringstjänsten. Inget har sparats. Anders Lundkvist måste själv legitimera sig med sin egen e-legitimation.',
    { timeout: 30_000 },
  );
  await expectAccessible(page, 'e-legitimation – en annan person skrev under');
  expect(await chairSignature()).toBeNull();
  // Trying again is one Tab stop away; the dialog closes with Esc, the signature still missing.
  await page.bringToFront();
  await tabTo(page, dialog.getByRole('button', { name: 'Försök igen' }));
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  expect(await chairSignature()).toBeNull();
});
