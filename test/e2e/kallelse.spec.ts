// The meeting page's Kallelse section and the member's e-mail address, by keyboard, with axe:
// recipients without an address are listed as such, a late sending is refused until confirmed
// (the deadline by the board's rule is shown), the .eml is downloaded in the browser (the
// desktop app opens it in the mail program instead), and the record "Kallelse skickad … till N
// mottagare" appears.
import { readFileSync } from 'node:fs';
import { expect, expectAccessible, test } from './fixtures';
import { createClient } from '../../core/api/client';

test.describe.configure({ timeout: 120_000 });

test('kallelse: e-mail addresses, the deadline, a confirmed late sending and the record', async ({ page, app }) => {
  const api = createClient((m, i) => app.backend.dispatch(m, i));
  const boardId = (await api.call('boards.list', {}))[0]?.id ?? '';
  const board = await api.call('workspace.boards.get', { boardId });
  const person = (name: string) => board.members.find((m) => m.name === name)?.personId ?? '';
  const { meetingId } = await api.call('workspace.meetings.create', {
    boardId,
    date: '2020-12-03',
    startTime: '09:00',
    place: 'Sessionssalen',
    secretaryId: person('Anders Lundkvist'),
    chairId: person('Anders Lundkvist'),
    firstNumber: 40,
  });
  for (const title of ['Val av justerare', 'Budget 2021']) await api.call('workspace.agenda.add', { meetingId, title });
  await api.call('people.setEmail', { personId: person('Sara Lundberg'), email: 'sara.lundberg@kommun.se' });

  // The member's address is edited on the board page; a wrong one is refused with the reason.
  await page.goto(`${app.url}#/boards/${encodeURIComponent(boardId)}`);
  await page.getByRole('button', { name: 'Ändra Maud Lundbäck' }).focus();
  await page.keyboard.press('Enter');
  const edit = page.getByRole('dialog', { name: /Maud Lundbäck/ });
  const email = edit.getByRole('textbox', { name: 'E-postadress' });
  await email.fill('Maud <maud@kommun.se>');
  await email.press('Enter');
  await expect(edit.getByRole('alert')).toContainText('Skriv e-postadressen som namn@exempel.se');
  await email.fill('maud.lundback@kommun.se');
  await email.press('Enter');
  await expect(edit).toBeHidden();

  await page.goto(`${app.url}#/meetings/${encodeURIComponent(meetingId)}`);
  const section = page.getByRole('region', { name: 'Kallelse' });
  await expect(section.getByText('Kallelsen har inte skickats ännu.')).toBeVisible();
  await expect(section.getByText('Enligt nämndens regler ska kallelsen skickas senast 7 dagar före sammanträdet, dvs. senast 2020-11-26.')).toBeVisible();
  await expect(section.getByText('Sista dagen att skicka kallelsen i tid var 2020-11-26.', { exact: false })).toBeVisible();
  const table = section.getByRole('table', { name: 'Ledamöter och ersättare som kallas' });
  await expect(table.getByRole('row', { name: /Maud Lundbäck/ })).toContainText('maud.lundback@kommun.se');
  await expect(table.getByRole('row', { name: /Isak Utsi/ })).toContainText('saknar e-postadress');
  await expectAccessible(page, 'sammanträdets kallelse', '[aria-labelledby="kallelse-heading"]');

  // From the keyboard: the sender, then send without confirming the late sending.
  const from = section.getByRole('textbox', { name: 'Avsändarens e-postadress' });
  await from.focus();
  await page.keyboard.type('namnd@kommun.se');
  const send = section.getByRole('button', { name: 'Skicka kallelsen' });
  await send.focus();
  await page.keyboard.press('Enter');
  await expect(section.getByRole('alert')).toContainText('Kallelsen skickas för sent: enligt nämndens regler ska den skickas senast 7 dagar före sammanträdet, dvs. senast 2020-11-26.');
  await expect(section.getByText('Kallelsen har inte skickats ännu.')).toBeVisible();
  await section.getByRole('checkbox', { name: 'Jag vet att kallelsen skickas för sent och vill skicka den ändå.' }).focus();
  await page.keyboard.press('Space');
  await send.focus();
  await page.keyboard.press('Enter');
  const done = section.getByRole('status').filter({ hasText: /2 meddelanden är skrivna/ });
  await expect(done).toBeVisible({ timeout: 30_000 });
  await expect(done).toBeFocused();
  await expect(section.getByText(/^Kallelse skickad \d{4}-\d\d-\d\d kl\. \d\d\.\d\d till 2 mottagare \(för sent: sista dag var 2020-11-26\)$/)).toBeVisible();

  // Each message opens (here: downloads) as an .eml with the PDF attached.
  const download = page.waitForEvent('download');
  await section.getByRole('button', { name: 'Öppna meddelandet till maud.lundback@kommun.se i e-postprogrammet' }).focus();
  await page.keyboard.press('Enter');
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/^Kallelse 2020-12-03 \d\d Maud Lundbäck\.eml$/);
  const eml = readFileSync(await file.path(), 'latin1');
  expect(eml).toMatch(/^Date: /);
  expect(eml).toContain('\r\nContent-Type: application/pdf;');
  expect(eml).toContain('\r\nX-Unsent: 1\r\n');
  await expect(section.getByText(/Meddelandet Kallelse 2020-12-03 \d\d Maud Lundbäck\.eml är nedladdat/)).toBeVisible();
  await expectAccessible(page, 'sammanträdets kallelse efter utskicket', '[aria-labelledby="kallelse-heading"]');
});
