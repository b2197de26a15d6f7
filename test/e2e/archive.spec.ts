// Arkiv on the board page (issue 17) in Debian's Chromium against the loopback host: the archivist
// types a partial path and gets the API's Swedish message at the field; writes the year's package
// to a new folder; is refused a folder with files in it; checks the package (the signature's trust
// not assessed without a trust store, then accepted once the root is trusted); and sees a changed
// file named by what it is and its meeting's date, never by the package's ids. axe on each state.
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { createClient } from '../../core/api/client';
import { parseMets } from '../../electron/services/archive/mets-check';
import { makeTestPki, trustCa, writeP12 } from '../signing/helpers/pki';
import { test, expect, expectAccessible, type AppFixture } from './fixtures';

const PASSWORD = 'arkiv-lösenord';
const SECTION = 'section[aria-labelledby="archive-heading"]';
const apiOf = (app: AppFixture) => createClient((m, i) => app.backend.dispatch(m, i));

let work: string;
test.beforeEach(() => {
  work = mkdtempSync(join(tmpdir(), 'justera-e2e-arkiv-'));
});
test.afterEach(() => rmSync(work, { recursive: true, force: true }));

// Freezing and signing render a PDF: on a loaded machine this needs more than a minute.
test.describe.configure({ timeout: 180_000 });

async function openArchive(page: Page, app: AppFixture, boardId: string) {
  await page.setViewportSize({ width: 1400, height: 1000 });
  await page.goto(`${app.url}#/boards/${encodeURIComponent(boardId)}`);
  const section = page.getByRole('region', { name: 'Arkiv' });
  await expect(section.getByRole('heading', { level: 3, name: 'Skapa arkivpaket' })).toBeVisible();
  return section;
}

test('export the year, refuse bad folders, verify before and after trusting the root, and name a changed file', async ({ page, app }) => {
  const api = apiOf(app);
  const board = (await api.call('boards.list', {}))[0];
  const meeting = (await api.call('meetings.list', { boardId: board?.id ?? '' }))[0];
  // The secretary signs §§ 20–22 with a certificate file (signing needs the root in the trust store).
  const pki = await makeTestPki();
  await trustCa(api, pki.ca);
  const frozen = await api.call('justering.freeze', { meetingId: meeting?.id ?? '', groupIndex: 0 });
  const p12 = readFileSync(writeP12(work, pki.robert, [pki.ca], 'robert.p12', { password: PASSWORD })).toString('base64');
  await api.call('justering.sign', { versionId: frozen.version.id, field: 'sig-sekreterare', credential: { kind: 'p12', p12Base64: p12, password: PASSWORD } });

  const section = await openArchive(page, app, board?.id ?? '');
  await expectAccessible(page, 'arkiv', SECTION);
  const exportForm = section.getByRole('form', { name: 'Skapa arkivpaket' });
  await expect(exportForm.getByRole('combobox', { name: 'År' })).toHaveValue('2020');
  const folder = exportForm.getByRole('textbox', { name: 'Ny eller tom mapp för paketet' });

  // A partial path: refused at the field, before any call.
  await folder.fill('arkiv-2020');
  await exportForm.getByRole('button', { name: 'Skapa arkivpaketet' }).click();
  await expect(folder).toHaveAccessibleDescription(/Ange hela sökvägen till mappen/);
  await expect(folder).toBeFocused();
  await expect(folder).toHaveAttribute('aria-invalid', 'true');
  // ".." passes the form's own check but not the API's: its Swedish message at the field.
  await folder.fill(`${work}/../utanför`);
  await exportForm.getByRole('button', { name: 'Skapa arkivpaketet' }).click();
  await expect(folder).toHaveAccessibleDescription(/får inte innehålla "\.\."/);
  await expectAccessible(page, 'arkiv, ogiltig mapp', SECTION);

  // A folder with someone else's file in it is refused and left alone.
  const busy = join(work, 'upptagen');
  mkdirSync(busy);
  writeFileSync(join(busy, 'annat.txt'), 'x');
  await folder.fill(busy);
  await exportForm.getByRole('button', { name: 'Skapa arkivpaketet' }).click();
  await expect(folder).toHaveAccessibleDescription(/är inte tom/);
  expect(readdirSync(busy)).toEqual(['annat.txt']);

  // A new folder: written.
  const pkg = join(work, 'arkiv-2020');
  await folder.fill(pkg);
  await exportForm.getByRole('button', { name: 'Skapa arkivpaketet' }).click();
  await expect(section.getByRole('status').filter({ hasText: `Arkivpaketet för 2020 är skrivet till ${pkg}.` })).toContainText('signerade PDF:er: 1');
  await expect(folder).not.toHaveAttribute('aria-invalid', 'true');
  expect(readdirSync(pkg).sort()).toEqual(['METS.xml', 'manifest.sha256', 'representations']);

  // Check it with an empty trust store: unchanged, but no root to judge the signature by.
  for (const a of (await api.call('trust.list', {})).anchors) await api.call('trust.remove', { id: a.id });
  const verifyForm = section.getByRole('form', { name: 'Kontrollera arkivpaket' });
  await verifyForm.getByRole('textbox', { name: 'Arkivpaketets mapp' }).fill(pkg);
  await verifyForm.getByRole('button', { name: 'Kontrollera paketet' }).click();
  const status = section.getByRole('status').filter({ hasText: 'METS.xml' });
  await expect(status).toContainText('Filerna är oförändrade, men underskrifternas tillit kunde inte bedömas.');
  await expect(status).toContainText('Lägg till kommunens rotcertifikat i tillitslistan under Inställningar');
  await expect(status.getByRole('table', { name: 'Fel i arkivpaketet' }).getByRole('row', { name: /Signerad PDF, sammanträdet 5 november 2020/ })).toContainText('Tillit ej bedömd');
  await expectAccessible(page, 'arkiv, tillit ej bedömd', SECTION);

  // The root is trusted again: the package passes.
  await trustCa(api, pki.ca);
  await verifyForm.getByRole('button', { name: 'Kontrollera paketet' }).click();
  await expect(status).toContainText('Paketet är oförändrat och alla underskrifter är giltiga och betrodda.');
  await expect(status.getByRole('table')).toHaveCount(0);
  await expectAccessible(page, 'arkiv, godkänt paket', SECTION);

  // A changed file: named by what it is and its meeting, not by its path of ids.
  const data = parseMets(readFileSync(join(pkg, 'METS.xml'), 'utf8')).files.find((f) => f.use === 'meeting-data')?.path ?? '';
  writeFileSync(join(pkg, data), '{}\n');
  await verifyForm.getByRole('button', { name: 'Kontrollera paketet' }).click();
  await expect(status).toContainText('Paketet har fel: se tabellen nedan.');
  const row = status.getByRole('row', { name: /Sammanträdets data, sammanträdet 5 november 2020/ });
  await expect(row).toContainText('Fel storlek');
  await expect(status.getByRole('table')).not.toContainText(meeting?.id ?? 'ingen');
  await expect(status).not.toContainText('urn:justera');
  await expectAccessible(page, 'arkiv, ändrad fil', SECTION);

  // A folder that is no package: the message below the form.
  await verifyForm.getByRole('textbox', { name: 'Arkivpaketets mapp' }).fill(busy);
  await verifyForm.getByRole('button', { name: 'Kontrollera paketet' }).click();
  await expect(section.getByRole('alert').filter({ hasText: 'METS.xml saknas' })).toBeVisible();
});
