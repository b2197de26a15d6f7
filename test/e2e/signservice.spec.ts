// E-legitimation through a central signing service, in Chromium: the browser step of the DSS
// HTTP POST binding (our loopback start page → the test service's "authentication" page → the
// auto-submitted response back to the loopback) signs a protocol; the settings section for
// signing services; axe-core on our pages.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { signPdf, verifyPdf } from '../../electron/services/signing';
import { openLoopback } from '../../electron/services/signing/signservice/loopback';
import { LOA } from '../../electron/services/signing/signservice/names';
import { signServiceSigner } from '../../electron/services/signing/signservice/remote';
import { justeringSignMessage, type SignServiceConfig } from '../../electron/services/signing/signservice/request';
import { makeProtocolPdf } from '../signing/helpers/pdf';
import { issue, pem, type Identity } from '../signing/helpers/pki';
import { startTestSignService, type TestSignService } from '../signing/helpers/signservice';
import { test, expect, expectAccessible } from './fixtures';

const PNR = '194911172296';
const REQUESTER = 'https://justera.testkommun.se/sp';
let ca: Identity;
let requester: Identity;
let service: TestSignService;
let config: SignServiceConfig;
let dir: string;

test.beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'justera-e2e-signservice-'));
  ca = await issue({ commonName: 'Test e-legitimation CA', isCa: true });
  requester = await issue({ commonName: 'Testkommunen underskrifter' });
  service = await startTestSignService({ requesters: { [REQUESTER]: requester.certDer }, person: { personnummer: PNR, givenName: 'Sara', surname: 'Lundberg' }, ca });
  config = {
    signServiceEntityId: service.entityId,
    signServiceUrl: service.url,
    serviceCertificate: service.certificate,
    identityProvider: service.identityProvider,
    requesterEntityId: REQUESTER,
    loa: LOA.loa3,
  };
});
test.afterAll(async () => {
  await service.close();
  rmSync(dir, { recursive: true, force: true });
});

function sign(page: import('@playwright/test').Page, startPages: string[]) {
  return async (pdf: Uint8Array) => {
    const session = await openLoopback(service.url, async (url) => {
      startPages.push(url);
      await page.goto(url);
    });
    try {
      return await signPdf(pdf, {
        fieldName: 'sig-ordforande',
        role: 'Ordförande',
        signerName: 'Sara Lundberg',
        signingTime: new Date(),
        signer: signServiceSigner({
          config,
          requesterKey: requester.privateKey,
          requesterCertificate: requester.certDer,
          personnummer: PNR,
          signMessage: justeringSignMessage('Socialnämnden', '2027-03-18', '§§ 12–16'),
          returnUrl: session.returnUrl,
          anchors: [ca.certDer],
          now: () => new Date(),
          exchange: (req) => session.exchange(req),
        }),
      });
    } finally {
      session.close();
    }
  };
}

test('the chair signs through the test service in the browser; the result verifies', async ({ page }) => {
  const starts: string[] = [];
  const signing = sign(page, starts)(await makeProtocolPdf());
  // The loopback page posted the request on load; the service shows its authentication page.
  await expect(page.getByRole('heading', { name: 'Testlegitimering' })).toBeVisible();
  await expect(page.getByText('Jag justerar protokollet från Socialnämndens sammanträde 2027-03-18, §§ 12–16')).toBeVisible();
  await page.getByRole('button', { name: 'Legitimera och skriv under' }).click();
  await expect(page.getByRole('heading', { name: 'Klart' })).toBeVisible();
  await expectAccessible(page, 'e-legitimation klart');
  const r = await signing;
  expect(r.certificate.subject).toContain(`serialNumber=${PNR}`);
  const report = await verifyPdf(r.pdf, { trustAnchors: [ca.certDer] });
  expect(report.valid, report.problems.join('; ')).toBe(true);
  // The start page is one-time: opened again it no longer posts anything (404, or the server is gone).
  const again = await page.goto(starts[0]!).catch(() => null);
  expect(again === null || again.status() === 404).toBe(true);
});

test('cancelling at the service is refused as cancelled, and nothing is signed', async ({ page }) => {
  const signing = sign(page, [])(await makeProtocolPdf());
  const outcome = signing.then(
    () => 'signed',
    (e: unknown) => String(e),
  );
  await page.getByRole('button', { name: 'Avbryt' }).click();
  expect(await outcome).toMatch(/avbröts i e-legitimationen/);
});

test('settings: a signing service is added, refused in Swedish when wrong, changed and removed (axe)', async ({ app, page }) => {
  await page.goto(app.url);
  await page.getByRole('navigation', { name: 'Huvudmeny' }).getByRole('link', { name: 'Inställningar' }).click();
  const section = page.getByRole('region', { name: 'Underskriftstjänster (e-legitimation)' });
  await expect(section.getByText('Ingen underskriftstjänst är inställd.')).toBeVisible();
  await section.getByRole('button', { name: 'Lägg till underskriftstjänst' }).click();
  const form = section.getByRole('form', { name: 'Ny underskriftstjänst' });
  await form.getByLabel('Namn', { exact: true }).fill('Testtjänsten');
  await form.getByLabel('Tjänstens entityID', { exact: true }).fill(service.entityId);
  await form.getByLabel('Tjänstens adress', { exact: true }).fill(service.url);
  await form.getByLabel('Tjänstens certifikat (PEM)', { exact: true }).fill('inte ett certifikat');
  await form.getByLabel('Legitimeringstjänstens entityID', { exact: true }).fill(service.identityProvider);
  await form.getByLabel('Kommunens entityID', { exact: true }).fill(REQUESTER);
  await form.getByLabel('Kommunens signeringsnyckel (PKCS#12-fil)', { exact: true }).fill('/etc/justera/underskrift.p12');
  await form.getByLabel('Fil med PKCS#12-filens lösenord', { exact: true }).fill('/etc/justera/underskrift.pass');
  await expectAccessible(page, 'underskriftstjänst – formulär');
  await form.getByRole('button', { name: 'Spara' }).click();
  await expect(form.getByText(/PEM-form/)).toBeVisible();
  // The refusal is said at the field it is about (focused, its description), not below the form.
  const pemField = form.getByLabel('Tjänstens certifikat (PEM)', { exact: true });
  await expect(pemField).toBeFocused();
  await expect(pemField).toHaveAccessibleDescription(/PEM-form/);
  await expect(form.getByRole('alert')).toHaveCount(0);
  await expectAccessible(page, 'underskriftstjänst – fel vid fältet');
  await expect(section.getByText('Ingen underskriftstjänst är inställd.')).toBeVisible();
  await form.getByLabel('Tjänstens certifikat (PEM)', { exact: true }).fill(pem('CERTIFICATE', service.certificate));
  await form.getByRole('button', { name: 'Spara' }).click();
  await expect(section.getByRole('status')).toHaveText('Testtjänsten sparades.');
  await expect(section.getByText(`Testtjänsten – ${service.url} (loa3)`)).toBeVisible();
  await expectAccessible(page, 'underskriftstjänster');
  await section.getByRole('button', { name: 'Ändra Testtjänsten' }).click();
  const edit = section.getByRole('form', { name: 'Ändra Testtjänsten' });
  await edit.getByLabel('Tillitsnivå', { exact: true }).selectOption('loa4');
  // Opening a form: "… sparades." no longer describes what is on screen.
  await expect(section.getByRole('status')).toHaveCount(0);
  await edit.getByRole('button', { name: 'Spara' }).click();
  await expect(section.getByText(`Testtjänsten – ${service.url} (loa4)`)).toBeVisible();
  await section.getByRole('button', { name: 'Ta bort Testtjänsten' }).click();
  await expect(section.getByText('Ingen underskriftstjänst är inställd.')).toBeVisible();
  await expect(section.getByRole('status')).toHaveText('Testtjänsten togs bort.');
});
