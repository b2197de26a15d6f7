// Issue 16 (6): substitutes by keyboard only. Jäv on a § offers the next available substitute for
// just that § and records both in one step (no second attendance period by hand); a member who
// arrives late is offered the end of the service of the substitute who sat in their seat. Focus
// never falls to <body>; axe on each state.
import type { Page } from '@playwright/test';
import { createClient } from '../../core/api/client';
import type { AttendanceRow } from '../../core/app/workspace/ports';
import { expect, expectAccessible, test } from './fixtures';

test.describe.configure({ timeout: 120_000 });

async function expectFocusNotLost(page: Page): Promise<void> {
  expect(await page.evaluate(() => document.activeElement?.tagName)).not.toBe('BODY');
}

test('jäv by keyboard: the proposed substitute serves on that § only', async ({ page, app }) => {
  const api = createClient((m, i) => app.backend.dispatch(m, i));
  const meetingId = (await api.call('meetings.list', {}))[0]?.id ?? '';
  await page.goto(`${app.url}#/meetings/${encodeURIComponent(meetingId)}/p/24`);
  await expect(page.getByRole('heading', { level: 2, name: /§ 24/ })).toBeVisible();

  const person = page.getByLabel('Jävig person');
  await person.focus();
  // Type-ahead on the focused list, as a keyboard user picks a name.
  await page.keyboard.type('Lena');
  await expect(person.locator('option:checked')).toHaveText('Lena Goldkuhl');
  await expect(page.getByText('Förslag: Johan Johansson.')).toBeVisible();
  await page.keyboard.press('Tab');
  await expect(page.getByLabel('Anmärkning (valfritt)', { exact: true })).toBeFocused();
  await page.keyboard.type('Styrelseledamot hos leverantören');
  await page.keyboard.press('Tab');
  const substitute = page.getByLabel('Ersättare som går in');
  await expect(substitute).toBeFocused();
  await expect(substitute.locator('option:checked')).toHaveText('Johan Johansson');
  await page.keyboard.press('Tab');
  await expect(page.getByRole('button', { name: 'Registrera jäv' })).toBeFocused();
  await page.keyboard.press('Enter');

  // Focus goes back to the (now empty) person field, the step is announced.
  await expect(person).toBeFocused();
  await expect(page.getByRole('status').filter({ hasText: 'Jäv registrerat för Lena Goldkuhl på § 24. Johan Johansson tjänstgör i stället på § 24.' })).toHaveCount(1);
  await expect(page.getByLabel('Ersättare för Lena Goldkuhl').locator('option:checked')).toHaveText('Johan Johansson');
  await expectAccessible(page, '§ 24 med jäv och ersättare');

  // One transaction: the attendance has Johan Johansson serving for Lena Goldkuhl on § 24 only.
  const view = await api.call('workspace.meetings.get', { meetingId });
  const name = (id: string) => view.doc.people.find((p) => p.key === id)?.name;
  const serving = view.doc.attendance.filter((a) => name(a.person) === 'Johan Johansson' && a.capacity === 'substitute');
  expect(serving.map((a) => [name(a.replaces ?? ''), a.fromParagraph, a.toParagraph])).toEqual([['Lena Goldkuhl', 24, 24]]);
  await page.getByRole('navigation', { name: 'Paragrafer' }).getByRole('link', { name: 'Närvaro' }).focus();
  await page.keyboard.press('Enter');
  const perParagraph = page.getByRole('table', { name: 'Tjänstgörande per paragraf' });
  await expect(perParagraph.getByRole('row', { name: /§ 24/ })).toContainText('Johan Johansson (för Lena Goldkuhl)');
  await expect(perParagraph.getByRole('row', { name: /§ 23/ })).not.toContainText('Johan Johansson');
  await expect(perParagraph.getByRole('row', { name: /§ 25/ })).not.toContainText('Johan Johansson');
  await expect(page.getByRole('heading', { level: 2, name: 'Att rätta innan protokollet låses' })).toHaveCount(0);

  // Removing it by keyboard: the attendance goes back, focus to the person field.
  await page.goto(`${app.url}#/meetings/${encodeURIComponent(meetingId)}/p/24`);
  await page.getByRole('button', { name: 'Ta bort jävet för Lena Goldkuhl' }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByLabel('Jävig person')).toBeFocused();
  await expect(page.getByText('Ingen har anmält jäv.')).toBeVisible();
  await expectFocusNotLost(page);
});

test('a late arrival by keyboard offers ending the substitute who served until then', async ({ page, app }) => {
  const api = createClient((m, i) => app.backend.dispatch(m, i));
  const boardId = (await api.call('boards.list', {}))[0]?.id ?? '';
  const board = await api.call('workspace.boards.get', { boardId });
  const id = (name: string) => board.members.find((m) => m.name === name)?.personId ?? '';
  const { meetingId } = await api.call('workspace.meetings.create', {
    boardId,
    date: '2020-12-03',
    startTime: '09:00',
    place: 'Sessionssalen',
    secretaryId: id('Anders Lundkvist'),
    chairId: id('Anders Lundkvist'),
    firstNumber: 40,
  });
  for (const title of ['Val av justerare', 'Budget 2021', 'Taxor 2021', 'Övriga frågor']) await api.call('workspace.agenda.add', { meetingId, title });
  // Everyone but Maud Lundbäck, whose seat Anders Josefsson takes.
  const rows: AttendanceRow[] = board.members
    .filter((m) => m.role !== 'ersattare' && m.name !== 'Maud Lundbäck')
    .map((m) => ({ personId: m.personId, capacity: 'member', replacesPersonId: null, fromParagraph: null, toParagraph: null, note: null }));
  rows.push({ personId: id('Anders Josefsson'), capacity: 'substitute', replacesPersonId: id('Maud Lundbäck'), fromParagraph: null, toParagraph: null, note: null });
  await api.call('workspace.attendance.set', { meetingId, rows });

  await page.goto(`${app.url}#/meetings/${encodeURIComponent(meetingId)}/narvaro`);
  // Maud Lundbäck arrives at § 42.
  const maud = page.getByLabel('Närvarande: Maud Lundbäck');
  await maud.focus();
  await page.keyboard.press('Space');
  await expect(maud).toBeChecked();
  await page.getByLabel('Från paragraf: Maud Lundbäck').focus();
  // "Från början", § 40, § 41, § 42: three steps down.
  for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowDown');
  await expect(page.getByLabel('Från paragraf: Maud Lundbäck')).toHaveValue('42');

  const offer = page.getByRole('region', { name: 'Ankomst under sammanträdet' });
  await expect(offer).toContainText('Maud Lundbäck kom till § 42, men Anders Josefsson står fortfarande som tjänstgörande ersättare för Maud Lundbäck där.');
  await expectAccessible(page, 'närvaron med en sen ankomst');
  const end = offer.getByRole('button', { name: 'Anders Josefsson tjänstgör till och med § 41' });
  await end.focus();
  await page.keyboard.press('Enter');

  await expect(page.getByRole('heading', { level: 2, name: 'Närvaro' })).toBeFocused();
  await expect(offer).toHaveCount(0);
  await expect(page.getByRole('heading', { level: 2, name: 'Att rätta innan protokollet låses' })).toHaveCount(0);
  await expect(page.getByLabel('Till paragraf: Anders Josefsson').first()).toHaveValue('41');
  await expect(page.getByLabel('Deltar som: Anders Josefsson').nth(1)).toHaveValue('present');
  await expect(page.getByLabel('Från paragraf: Anders Josefsson').nth(1)).toHaveValue('42');
  const perParagraph = page.getByRole('table', { name: 'Tjänstgörande per paragraf' });
  await expect(perParagraph.getByRole('row', { name: /§ 41/ })).toContainText('Anders Josefsson (för Maud Lundbäck)');
  await expect(perParagraph.getByRole('row', { name: /§ 42/ })).toContainText('Maud Lundbäck');
  await expect(perParagraph.getByRole('row', { name: /§ 42/ })).not.toContainText('Anders Josefsson');
  await expect(perParagraph).not.toContainText('Kan inte avgöras');
  await expectAccessible(page, 'närvaron efter ankomsten');

  // Saved as shown.
  await expect(page.getByText('Alla ändringar sparade')).toBeVisible();
  const view = await api.call('workspace.meetings.get', { meetingId });
  const josefsson = view.doc.attendance.filter((a) => a.person === id('Anders Josefsson')).map((a) => [a.capacity, a.fromParagraph ?? null, a.toParagraph ?? null]);
  expect(josefsson).toEqual([
    ['substitute', null, 41],
    ['present', 42, null],
  ]);
});

// A member leaving early: the seat is offered to the substitute the order calls in (here Henrik
// Blind's personal substitute, Robert Bernhardsson), from the next § on; Ångra takes it back.
test('a member leaving early by keyboard offers the next substitute from the next §, and Ångra restores it', async ({ page, app }) => {
  const api = createClient((m, i) => app.backend.dispatch(m, i));
  const boardId = (await api.call('boards.list', {}))[0]?.id ?? '';
  const board = await api.call('workspace.boards.get', { boardId });
  const id = (name: string) => board.members.find((m) => m.name === name)?.personId ?? '';
  const { meetingId } = await api.call('workspace.meetings.create', {
    boardId,
    date: '2020-12-03',
    startTime: '09:00',
    place: 'Sessionssalen',
    secretaryId: id('Anders Lundkvist'),
    chairId: id('Anders Lundkvist'),
    firstNumber: 40,
  });
  for (const title of ['Val av justerare', 'Budget 2021', 'Taxor 2021', 'Övriga frågor']) await api.call('workspace.agenda.add', { meetingId, title });
  const rows: AttendanceRow[] = board.members
    .filter((m) => m.role !== 'ersattare')
    .map((m) => ({ personId: m.personId, capacity: 'member', replacesPersonId: null, fromParagraph: null, toParagraph: null, note: null }));
  rows.push({ personId: id('Robert Bernhardsson'), capacity: 'present', replacesPersonId: null, fromParagraph: null, toParagraph: null, note: null });
  await api.call('workspace.attendance.set', { meetingId, rows });

  await page.goto(`${app.url}#/meetings/${encodeURIComponent(meetingId)}/narvaro`);
  // Henrik Blind leaves after § 41.
  const to = page.getByLabel('Till paragraf: Henrik Blind');
  await to.focus();
  // "Till slutet", § 40, § 41: two steps down.
  for (let i = 0; i < 2; i++) await page.keyboard.press('ArrowDown');
  await expect(to).toHaveValue('41');

  const offer = page.getByRole('region', { name: 'Lämnar under sammanträdet' });
  await expect(offer).toContainText('Henrik Blind lämnade sammanträdet efter § 41, och platsen för Henrik Blind står tom från § 42 fast Robert Bernhardsson är närvarande.');
  await expectAccessible(page, 'närvaron när en ledamot lämnat');
  const serve = offer.getByRole('button', { name: 'Låt Robert Bernhardsson tjänstgöra från § 42' });
  await serve.focus();
  await page.keyboard.press('Enter');

  await expect(page.getByRole('heading', { level: 2, name: 'Närvaro' })).toBeFocused();
  await expectFocusNotLost(page);
  await expect(offer).toHaveCount(0);
  const perParagraph = page.getByRole('table', { name: 'Tjänstgörande per paragraf' });
  await expect(perParagraph.getByRole('row', { name: /§ 41/ })).toContainText('Henrik Blind');
  await expect(perParagraph.getByRole('row', { name: /§ 41/ })).not.toContainText('Robert Bernhardsson');
  await expect(perParagraph.getByRole('row', { name: /§ 42/ })).toContainText('Robert Bernhardsson (för Henrik Blind)');
  await expect(perParagraph.getByRole('row', { name: /§ 43/ })).toContainText('Robert Bernhardsson (för Henrik Blind)');
  await expect(page.getByLabel('Deltar som: Robert Bernhardsson').nth(1)).toHaveValue(`sub:${id('Henrik Blind')}`);
  await expect(page.getByLabel('Från paragraf: Robert Bernhardsson').nth(1)).toHaveValue('42');
  await expectAccessible(page, 'närvaron efter att ersättaren gått in');
  const stored = (await api.call('workspace.meetings.get', { meetingId })).doc.attendance
    .filter((a) => a.person === id('Robert Bernhardsson'))
    .map((a) => [a.capacity, a.fromParagraph ?? null, a.toParagraph ?? null]);
  expect(stored).toEqual([
    ['present', null, 41],
    ['substitute', 42, null],
  ]);

  // Ångra by keyboard: the substitute is present, not serving, again; the offer is back.
  const undo = page.getByRole('button', { name: 'Ångra', exact: true });
  await undo.focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('region', { name: 'Lämnar under sammanträdet' })).toBeVisible();
  await expect(page.getByRole('table', { name: 'Tjänstgörande per paragraf' }).getByRole('row', { name: /§ 42/ })).not.toContainText('Robert Bernhardsson');
  await expectAccessible(page, 'närvaron efter Ångra');
});
