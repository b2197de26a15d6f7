// The secretary's workspace in the browser: CSV import errors, quorum warnings, jäv with a
// substitute stepping in, a tied vote, autosave across a reload mid-typing, undo/redo, the
// agenda by keyboard and drag, search, and secrecy with its OSL provision.
import { test, expect, expectAccessible } from './fixtures';
import type { Page } from '@playwright/test';
import { waitSaved } from './workspace-helpers';
import { expectInPreview } from './preview-helpers';

async function openReference(page: Page, url: string): Promise<void> {
  await page.setViewportSize({ width: 1500, height: 1000 });
  await page.goto(url);
  await page.getByRole('link', { name: /torsdag 5 november 2020/ }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Norrbottens e-nämnd – sammanträde 2020-11-05' })).toBeVisible();
}

const nav = (page: Page) => page.getByRole('navigation', { name: 'Paragrafer' });

async function openParagraph(page: Page, n: number): Promise<void> {
  await nav(page)
    .getByRole('link', { name: new RegExp(`^§ ${n} `) })
    .click();
  await expect(page.getByRole('heading', { level: 2, name: new RegExp(`^§ ${n} `) })).toBeVisible();
}

test('CSV import lists the errors per row with their column and imports nothing', async ({ page, emptyApp }) => {
  const { backend } = emptyApp;
  const org = (await backend.dispatch('workspace.organisations.create', { name: 'Piteå kommun', kind: 'kommun' })) as { ok: true; value: { organisationId: string } };
  const board = (await backend.dispatch('workspace.boards.create', {
    organisationId: org.value.organisationId,
    name: 'Kultur- och fritidsnämnden',
    kind: 'namnd',
    seats: 9,
    storagePlace: 'Stadshuset',
  })) as {
    ok: true;
    value: { boardId: string };
  };
  await page.goto(emptyApp.url);
  await page.getByRole('link', { name: /Kultur- och fritidsnämnden/ }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Kultur- och fritidsnämnden' })).toBeVisible();
  expect(board.ok).toBe(true);

  // Excel on Swedish Windows: semicolons, Windows-1252.
  const bad = 'Namn;Roll;Parti;Mandat från;Mandat till\r\nÅsa Öberg;Ordförande;S;2023-01-01;2026-12-31\r\nBo Ek;Kassör;M;2023-01-01;2026-12-31\r\nCia Dahl;Ledamot;C;2023-13-01;2026-12-31\r\n';
  const latin1 = (s: string) => Buffer.from([...s].map((c) => c.charCodeAt(0)));
  await page.getByLabel('CSV-fil', { exact: true }).setInputFiles({ name: 'lista.csv', mimeType: 'text/csv', buffer: latin1(bad) });
  await page.getByRole('button', { name: 'Importera' }).click();
  const alert = page.getByRole('alert').filter({ hasText: 'ingenting har importerats' });
  await expect(alert).toContainText('Filen innehåller 2 fel; ingenting har importerats.');
  await expect(alert.getByRole('listitem')).toHaveText([/rad 3, Roll: Okänd roll "Kassör"/, /rad 4, Mandat från: "2023-13-01" är inget giltigt datum/]);
  await expect(page.getByText('Nämnden har inga ledamöter ännu.')).toBeVisible();
  await expectAccessible(page, 'CSV-fel');

  const good = bad.replace('Kassör', 'Ledamot').replace('2023-13-01', '2023-01-01');
  await page.getByLabel('CSV-fil', { exact: true }).setInputFiles({ name: 'lista.csv', mimeType: 'text/csv', buffer: latin1(good) });
  await page.getByRole('button', { name: 'Importera' }).click();
  await expect(page.getByText('3 personer är importerade.')).toBeVisible();
  await expect(page.getByRole('row', { name: /Åsa Öberg.*Ordförande/ })).toBeVisible();
});

test('the app warns on every § where the board lacks a quorum', async ({ page, app }) => {
  await openReference(page, app.url);
  await nav(page).getByRole('link', { name: 'Närvaro' }).click();
  for (const who of ['Isak Utsi', 'Sara Lundberg', 'Magnus Johansson', 'Sven Tornberg', 'Henrik Blind']) await page.getByLabel(`Närvarande: ${who}`).uncheck();
  await waitSaved(page);
  // 7 serving (6 members and Anders Josefsson) of 14 seats; 8 are needed.
  await expect(page.getByRole('row', { name: /§ 20 .*Ej beslutför: 7 av 8 som krävs/ })).toBeVisible();
  await expect(nav(page).getByText('ej beslutför')).toHaveCount(7);
  await expectAccessible(page, 'närvaron utan beslutförhet');

  // Henrik Blind arrives at § 24: quorum from there on.
  await page.getByLabel('Närvarande: Henrik Blind').check();
  await page.getByLabel('Från paragraf: Henrik Blind').selectOption('24');
  await waitSaved(page);
  await expect(nav(page).getByText('ej beslutför')).toHaveCount(4);
  await openParagraph(page, 23);
  await expect(page.getByText('Nämnden är inte beslutför på § 23: 7 tjänstgörande av 8 som krävs')).toBeVisible();
  await openParagraph(page, 24);
  await expect(page.getByText('8 tjänstgörande av 14 platser – beslutför')).toBeVisible();
});

test('jäv on a § with the personal substitute stepping in', async ({ page, app }) => {
  await openReference(page, app.url);
  await openParagraph(page, 24);
  await page.getByLabel('Jävig person').selectOption({ label: 'Lena Goldkuhl' });
  await expect(page.getByText('Förslag: Johan Johansson.')).toBeVisible();
  await expect(page.getByLabel('Ersättare som går in')).toHaveValue(/.+/);
  await page.getByLabel('Anmärkning (valfritt)', { exact: true }).fill('Styrelseledamot hos leverantören');
  await page.getByRole('button', { name: 'Registrera jäv' }).click();
  await waitSaved(page);
  await expect(page.getByRole('article', { name: /§ 24/ }).getByText('Lena Goldkuhl – Styrelseledamot hos leverantören')).toBeVisible();
  await expect(page.getByLabel('Ersättare för Lena Goldkuhl')).toHaveValue(/.+/);
  await page.getByText('Visa de 12 tjänstgörande').click();
  await expect(page.getByRole('listitem').filter({ hasText: 'Johan Johansson (för Lena Goldkuhl)' })).toBeVisible();
  await expectAccessible(page, '§ 24 med jäv');

  // The protocol states it in the §, and the närvarolista shows who served where.
  await expectInPreview(page, 'Lena Goldkuhl (S) anmäler jäv och deltar inte i handläggningen av ärendet.');
  await nav(page).getByRole('link', { name: 'Uppgifter om sammanträdet' }).click();
  await expect(page.getByRole('table', { name: 'Tjänstgörande ersättare' }).getByRole('row', { name: /Johan Johansson/ })).toContainText('Ersätter Lena Goldkuhl; § 24');
  await expect(page.getByRole('table', { name: 'Tjänstgörande ledamöter' }).getByRole('row', { name: /Lena Goldkuhl/ })).toContainText('Jäv § 24');
});

test('a tied open vote is settled by the chair, a tied closed ballot by lot', async ({ page, app }) => {
  await openReference(page, app.url);
  await openParagraph(page, 25);
  await page.locator('summary', { hasText: 'Omröstning' }).click();
  await page.getByLabel('Öppen omröstning').check();
  const grid = page.getByRole('table', { name: 'Röster på § 25' });
  await expect(grid.getByRole('row')).toHaveCount(14);
  const names = [
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
  // Every other one votes Ja: 6–6, and the chair (Anders Lundkvist) is among the Ja.
  for (const [i, n] of names.entries()) await page.getByLabel(`${i % 2 === 0 ? 'Ja' : 'Nej'}: ${n}`, { exact: true }).check();
  await expect(grid.getByRole('row', { name: /Summa/ })).toHaveText(/Summa\s*6\s*6\s*0/);
  // In the § editor: the preview beside it may print the same sentence.
  const paragraph = page.getByRole('article', { name: /§ 25/ });
  await expect(paragraph.getByText('Då rösterna fallit lika avgör ordförandens utslagsröst (Ja).')).toBeVisible();
  // The chair changes to Nej and Leif Nilsson to Ja: still 6–6, now decided Nej.
  await page.getByLabel('Nej: Anders Lundkvist', { exact: true }).check();
  await page.getByLabel('Ja: Leif Nilsson', { exact: true }).check();
  await expect(paragraph.getByText('Då rösterna fallit lika avgör ordförandens utslagsröst (Nej).')).toBeVisible();
  await page.getByLabel('Ja: Anders Lundkvist', { exact: true }).check();
  await page.getByLabel('Nej: Leif Nilsson', { exact: true }).check();
  await expect(paragraph.getByText('Då rösterna fallit lika avgör ordförandens utslagsröst (Ja).')).toBeVisible();
  await waitSaved(page);
  await expectAccessible(page, 'omröstning');
  await expectInPreview(page, 'Omröstningen utfaller med 6 ja-röster mot 6 nej-röster. Då rösterna fallit lika avgör ordförandens utslagsröst (Ja).');

  await page.getByLabel('Sluten omröstning').check();
  await page.getByLabel('Antal Ja').fill('5');
  await page.getByLabel('Antal Nej').fill('5');
  await page.getByLabel('Antal som avstår').fill('2');
  await expect(page.getByText('Den slutna omröstningen i § 25 slutade lika')).toBeVisible();
  await page.getByLabel('Lottningen föll på').selectOption('nej');
  await expect(page.getByText('Då rösterna fallit lika har valet avgjorts genom lottning.')).toBeVisible();
  await waitSaved(page);
});

test('autosave keeps what was typed when the page reloads in the middle of typing', async ({ page, app }) => {
  await openReference(page, app.url);
  await openParagraph(page, 23);
  const summary = page.getByRole('textbox', { name: 'Sammanfattning av ärendet' });
  await summary.click();
  await page.keyboard.press('Control+End');
  await page.keyboard.press('Enter');
  await page.keyboard.type('Arbetsgruppen återrapporterar i december.', { delay: 5 });
  // No pause: the autosave delay has not passed yet when the page goes away.
  await page.reload();
  await expect(page.getByRole('heading', { level: 2, name: /^§ 23 / })).toBeVisible();
  await expect(page.getByRole('textbox', { name: 'Sammanfattning av ärendet' })).toContainText('Arbetsgruppen återrapporterar i december.');
  const title = page.getByLabel('Rubrik', { exact: true });
  await title.fill('Beslut om tillfällig arbetsgrupp för intern struktur');
  await page.reload();
  await expect(page.getByRole('heading', { level: 2, name: '§ 23 Beslut om tillfällig arbetsgrupp för intern struktur' })).toBeVisible();
  const exported = (await app.backend.dispatch('meetings.export', { meetingId: page.url().split('/meetings/')[1]?.split('/')[0] ?? '' })) as {
    ok: boolean;
    value: { paragraphs: { number: number; title: string; summary?: unknown }[] };
  };
  const p23 = exported.value.paragraphs.find((p) => p.number === 23);
  expect(p23?.title).toBe('Beslut om tillfällig arbetsgrupp för intern struktur');
  expect(JSON.stringify(p23?.summary)).toContain('Arbetsgruppen återrapporterar i december.');
});

test('undo and redo with the buttons and with Ctrl+Z / Ctrl+Y outside text fields', async ({ page, app }) => {
  await openReference(page, app.url);
  await openParagraph(page, 24);
  await page.getByLabel('Rubrik', { exact: true }).fill('Inköp av diarie-enhet');
  await page.getByLabel('Paragrafen justeras omedelbart').check();
  await waitSaved(page);
  await page.getByRole('heading', { level: 2 }).first().click();
  await page.keyboard.press('Control+z');
  await expect(page.getByLabel('Paragrafen justeras omedelbart')).not.toBeChecked();
  await page.keyboard.press('Control+z');
  await expect(page.getByLabel('Rubrik', { exact: true })).toHaveValue('Beslut om inköp av diarie-enhet');
  await page.keyboard.press('Control+y');
  await expect(page.getByLabel('Rubrik', { exact: true })).toHaveValue('Inköp av diarie-enhet');
  await page.getByRole('button', { name: 'Ångra' }).click();
  await expect(page.getByRole('heading', { level: 2, name: '§ 24 Beslut om inköp av diarie-enhet' })).toBeVisible();
  await page.getByRole('button', { name: 'Gör om' }).click();
  await expect(page.getByRole('heading', { level: 2, name: '§ 24 Inköp av diarie-enhet' })).toBeVisible();
});

test('the agenda is reordered by keyboard and by dragging, and numbers follow', async ({ page, app }) => {
  await openReference(page, app.url);
  const agenda = page.getByRole('list').filter({ has: page.getByRole('button', { name: /Flytta ned § 20 / }) });
  const down = page.getByRole('button', { name: 'Flytta ned § 23 Beslut om tillfällig arbetsgrupp' });
  await down.focus();
  await page.keyboard.press('Enter');
  await expect(nav(page).getByRole('link', { name: '§ 24 Beslut om tillfällig arbetsgrupp' })).toBeVisible();
  // Focus stays on the moved item, so it can be moved again.
  await expect(page.getByRole('button', { name: 'Flytta ned § 24 Beslut om tillfällig arbetsgrupp' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(nav(page).getByRole('link', { name: '§ 25 Beslut om tillfällig arbetsgrupp' })).toBeVisible();

  await agenda.getByRole('link', { name: /§ 26 Övriga frågor/ }).dragTo(agenda.getByRole('link', { name: /§ 23 Beslut om inköp av diarie-enhet/ }), { targetPosition: { x: 5, y: 2 } });
  await expect(nav(page).getByRole('link', { name: '§ 23 Övriga frågor' })).toBeVisible();
  await expectAccessible(page, 'föredragningslistan');

  await page.getByRole('button', { name: 'Ta bort § 24 Beslut om inköp av diarie-enhet' }).click();
  await page.getByRole('button', { name: 'Ja, ta bort' }).click();
  await expect(nav(page).getByRole('link', { name: /^§ \d+ / })).toHaveText([/^§ 20 /, /^§ 21 /, /^§ 22 /, /^§ 23 Övriga/, /^§ 24 Beslut dataskydds/, /^§ 25 Beslut om tillfällig/]);
  await page.getByRole('button', { name: 'Ångra' }).click();
  await expect(nav(page).getByRole('link', { name: '§ 24 Beslut om inköp av diarie-enhet' })).toBeVisible();
});

test('search across meetings and within the meeting opens the hit in place', async ({ page, app }) => {
  await openReference(page, app.url);
  await page.getByRole('search', { name: 'Sök i protokollen' }).getByRole('searchbox').fill('NYCKELSYS');
  await page.getByRole('search', { name: 'Sök i protokollen' }).getByRole('button', { name: 'Sök' }).click();
  await expect(page.getByRole('heading', { level: 2, name: '1 träff på "NYCKELSYS"' })).toBeVisible();
  await expect(page.locator('.hits mark').first()).toHaveText(/nyckelsystem/i);
  await expectAccessible(page, 'sökresultat');
  await page.getByRole('link', { name: /§ 20 Beslut om tilldelning av ramavtal avseende Digitalt Nyckelsystem/ }).click();
  await expect(page.getByRole('heading', { level: 2, name: /^§ 20 / })).toBeVisible();
  await expect.poll(() => page.evaluate(() => CSS.highlights.has('search-hit'))).toBe(true);

  const inMeeting = page.getByRole('searchbox', { name: 'Sök i sammanträdet' });
  await inMeeting.fill('DATASKYDDSOMB');
  await expect(page.getByText('1 träff', { exact: true })).toBeVisible();
  await nav(page)
    .getByRole('search')
    .getByRole('link', { name: /§ 25 Beslut dataskyddsombud/ })
    .click();
  await expect(page.getByRole('heading', { level: 2, name: /^§ 25 / })).toBeVisible();
});

test('a § or a passage is marked confidential with its OSL provision', async ({ page, app }) => {
  await openReference(page, app.url);
  await openParagraph(page, 25);
  await page.getByLabel('Hela paragrafen omfattas av sekretess').check();
  await page.getByLabel('Sekretessbestämmelse').selectOption({ label: 'Annan bestämmelse …' });
  await page.getByLabel('Bestämmelse i OSL').fill('39 kap 3 §');
  await expect(page.getByText('Ange bestämmelsen i formen "N kap. N §"')).toBeVisible();
  await page.getByLabel('Bestämmelse i OSL').fill('39 kap. 3 a §');
  await waitSaved(page);
  await expect(page.locator('.paragraph-head').getByText('Sekretess enligt 39 kap. 3 a § OSL')).toBeVisible();

  // A passage: select the summary's first paragraph and mark it.
  const summary = page.getByRole('textbox', { name: 'Sammanfattning av ärendet' });
  await summary.locator('p').first().click();
  await summary.locator('xpath=..').getByRole('button', { name: 'Sekretess för markerat stycke' }).click();
  const dialog = page.getByRole('dialog', { name: 'Sekretess för stycket' });
  await dialog.getByLabel('Sekretessbestämmelse').selectOption('21 kap. 7 §');
  await expectAccessible(page, 'sekretessdialogen');
  await dialog.getByRole('button', { name: 'Markera som sekretess' }).click();
  await waitSaved(page);
  await expectInPreview(page, 'Sekretess enligt 21 kap. 7 § OSL');
  const exported = (await app.backend.dispatch('meetings.export', { meetingId: page.url().split('/meetings/')[1]?.split('/')[0] ?? '' })) as {
    ok: boolean;
    value: { paragraphs: { number: number; confidential?: unknown; summary?: { type: string }[] }[] };
  };
  const p25 = exported.value.paragraphs.find((p) => p.number === 25);
  expect(p25?.confidential).toEqual({ provision: '39 kap. 3 a §' });
  expect(p25?.summary?.[0]).toMatchObject({ type: 'confidential', provision: '21 kap. 7 §' });
});
