// Attendance by keyboard in a new meeting of the reference board: focus never falls to <body>
// after "Börja med alla", ticking a checkbox or "Använd förslaget"; quorum is never reported as met
// on a § where the attendance contradicts itself; "Ny period" starts after the previous one; axe.
import { expect, expectAccessible, test } from './fixtures';
import { createClient } from '../../core/api/client';

test.describe.configure({ timeout: 120_000 });

test('attendance by keyboard keeps focus, and conflicts never count as a quorum', async ({ page, app }) => {
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
  for (const title of ['Val av justerare', 'Budget 2021', 'Övriga frågor']) await api.call('workspace.agenda.add', { meetingId, title });

  await page.goto(`${app.url}#/meetings/${encodeURIComponent(meetingId)}/narvaro`);
  const start = page.getByRole('button', { name: 'Börja med alla ledamöter närvarande' });
  await start.focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 2, name: 'Närvaro' })).toBeFocused();

  // Maud Lundbäck is absent, Anders Josefsson (substitute) present: the checkboxes keep focus.
  const maud = page.getByLabel('Närvarande: Maud Lundbäck');
  await maud.focus();
  await page.keyboard.press('Space');
  await expect(maud).not.toBeChecked();
  await expect(maud).toBeFocused();
  const anders = page.getByLabel('Närvarande: Anders Josefsson');
  await anders.focus();
  await page.keyboard.press('Space');
  await expect(anders).toBeChecked();
  await expect(anders).toBeFocused();
  await page.keyboard.press('Space');
  await expect(anders).not.toBeChecked();
  await expect(anders).toBeFocused();
  await page.keyboard.press('Space');

  await expect(page.getByText('Anders Josefsson tjänstgör för Maud Lundbäck')).toBeVisible();
  await page.getByRole('button', { name: 'Använd förslaget' }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByLabel('Deltar som: Anders Josefsson')).toHaveValue(/^sub:.+/);
  await expect(page.getByRole('heading', { level: 2, name: 'Närvaro' })).toBeFocused();
  const serving = page.getByRole('table', { name: 'Tjänstgörande per paragraf' });
  await expect(serving.getByRole('row', { name: /§ 40/ })).toContainText('beslutför');
  await expectAccessible(page, 'närvaron med förslaget använt');

  // A conflict: Anders Josefsson also in the seat of the chair, who serves. Never "beslutför" then.
  await page.getByLabel('Deltar som: Anders Josefsson').selectOption({ label: 'Tjänstgör för Anders Lundkvist' });
  await expect(page.getByRole('heading', { level: 2, name: 'Att rätta innan protokollet låses' })).toBeVisible();
  await expect(serving.getByRole('row', { name: /§ 40/ })).toContainText('Kan inte avgöras');
  await expect(serving).not.toContainText('beslutför');
  await expectAccessible(page, 'närvaro med konflikt');

  // "Ny period" for the chair: it starts after the first period, which ends one § earlier.
  await page.getByLabel('Deltar som: Anders Josefsson').selectOption({ label: 'Tjänstgör för Maud Lundbäck' });
  await page.getByRole('button', { name: 'Ny närvaroperiod för Anders Lundkvist' }).click();
  await expect(page.getByLabel('Till paragraf: Anders Lundkvist').first()).toHaveValue('41');
  await expect(page.getByLabel('Från paragraf: Anders Lundkvist').nth(1)).toHaveValue('42');
  await expect(page.getByRole('heading', { level: 2, name: 'Att rätta innan protokollet låses' })).toHaveCount(0);
});
