// The clerk signs her documents with e-legitimation (issue 18, documents.signEid) in Debian's
// Chromium: the notice signatory of the reference meeting, Lisa Lundgren (personnummer added by
// the administrator; the test signing service configured and its CA trusted), signs the
// anslagsbevis in the Dokument view and the tillkännagivande right after posting on the anslag
// page, each through the test service's page in a new tab. Another person authenticating and the
// service unreachable (offline: a document has no signing package, so the dialog offers the
// certificate file instead) are told in Swedish in the dialog with nothing stored. axe-core on
// every state; the buttons reached with the keyboard.
//
// The clock: the clerk's other e2e tests (documents.spec.ts, noticeboard-clerk.spec.ts) run on a
// fixed test clock (2020-11-12). The test signing service cannot: it works in real time as a real
// service does — it refuses a request whose RequestTime is not now, issues certificates valid from
// now, and the app refuses a response that is not from now. So this back end reads the real time
// (anslagFixture realClock); the notice of §§ 23-26 is posted today, which the clerk may do late.
import type { Locator, Page } from '@playwright/test';
import { startHost, type Host } from '../../electron/host';
import { test, expect, expectAccessible, rendererDist } from './fixtures';
import { anslagFixture, ADJUSTED_23_26, type AnslagFixture } from '../integration/anslag-fixture';
import { trustCa, type Identity } from '../signing/helpers/pki';
import { closedPort, startEidService, type EidService } from '../signing/helpers/eid-setup';
import type { TestSignService } from '../signing/helpers/signservice';

const LISA_PNR = '196804122346';
const BEVIS = 'Anslagsbevis §§ 23-26, version 1';

let ca: Identity;
let service: TestSignService;
let eid: EidService;
let f: AnslagFixture;
let host: Host;
let settingInput: EidService['setting'];
let settingId: string;

test.describe.configure({ timeout: 180_000 });

test.beforeAll(async () => {
  eid = await startEidService({ person: { personnummer: LISA_PNR, givenName: 'Lisa', surname: 'Lundgren' } });
  ({ ca, service } = eid);
});

test.afterAll(async () => {
  await eid.close();
});

test.beforeEach(async () => {
  // Real time, see above. §§ 20-22 not adjusted: only §§ 23-26 waits for its notice.
  f = await anslagFixture({ adjusted: [undefined, ADJUSTED_23_26], realClock: true });
  await trustCa(f.api, ca);
  settingInput = eid.setting;

  settingId = (await f.api.call('settings.signServices.save', settingInput as never)).id;
  const boardId = (await f.api.call('boards.list', {}))[0]?.id ?? '';
  const lisa = (await f.api.call('workspace.boards.get', { boardId })).officials.find((o) => o.name === 'Lisa Lundgren')?.personId ?? '';
  await f.api.call('people.identifiers.add', { personId: lisa, kind: 'personnummer', value: '19680412-2346' });
  host = await startHost({ dispatch: (m, i) => f.backend.dispatch(m, i), staticDir: rendererDist });
});

test.afterEach(async () => {
  service.misbehave('none');
  await host.close();
  f.dispose();
});

/** Tabs until `target` has focus: it can be reached with the keyboard. */
async function tabTo(page: Page, target: Locator): Promise<void> {
  for (let i = 0; i < 40; i++) {
    if (await target.evaluate((el) => el === document.activeElement)) return;
    await page.keyboard.press('Tab');
  }
  throw new Error('kan inte nås med tabb');
}

/** Once the request is started in the dialog: waits for it and opens the service's page from the dialog's link (a new tab). */
async function openService(page: Page, dialog: Locator, signMessage: string) {
  await expect(dialog.getByRole('status').filter({ hasText: 'Väntar på underskriften i e-legitimationen' })).toBeVisible({ timeout: 30_000 });
  await expect(dialog.getByText(signMessage)).toBeVisible();
  const link = dialog.getByRole('link', { name: 'Öppna signeringstjänsten' });
  const [tab] = await Promise.all([page.context().waitForEvent('page'), link.click()]);
  await expect(tab.getByRole('heading', { name: 'Testlegitimering' })).toBeVisible({ timeout: 15_000 });
  await expect(tab.locator('blockquote')).toHaveText(signMessage);
  return tab;
}

const signatures = () => (f.backend.db.$client.prepare('SELECT count(*) AS n FROM signatures').get() as { n: number }).n;

test('Dokument view: Lisa Lundgren signs the anslagsbevis with e-legitimation; the service unreachable first offers the certificate file', async ({ page }) => {
  const posted = await f.api.call('anslag.post', { groupId: f.groupIds[1] as string });
  await page.goto(`${host.url}#/meetings/${encodeURIComponent(f.meetingId)}/dokument`);
  await expect(page.getByRole('heading', { level: 1, name: 'Dokument – Norrbottens e-nämnd 2020-11-05' })).toBeVisible({ timeout: 30_000 });
  const button = page.getByRole('button', { name: `med e-legitimation – Skriv under som Lisa Lundgren ${BEVIS}` });
  await expect(button).toBeVisible();
  await expectAccessible(page, 'dokumentvyn med e-legitimation');

  // Offline first: said in the dialog, with the certificate file offered (no package for a document).
  await f.api.call('settings.signServices.save', { ...settingInput, id: settingId, signServiceUrl: `http://127.0.0.1:${await closedPort()}/sign` } as never);
  await button.focus();
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: `Skriv under ${BEVIS} som Lisa Lundgren med e-legitimation` });
  await expect(dialog).toContainText('Där legitimerar sig Lisa Lundgren med sin e-legitimation');
  await expect(dialog).toContainText('Bara dokumentets kontrollsumma lämnar kommunen.');
  await tabTo(page, dialog.getByRole('button', { name: 'Fortsätt till signeringstjänsten' }));
  await page.keyboard.press('Enter');
  const alert = dialog.getByRole('alert');
  await expect(alert).toHaveText(
    'Signeringstjänsten kan inte nås — datorn verkar vara utan nätverk. Skriv under med certifikatfil eller kort i stället, eller försök igen när nätverket fungerar.Skriv under med certifikatfil i stället',
    { timeout: 30_000 },
  );
  await expect(alert.getByRole('button', { name: 'Exportera underskriftspaket i stället' })).toHaveCount(0);
  await expectAccessible(page, 'e-legitimation för dokument – signeringstjänsten kan inte nås');
  await tabTo(page, alert.getByRole('button', { name: 'Skriv under med certifikatfil i stället' }));
  await page.keyboard.press('Enter');
  const fileDialog = page.getByRole('dialog', { name: `Skriv under ${BEVIS}` });
  await expect(fileDialog.getByLabel('Certifikatfil (.p12 eller .pfx)')).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(fileDialog).toBeHidden();
  expect(signatures()).toBe(0);

  // The network back: signed with e-legitimation through the service's page.
  await f.api.call('settings.signServices.save', { ...settingInput, id: settingId } as never);
  await button.click();
  await dialog.getByRole('button', { name: 'Fortsätt till signeringstjänsten' }).click();
  const tab = await openService(page, dialog, 'Jag skriver under anslagsbeviset för protokollet från Norrbottens e-nämnds sammanträde 2020-11-05');
  await expectAccessible(page, 'e-legitimation för dokument – väntar');
  await tab.getByRole('button', { name: 'Legitimera och skriv under' }).click();
  await expect(tab.getByRole('heading', { name: 'Klart' })).toBeVisible({ timeout: 15_000 });
  await expect(dialog).toBeHidden({ timeout: 30_000 });
  const status = page.getByRole('status').filter({ hasText: `${BEVIS} är underskrivet av Lisa Lundgren` });
  await expect(status).toBeVisible();
  const row = page.getByRole('table', { name: 'Dokument från sammanträdet 2020-11-05' }).getByRole('row', { name: new RegExp(BEVIS) });
  await expect(row).toContainText('Underskrivet');
  await expect(row.getByRole('button', { name: /e-legitimation/ })).toHaveCount(0);
  await expectAccessible(page, 'dokumentet underskrivet med e-legitimation');
  const verified = await f.api.call('documents.verify', { versionId: posted.anslagsbevis.id });
  expect(verified.valid, verified.problems.join('; ')).toBe(true);
  expect(verified.signatures.map((s) => s.signerName)).toEqual(['Lisa Lundgren']);
});

test('anslag page: after posting, another person at the service is refused by name; then Lisa Lundgren signs the tillkännagivande', async ({ page }) => {
  await page.goto(`${host.url}#/anslag`);
  await expect(page.getByRole('heading', { level: 1, name: 'Anslag och uppföljning' })).toBeVisible({ timeout: 30_000 });
  await page.getByRole('button', { name: 'Sätt upp anslag om §§ 23-26, Norrbottens e-nämnd' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Anslaget om §§ 23-26 är uppsatt' })).toBeVisible({ timeout: 30_000 });
  const button = page.getByRole('button', { name: 'Skriv under tillkännagivandet med e-legitimation' });
  await expect(button).toBeVisible();
  await expect(page.getByRole('button', { name: 'Skriv under anslagsbeviset med e-legitimation' })).toBeVisible();
  await expectAccessible(page, 'anslaget uppsatt, e-legitimation erbjuds');

  const message = 'Jag skriver under tillkännagivandet om justering av protokollet från Norrbottens e-nämnds sammanträde 2020-11-05';
  service.misbehave('other-signer');
  await button.focus();
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: 'Skriv under tillkännagivandet som Lisa Lundgren med e-legitimation' });
  await dialog.getByRole('button', { name: 'Fortsätt till signeringstjänsten' }).click();
  let tab = await openService(page, dialog, message);
  await tab.getByRole('button', { name: 'Legitimera och skriv under' }).click();
  const alert = dialog.getByRole('alert');
  await expect(alert).toContainText(
    'En annan person än Lisa Lundgren legitimerade sig hos signeringstjänsten. Inget har sparats. Lisa Lundgren måste själv legitimera sig med sin egen e-legitimation.',
    { timeout: 30_000 },
  );
  await page.bringToFront();
  await expectAccessible(page, 'e-legitimation för tillkännagivandet – en annan person');
  expect(signatures()).toBe(0);

  // Lisa herself, from "Försök igen" reached with the keyboard.
  service.misbehave('none');
  await tabTo(page, dialog.getByRole('button', { name: 'Försök igen' }));
  await page.keyboard.press('Enter');
  tab = await openService(page, dialog, message);
  await tab.getByRole('button', { name: 'Legitimera och skriv under' }).click();
  await expect(tab.getByRole('heading', { name: 'Klart' })).toBeVisible({ timeout: 15_000 });
  await expect(dialog).toBeHidden({ timeout: 30_000 });
  await expect(page.getByRole('status').filter({ hasText: 'Tillkännagivandet är underskrivet av Lisa Lundgren' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Hämta det underskrivna tillkännagivandet (PDF)' })).toBeVisible();
  await expectAccessible(page, 'tillkännagivandet underskrivet med e-legitimation');
  const notice = (await f.api.call('anslag.documents', { meetingId: f.meetingId, kind: 'notice' })).find((d) => d.isCurrent);
  const verified = await f.api.call('documents.verify', { versionId: notice?.id ?? '' });
  expect(verified.valid, verified.problems.join('; ')).toBe(true);
  expect(verified.signatures.map((s) => s.signerName)).toEqual(['Lisa Lundgren']);
  expect(signatures()).toBe(1);
});
