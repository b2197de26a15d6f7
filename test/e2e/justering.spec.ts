// Justering in the browser (renderer/features/justering) on the reference meeting: locking §§ 20–22,
// the secretary, chair and justerare signing with .p12 files made at test time (a wrong password
// refused in Swedish, nothing changed), the verification report, a rättelse, the signing package
// round trip through "#/underskrift", the settings and the board's signing order; axe-core
// (WCAG 2.1 AA) on every screen and dialog.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { Download, Locator, Page } from '@playwright/test';
import { test, expect, expectAccessible } from './fixtures';
import { hasSoftHsm, makeToken, PASSWORD, PIN, SOFTHSM_MODULE, trustedAppPerTest } from './justering-helpers';
import { pem as pemLabelled } from '../signing/helpers/pki';

const pemOf = (der: Uint8Array) => pemLabelled('CERTIFICATE', der);

// Rendering and signing PDFs takes a few seconds each; on an idle machine each test needs well
// under a minute, but the margin keeps a loaded CI runner from failing them.
test.describe.configure({ timeout: 120_000 });
const env = trustedAppPerTest();

const p12 = (name: string) => ({ name: `${name}.p12`, mimeType: 'application/x-pkcs12', buffer: env.certs.p12.get(name) ?? Buffer.alloc(0) });
const result = (page: Page) => page.locator('.justering-result');
const group = (page: Page, label: string) => page.getByRole('region', { name: `Justeringsgrupp ${label}` });

async function openJustering(page: Page): Promise<void> {
  await page.goto(`${env.app.url}`);
  await page.goto(`${new URL(env.app.url).origin}/#/meetings/${encodeURIComponent(env.app.meetingId)}/justering`);
  await expect(page.getByRole('heading', { level: 1, name: 'Justering – Norrbottens e-nämnd 2020-11-05' })).toBeVisible({ timeout: 30_000 }); // the first justering.status loads the signing libraries
}

async function signWithFile(page: Page, role: string, name: string, password: string): Promise<Locator> {
  await page.getByRole('button', { name: `Skriv under med certifikatfil: ${role} ${name}` }).click();
  const dialog = page.getByRole('dialog', { name: `Skriv under som ${role.toLowerCase()} ${name} med certifikatfil` });
  await dialog.getByLabel('Certifikatfil (.p12 eller .pfx)').setInputFiles(p12(name));
  await dialog.getByLabel('Lösenord till certifikatfilen').fill(password);
  await dialog.getByRole('button', { name: 'Skriv under' }).click();
  return dialog;
}

async function saved(download: Promise<Download>): Promise<{ name: string; bytes: Buffer }> {
  const d = await download;
  const path = await d.path();
  return { name: d.suggestedFilename(), bytes: readFileSync(path) };
}

test('lock, sign as secretary, chair and justerare with certificate files, verify, correct', async ({ page }) => {
  const started = Date.now();
  await page.setViewportSize({ width: 1400, height: 1000 });
  await page.goto(env.app.url);
  await page.getByRole('link', { name: /torsdag 5 november 2020/ }).click();
  await page.getByRole('link', { name: 'Justering och underskrifter' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Justering – Norrbottens e-nämnd 2020-11-05' })).toBeVisible({ timeout: 30_000 }); // the first justering.status loads the signing libraries
  const g = group(page, '§§ 20-22');
  await expect(g).toContainText('Öppen – paragraferna kan ändras');
  await expectAccessible(page, 'justeringssidan före låsning');

  await g.getByRole('button', { name: 'Lås för justering: §§ 20-22' }).click();
  const confirm = page.getByRole('dialog', { name: 'Lås §§ 20-22 för justering?' });
  await expect(confirm).toContainText('inte längre ändras');
  await expectAccessible(page, 'bekräfta låsning');
  await confirm.getByRole('button', { name: 'Lås för justering' }).click();
  await expect(result(page)).toContainText('§§ 20-22 är låst för justering. Version 1 väntar på underskrifter.', { timeout: 30_000 });
  await expect(result(page)).toBeFocused();
  await expect(g).toContainText('Låst för justering');
  await expect(g.getByRole('heading', { level: 3, name: 'Version 1 gällande' })).toBeVisible();
  const secretaryRow = g.getByRole('row', { name: /Robert Karlsson/ });
  await expect(secretaryRow).toContainText('Väntar');

  // A wrong password: a Swedish error in the dialog, and nothing is signed.
  const wrong = await signWithFile(page, 'Sekreterare', 'Robert Karlsson', 'fel-lösenord');
  await expect(wrong.getByRole('alert')).toContainText('Fel lösenord för certifikatfilen');
  await expectAccessible(page, 'underskriftsdialogen med fel');
  await wrong.getByRole('button', { name: 'Avbryt' }).click();
  await expect(wrong).toBeHidden();
  await expect(secretaryRow).toContainText('Väntar');
  expect((await env.app.api.call('justering.status', { meetingId: env.app.meetingId })).groups[0]?.versions[0]?.signers.every((x) => x.signature === null)).toBe(true);

  await signWithFile(page, 'Sekreterare', 'Robert Karlsson', PASSWORD);
  await expect(result(page)).toContainText('Robert Karlsson har skrivit under');
  await expect(result(page)).toContainText('Kvar att skriva under: Anders Lundkvist (ordförande) och Sara Lundberg (justerare).');
  await expect(result(page)).toContainText('PAdES B-B');
  await expect(secretaryRow).toContainText('Underskrivet');

  await signWithFile(page, 'Ordförande', 'Anders Lundkvist', PASSWORD);
  await expect(result(page)).toContainText('Kvar att skriva under: Sara Lundberg (justerare).');
  await signWithFile(page, 'Justerare', 'Sara Lundberg', PASSWORD);
  await expect(result(page)).toContainText('Nu har alla skrivit under: paragraferna är justerade.');
  await expect(g).toContainText(/Justerad \d{4}-\d{2}-\d{2} \d{2}:\d{2}/);
  await expect(g).toContainText('Alla har skrivit under.');

  await g.getByRole('button', { name: 'Kontrollera underskrifter i version 1' }).click();
  const report = g.getByRole('region', { name: 'Kontroll av underskrifterna i version 1' });
  await expect(report.getByRole('heading', { name: 'Kontroll av underskrifterna i version 1' })).toBeFocused();
  await expect(report).toContainText('Alla 3 underskrifter är giltiga och den sista omfattar hela filen.');
  const rows = report.getByRole('table', { name: 'Underskrifter i filen' }).getByRole('row');
  await expect(rows).toHaveCount(4);
  await expect(rows.filter({ hasText: 'Giltig' })).toHaveCount(3);
  await expect(rows.filter({ hasText: 'Justerare 1' })).toContainText('Sara Lundberg');
  await expect(report).toContainText('Filen har inte ändrats efter den sista underskriften.');
  await expectAccessible(page, 'kontrollrapporten');

  const pdf = await saved(Promise.all([page.waitForEvent('download'), g.getByRole('button', { name: 'Ladda ner PDF för version 1' }).click()]).then(([d]) => d));
  expect(pdf.name).toMatch(/\.pdf$/);
  expect(pdf.bytes.subarray(0, 5).toString()).toBe('%PDF-');

  // Rättelse: a new version of the adjusted group, to be signed again.
  await g.getByRole('button', { name: 'Gör en rättelse i §§ 20-22' }).click();
  const correction = page.getByRole('dialog', { name: 'Rättelse i §§ 20-22' });
  const title = correction.getByLabel('Rubrik', { exact: true });
  await correction.getByRole('button', { name: 'Skapa rättad version' }).click();
  await expect(correction.getByText('rättelsen innehåller ingen ändring')).toBeVisible();
  await title.fill(`${await title.inputValue()} (rättad)`);
  await correction.getByRole('button', { name: 'Skapa rättad version' }).click();
  await expect(correction.getByText('Ange skälet till rättelsen.')).toBeVisible();
  await expectAccessible(page, 'rättelsedialogen');
  await correction.getByLabel('Skäl till rättelsen').fill('Felskriven rubrik');
  await correction.getByRole('button', { name: 'Skapa rättad version' }).click();
  await expect(result(page)).toContainText('Rättelsen av § 20 är sparad som version 2.', { timeout: 30_000 });
  await expect(g.getByRole('heading', { level: 3, name: 'Version 2 gällande' })).toBeVisible();
  await expect(g.getByRole('heading', { level: 3, name: 'Version 1 ersatt' })).toBeVisible();
  await expect(g).toContainText('Rättelse av § 20: Felskriven rubrik');
  await expect(g.getByRole('button', { name: 'Skriv under med certifikatfil: Sekreterare Robert Karlsson' })).toHaveCount(1);
  console.log(`justering i webbläsaren: ${((Date.now() - started) / 1000).toFixed(1)} s`);
});

test('the secretary signs with a card, the justerare signs a package on #/underskrift, the secretary imports it', async ({ page }) => {
  const { api, meetingId } = env.app;
  const frozen = await api.call('justering.freeze', { meetingId, groupIndex: 0 });
  const versionId = frozen.version.id;
  await api.call('justering.sign', { versionId, field: 'sig-ordforande', credential: { kind: 'p12', p12Base64: p12('Anders Lundkvist').buffer.toString('base64'), password: PASSWORD } });
  await openJustering(page);
  const g = group(page, '§§ 20-22');

  if (hasSoftHsm) {
    makeToken(env.certs.dir, env.certs.robert, 'SITHS Robert');
    await g.getByRole('button', { name: 'Skriv under med kort (PKCS#11): Sekreterare Robert Karlsson' }).click();
    const card = page.getByRole('dialog', { name: 'Skriv under som sekreterare Robert Karlsson med kort' });
    // Over HTTP only the host's configured module is offered; no path can be typed.
    await expect(card.getByLabel('PKCS#11-modul')).toHaveValue('configured');
    await expect(card.getByLabel('PKCS#11-modul').getByRole('option')).toHaveText([`Konfigurerad modul (${SOFTHSM_MODULE ?? ''})`]);
    await card.getByRole('button', { name: 'Visa kortläsare' }).click();
    await expect(card.getByRole('radio', { name: /^SITHS Robert \(serienummer / })).toBeChecked();
    await expect(card).toContainText('inget kort');
    await card.getByLabel('PIN-kod').fill('000000');
    await card.getByRole('button', { name: 'Skriv under' }).click();
    await expect(card.getByRole('alert')).toBeVisible();
    await expectAccessible(page, 'kortdialogen');
    await card.getByLabel('PIN-kod').fill(PIN);
    await card.getByRole('button', { name: 'Skriv under' }).click();
    await expect(result(page)).toContainText('Robert Karlsson har skrivit under');
  } else {
    console.warn('SoftHSM2 saknas: sekreteraren skriver under med certifikatfil i stället för kort.');
    await signWithFile(page, 'Sekreterare', 'Robert Karlsson', PASSWORD);
  }
  await expect(result(page)).toContainText('Kvar att skriva under: Sara Lundberg (justerare).');

  const pkg = await saved(Promise.all([page.waitForEvent('download'), g.getByRole('button', { name: 'Exportera underskriftspaket: Justerare Sara Lundberg' }).click()]).then(([d]) => d));
  expect(pkg.name).toMatch(/\.justera$/);
  await expect(g.getByRole('status').filter({ hasText: 'Underskriftspaketet' })).toContainText('Skicka det till Sara Lundberg');

  // On the justerare's machine.
  await page.getByRole('navigation', { name: 'Huvudmeny' }).getByRole('link', { name: 'Skriv under paket' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Skriv under ett underskriftspaket' })).toBeVisible();
  await page.getByRole('button', { name: 'Öppna paketet' }).click();
  await expect(page.getByText('Välj underskriftspaketet (.justera-filen).')).toBeVisible();
  await page.getByLabel('Underskriftspaket (.justera)').setInputFiles({ name: 'fel.justera', mimeType: 'application/json', buffer: Buffer.from('{"format":"något annat"}') });
  await page.getByRole('button', { name: 'Öppna paketet' }).click();
  await expect(page.getByRole('alert')).toBeVisible();
  await page.getByLabel('Underskriftspaket (.justera)').setInputFiles({ name: pkg.name, mimeType: 'application/json', buffer: pkg.bytes });
  await page.getByRole('button', { name: 'Öppna paketet' }).click();
  const facts = page.getByRole('region', { name: 'Paketets innehåll' });
  await expect(facts).toContainText('Norrbottens e-nämnd');
  await expect(facts).toContainText('§§ 20-22');
  await expect(facts).toContainText('Justerare Sara Lundberg');
  await expect(facts).toContainText('Justerare 1');
  await expect(facts).not.toContainText('sig-');
  await expect(facts.getByRole('listitem')).toHaveText([/^Anders Lundkvist, \d{4}-.*Betrodd/, /^Robert Karlsson, \d{4}-.*Betrodd/]);
  await expect(facts).toContainText('Verifierat: protokollet är underskrivet av sekreteraren Robert Karlsson');
  await expectAccessible(page, 'öppnat underskriftspaket');
  const reading = await saved(Promise.all([page.waitForEvent('download'), facts.getByRole('button', { name: 'Ladda ner PDF för läsning' }).click()]).then(([d]) => d));
  expect(reading.bytes.subarray(0, 5).toString()).toBe('%PDF-');

  await facts.getByRole('button', { name: 'Skriv under med certifikatfil' }).click();
  const dialog = page.getByRole('dialog', { name: 'Skriv under som justerare Sara Lundberg med certifikatfil' });
  await dialog.getByLabel('Certifikatfil (.p12 eller .pfx)').setInputFiles(p12('Sara Lundberg'));
  await dialog.getByLabel('Lösenord till certifikatfilen').fill(PASSWORD);
  await dialog.getByRole('button', { name: 'Skriv under' }).click();
  const done = page.getByRole('region', { name: 'Underskriften är klar' });
  await expect(done).toContainText('Skicka filen tillbaka till sekreteraren');
  await expect(done.getByRole('heading')).toBeFocused();
  await expectAccessible(page, 'underskrivet paket');
  const signed = await saved(Promise.all([page.waitForEvent('download'), done.getByRole('button', { name: 'Ladda ner den underskrivna PDF:en' }).click()]).then(([d]) => d));
  expect(signed.bytes.length).toBeGreaterThan(reading.bytes.length);

  // Back at the secretary's.
  await openJustering(page);
  await g.getByRole('button', { name: 'Importera underskrivet dokument: Justerare Sara Lundberg' }).click();
  const imp = page.getByRole('dialog', { name: 'Importera det dokument som justerare Sara Lundberg har skrivit under' });
  await imp.getByLabel('Underskriven PDF-fil').setInputFiles({ name: signed.name, mimeType: 'application/pdf', buffer: signed.bytes });
  await expectAccessible(page, 'importdialogen');
  await imp.getByRole('button', { name: 'Importera' }).click();
  await expect(result(page)).toContainText('Den underskrivna filen från Sara Lundberg är inläst och kontrollerad.');
  await expect(result(page)).toContainText('Nu har alla skrivit under: paragraferna är justerade.');
  await expect(g.getByRole('row', { name: /Sara Lundberg/ })).toContainText('via underskriftspaket');
  const status = await api.call('justering.status', { meetingId });
  expect(status.groups[0]?.status).toBe('adjusted');
});

test('settings: the time-stamping service; the board: its signing order', async ({ page }) => {
  await page.goto(env.app.url);
  await page.getByRole('navigation', { name: 'Huvudmeny' }).getByRole('link', { name: 'Inställningar' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Inställningar' })).toBeVisible();
  await expect(page.getByText('Nu: ingen tidsstämpeltjänst (PAdES B-B).')).toBeVisible();
  await expectAccessible(page, 'inställningar');
  const field = page.getByLabel('Adress till tidsstämpeltjänsten');
  await field.fill('tsa.example.se');
  await page.getByRole('button', { name: 'Spara' }).click();
  await expect(page.getByText('Adressen måste börja med http:// eller https://.')).toBeVisible();
  await expect(field).toBeFocused();
  await field.fill('https://tsa.example.se/tsa');
  await page.getByRole('button', { name: 'Spara' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Sparat' })).toContainText('https://tsa.example.se/tsa (PAdES B-T)');
  expect((await env.app.api.call('settings.get', {})).tsaUrl).toBe('https://tsa.example.se/tsa');
  await field.fill('');
  await page.getByRole('button', { name: 'Spara' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Sparat' })).toContainText('utan tidsstämpel (PAdES B-B)');
  expect((await env.app.api.call('settings.get', {})).tsaUrl).toBeNull();
  const tsa = page.getByRole('region', { name: 'Tidsstämpel på underskrifter' });
  await expect(tsa.getByRole('status')).toContainText('Sparat');

  // The trust store: remove the test CA (the list is then said to be empty), add it back from its file.
  const trust = page.getByRole('region', { name: 'Betrodda utfärdare (tillitslista)' });
  await expect(trust.getByRole('table', { name: 'Betrodda rotcertifikat' })).toContainText('Justera Test-CA Ö');
  await trust.getByRole('button', { name: /^Ta bort .*Justera Test-CA Ö.* ur tillitslistan$/ }).click();
  await expect(trust).toContainText('Tillitslistan är tom');
  // The page has one message: the removal's line replaces the time-stamping section's "Sparat".
  await expect(trust.getByRole('status')).toContainText('är borttaget ur tillitslistan.');
  await expect(tsa.getByRole('status')).toHaveCount(0);
  expect((await env.app.api.call('trust.list', {})).anchors).toEqual([]);
  await expectAccessible(page, 'inställningar med tom tillitslista');
  await trust.getByLabel('Rotcertifikat (.pem, .crt, .cer)').setInputFiles({ name: 'ca.pem', mimeType: 'application/x-pem-file', buffer: Buffer.from(pemOf(env.certs.ca.certDer)) });
  await trust.getByRole('button', { name: 'Visa certifikatet' }).click();
  const pending = trust.getByRole('region', { name: 'Kontrollera certifikatet innan du lägger till det' });
  await expect(pending).toContainText(createHash('sha256').update(env.certs.ca.certDer).digest('hex'));
  await expect(pending).toContainText('utfärdare (CA), rotcertifikat (självutfärdat)');
  await expectAccessible(page, 'rotcertifikat att lägga till');
  await pending.getByRole('button', { name: 'Lägg till i tillitslistan' }).click();
  await expect(trust.getByRole('status')).toHaveText('Ett rotcertifikat har lagts till.');
  await expect(trust.getByRole('table', { name: 'Betrodda rotcertifikat' })).toContainText('Justera Test-CA Ö');
  expect((await env.app.api.call('trust.list', {})).anchors).toHaveLength(1);
  // Another file chosen: the line about the last one goes; a file that is no certificate is refused at its field.
  const certFile = trust.getByLabel('Rotcertifikat (.pem, .crt, .cer)');
  await certFile.setInputFiles({ name: 'inte.pem', mimeType: 'application/x-pem-file', buffer: Buffer.from('inget certifikat') });
  await expect(trust.getByRole('status')).toHaveCount(0);
  await trust.getByRole('button', { name: 'Visa certifikatet' }).click();
  await expect(certFile).toBeFocused();
  await expect(certFile).toHaveAttribute('aria-invalid', 'true');
  await expect(certFile).toHaveAccessibleDescription(/.+/);
  await expectAccessible(page, 'rotcertifikat som inte kunde läsas');

  await page.goto(`${new URL(env.app.url).origin}/#/boards/${encodeURIComponent(env.app.boardId)}`);
  const order = page.getByRole('region', { name: 'Underskriftsordning vid justering' });
  // The first justering call loads the signing modules on demand: at load 30 on 2 cores that took
  // longer than the 5 s default (getSigningOrder answered after 7-40 s), so the section gets 30 s.
  await expect(order.getByLabel('Valfri ordning')).toBeChecked({ timeout: 30_000 });
  await order.getByLabel('Bestämd ordning').check();
  await order.getByRole('button', { name: 'Flytta upp: Justerare' }).click();
  await expect(order.getByRole('button', { name: 'Flytta upp: Justerare' })).toBeFocused();
  await order.getByRole('button', { name: 'Flytta upp: Justerare' }).click();
  await expect(order.getByRole('list', { name: 'Ordningen, först överst' }).getByRole('listitem')).toHaveText([/^Justerare/, /^Sekreterare/, /^Ordförande/]);
  await expectAccessible(page, 'nämndens sida med underskriftsordningen');
  await order.getByRole('button', { name: 'Spara ordningen' }).click();
  await expect(order.getByRole('status')).toHaveText('Sparat: justerare → sekreterare → ordförande.');
  expect((await env.app.api.call('boards.getSigningOrder', { boardId: env.app.boardId })).order).toEqual(['justerare', 'sekreterare', 'ordforande']);
  // A changed order is not saved yet: "Sparat: …" no longer describes it and goes.
  await order.getByRole('button', { name: 'Flytta ned: Justerare' }).click();
  await expect(order.getByRole('status')).toHaveCount(0);
  await order.getByRole('button', { name: 'Flytta upp: Justerare' }).click();

  await openJustering(page);
  await expect(page.getByText('Nämndens underskriftsordning: justerare → sekreterare → ordförande.')).toBeVisible();
});
