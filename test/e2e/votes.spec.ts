// Several votes in one § (issue 15, format 3) in the § editor, by keyboard: add a vote, give it a
// subject, move it before the main vote, see the casting vote of a tie, remove it again; every
// step saved and shown in the preview as the protocol prints it, and the screen passes axe.
import { test, expect, expectAccessible } from './fixtures';
import type { Page } from '@playwright/test';
import { waitSaved } from './workspace-helpers';
import { expectInPreview } from './preview-helpers';

async function openParagraph25(page: Page, url: string): Promise<void> {
  await page.setViewportSize({ width: 1500, height: 1000 });
  await page.goto(url);
  await page.getByRole('link', { name: /torsdag 5 november 2020/ }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Norrbottens e-nämnd – sammanträde 2020-11-05' })).toBeVisible();
  await page
    .getByRole('navigation', { name: 'Paragrafer' })
    .getByRole('link', { name: /^§ 25 / })
    .click();
  await expect(page.getByRole('heading', { level: 2, name: /^§ 25 / })).toBeVisible();
}

const NAMES = [
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

test('two votes in a §: added, ordered and removed by keyboard; each with its own result; the tie shows the casting vote', async ({ page, app }) => {
  test.setTimeout(180_000);
  await openParagraph25(page, app.url);
  const summary = page.locator('summary', { hasText: 'Omröstning' });
  await summary.focus();
  await page.keyboard.press('Enter');
  const first = page.getByRole('group', { name: 'Omröstning 1' });
  await first.getByLabel('Öppen omröstning').focus();
  await page.keyboard.press('Space');
  // The main vote: 6–6 with the chair (Anders Lundkvist) among the Ja — the casting vote is shown.
  for (const [i, n] of NAMES.entries()) await first.getByLabel(`${i % 2 === 0 ? 'Ja' : 'Nej'}: ${n}`, { exact: true }).check();
  await expect(first.getByText('Utslagsröst: ordföranden (Anders Lundkvist), Ja.')).toBeVisible();
  await waitSaved(page);

  // Add a second vote by keyboard: focus moves to its heading.
  await page.getByRole('button', { name: 'Lägg till omröstning' }).focus();
  await page.keyboard.press('Enter');
  const second = page.getByRole('group', { name: 'Omröstning 2' });
  await expect(page.getByRole('heading', { name: 'Omröstning 2' })).toBeFocused();
  await second.getByLabel('Vad omröstningen gäller (valfritt)').fill('återremiss eller avgörande i dag');
  await second.getByLabel('Ja betyder').fill('ärendet avgörs i dag');
  await second.getByLabel('Nej betyder').fill('ärendet återremitteras');
  for (const [i, n] of NAMES.entries()) await second.getByLabel(`${i < 8 ? 'Ja' : 'Nej'}: ${n}`, { exact: true }).check();
  await expect(second.getByText('Omröstningen utfaller med 8 ja-röster mot 4 nej-röster.')).toBeVisible();
  await waitSaved(page);

  // It was held first: move it up by keyboard; focus stays with it (now at the top: "Flytta ned").
  await second.getByRole('button', { name: 'Flytta upp omröstning 2' }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('group', { name: 'Omröstning 1' }).getByLabel('Vad omröstningen gäller (valfritt)')).toHaveValue('återremiss eller avgörande i dag');
  await expect(page.getByRole('button', { name: 'Flytta ned omröstning 1' })).toBeFocused();
  await waitSaved(page);
  await expectInPreview(page, 'Omröstning 1 – återremiss eller avgörande i dag');
  await expectInPreview(page, 'Omröstningen utfaller med 6 ja-röster mot 6 nej-röster. Då rösterna fallit lika avgör ordförandens utslagsröst (Ja).');
  await expectAccessible(page, 'två omröstningar');

  // Remove the återremiss vote by keyboard; the main vote is the only one again.
  await page.getByRole('button', { name: 'Ta bort omröstning 1' }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('group', { name: 'Omröstning 2' })).toHaveCount(0);
  await expect(page.getByRole('group', { name: 'Omröstning 1' }).getByLabel('Vad omröstningen gäller (valfritt)')).toHaveValue('');
  await waitSaved(page);
  await page.reload();
  await page.locator('summary', { hasText: 'Omröstning' }).waitFor();
  await expect(page.getByRole('group', { name: 'Omröstning 1' }).getByText('Utslagsröst: ordföranden (Anders Lundkvist), Ja.')).toBeVisible();
  await expect(page.getByRole('group', { name: 'Omröstning 2' })).toHaveCount(0);
});
