// E-legitimation on the board page (issue 13): a personnummer added by keyboard alone, refused
// first with the Swedish message at the field, then listed masked, revealed on request (audited),
// removed after a confirmation; the board setting "Kräv e-legitimation för underskrift"; and the
// CRLs in Inställningar. axe (WCAG 2.1 AA) on each state.
import { test, expect, expectAccessible } from './fixtures';
import { makeCrl } from '../signing/helpers/crl';
import { makeTestPki } from '../signing/helpers/pki';
import type { Page } from '@playwright/test';
import { createClient } from '../../core/api/client';
import type { AppFixture } from './fixtures';

const apiOf = (app: AppFixture) => createClient((m, i) => app.backend.dispatch(m, i));
const firstBoard = async (app: AppFixture) => (await apiOf(app).call('boards.list', {}))[0]?.id ?? '';

async function openBoard(page: Page, url: string, boardId: string): Promise<void> {
  await page.setViewportSize({ width: 1400, height: 1000 });
  await page.goto(`${url}#/boards/${encodeURIComponent(boardId)}`);
  await expect(page.getByRole('heading', { level: 2, name: 'E-legitimation' })).toBeVisible();
}

test('a personnummer is added by keyboard, shown masked, revealed and removed after confirmation', async ({ page, app }) => {
  const boardId = await firstBoard(app);
  await openBoard(page, app.url, boardId);
  const section = page.getByRole('region', { name: 'E-legitimation' });
  await expectAccessible(page, 'e-legitimation, stängd', 'section[aria-labelledby="eid-heading"]');

  // Keyboard only, from the person's button.
  const manage = section.getByRole('button', { name: 'E-legitimation för Sara Lundberg' });
  await manage.focus();
  await page.keyboard.press('Enter');
  await expect(manage).toHaveAttribute('aria-expanded', 'true');
  await expect(section.getByText('Ingen registrerad identifierare')).toBeVisible();
  await page.keyboard.press('Tab');
  const kind = section.getByRole('combobox', { name: 'Typ' });
  await expect(kind).toBeFocused();
  await expect(kind).toHaveValue('personnummer');
  await page.keyboard.press('Tab');
  const value = section.getByRole('textbox', { name: 'Identifierare' });
  await expect(value).toBeFocused();
  await page.keyboard.type('19121212-1213');
  await page.keyboard.press('Enter');
  await expect(section.getByText(/"19121212-1213" är inget giltigt personnummer eller samordningsnummer\. Skriv det som ÅÅÅÅMMDD-NNNN/)).toBeVisible();
  await expect(value).toHaveAttribute('aria-invalid', 'true');
  await expect(value).toBeFocused();
  await expectAccessible(page, 'e-legitimation, felaktigt personnummer', 'section[aria-labelledby="eid-heading"]');
  await page.keyboard.press('Control+A');
  await page.keyboard.type('121212+1212');
  await page.keyboard.press('Enter');
  await expect(section.getByRole('status').filter({ hasText: 'Personnummer eller samordningsnummer 19121212-•••• är registrerat för Sara Lundberg.' })).toBeVisible();
  const table = section.getByRole('table', { name: 'Identifierare för Sara Lundberg' });
  await expect(table.getByRole('cell', { name: '19121212-••••' })).toBeVisible();
  await expect(table.getByText('19121212-1212')).toHaveCount(0);
  await expectAccessible(page, 'e-legitimation, en identifierare', 'section[aria-labelledby="eid-heading"]');

  // Reveal (audited), then hide again.
  await section.getByRole('button', { name: 'Visa hela identifierarna' }).click();
  await expect(table.getByRole('cell', { name: '19121212-1212' })).toBeVisible();
  const audit = app.backend.db.$client.prepare("SELECT count(*) AS n FROM audit_log WHERE action = 'person.revealIdentifiers'").get() as { n: number };
  expect(audit.n).toBe(1);
  await section.getByRole('button', { name: 'Dölj identifierarna' }).click();
  await expect(table.getByRole('cell', { name: '19121212-••••' })).toBeVisible();

  // Remove: only after the confirmation.
  await section.getByRole('button', { name: 'Ta bort Personnummer eller samordningsnummer för Sara Lundberg' }).click();
  const dialog = page.getByRole('dialog', { name: 'Ta bort identifieraren?' });
  await expect(dialog).toBeVisible();
  await expectAccessible(page, 'bekräfta borttagning');
  await dialog.getByRole('button', { name: 'Avbryt' }).click();
  await expect(table.getByRole('cell', { name: '19121212-••••' })).toBeVisible();
  await section.getByRole('button', { name: 'Ta bort Personnummer eller samordningsnummer för Sara Lundberg' }).click();
  await dialog.getByRole('button', { name: 'Ta bort identifieraren' }).click();
  await expect(section.getByText('Ingen registrerad identifierare')).toBeVisible();
  const left = app.backend.db.$client.prepare('SELECT count(*) AS n FROM person_identifiers').get() as { n: number };
  expect(left.n).toBe(0);
});

test('the board setting "Kräv e-legitimation för underskrift" is saved', async ({ page, app }) => {
  const boardId = await firstBoard(app);
  await openBoard(page, app.url, boardId);
  const box = page.getByRole('checkbox', { name: 'Kräv e-legitimation för underskrift' });
  await expect(box).not.toBeChecked();
  await box.focus();
  await page.keyboard.press('Space');
  await expect(page.getByRole('status').filter({ hasText: 'Nämnden kräver nu e-legitimation för underskrift.' })).toBeVisible();
  expect(await apiOf(app).call('boards.getRequireEid', { boardId })).toEqual({ boardId, required: true });
  await page.reload();
  await expect(page.getByRole('checkbox', { name: 'Kräv e-legitimation för underskrift' })).toBeChecked();
});

test('Inställningar: a CRL is imported and listed; a forged one is refused with the reason', async ({ page, app }) => {
  const pki = await makeTestPki();
  const rogue = (await makeTestPki()).ca;
  await apiOf(app).call('trust.add', { certificateBase64: Buffer.from(pki.ca.certDer).toString('base64') });
  const now = Date.now();
  const week = { thisUpdate: new Date(now - 3_600_000), nextUpdate: new Date(now + 7 * 86_400_000) };
  const good = await makeCrl(pki.ca, { ...week, revoked: [{ cert: pki.asa, at: new Date(now - 86_400_000) }] });
  // Another CA's key under the test CA's name: the same subject, another signature.
  const forged = await makeCrl(pki.ca, { ...week, signedBy: rogue });
  await page.setViewportSize({ width: 1400, height: 1000 });
  await page.goto(`${app.url}#/installningar`);
  const section = page.getByRole('region', { name: 'Spärrlistor (CRL)' });
  await expect(section.getByText('Inga spärrlistor är importerade')).toBeVisible();
  const file = section.getByLabel('Spärrlista (.crl, .pem)');
  await file.setInputFiles({ name: 'forged.crl', mimeType: 'application/pkix-crl', buffer: Buffer.from(forged) });
  await section.getByRole('button', { name: 'Importera spärrlistan' }).click();
  await expect(section.getByText(/signatur kan inte verifieras med det rotcertifikatet i tillitslistan/)).toBeVisible();
  // The refusal is said at the file field, which has the focus.
  await expect(file).toBeFocused();
  await expect(file).toHaveAccessibleDescription(/signatur kan inte verifieras/);
  await file.setInputFiles({ name: 'ca.crl', mimeType: 'application/pkix-crl', buffer: Buffer.from(good) });
  await section.getByRole('button', { name: 'Importera spärrlistan' }).click();
  await expect(section.getByRole('status').filter({ hasText: 'Spärrlistan är importerad.' })).toBeVisible();
  const table = section.getByRole('table', { name: 'Importerade spärrlistor' });
  await expect(table.getByRole('rowheader', { name: /Justera Test-CA Ö/ })).toBeVisible();
  await expect(table.getByRole('cell', { name: 'Aktuell' })).toBeVisible();
  await expectAccessible(page, 'spärrlistor', 'section[aria-labelledby="crl-heading"]');
});
