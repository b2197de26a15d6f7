// Issues 14–16 in the browser: an adjustment group's own time and place of justering on the
// justering page (the immediate group says it is adjusted at the meeting), a §'s appeal in the
// § editor and a substitute's reason for being called in out of order in the attendance table —
// each saved through the API as the secretary enters it; axe (WCAG 2.1 AA) on each.
import { createClient } from '../../core/api/client';
import { expect, expectAccessible, test } from './fixtures';
import { waitSaved } from './workspace-helpers';

test.describe.configure({ timeout: 120_000 });

test("a group's own time and place of justering", async ({ page, app }) => {
  const api = createClient((m, i) => app.backend.dispatch(m, i));
  const meetingId = (await api.call('meetings.list', {}))[0]?.id ?? '';
  await page.goto(`${app.url}#/meetings/${encodeURIComponent(meetingId)}/justering`);
  await expect(page.getByRole('heading', { level: 1, name: 'Justering – Norrbottens e-nämnd 2020-11-05' })).toBeVisible({ timeout: 30_000 });

  const immediate = page.getByRole('region', { name: 'Justeringsgrupp §§ 20-22' });
  await expect(immediate.getByText('Gruppen justeras omedelbart vid sammanträdet.')).toBeVisible();
  await expect(immediate.getByLabel('Plats', { exact: true })).toHaveCount(0);

  const ordinary = page.getByRole('region', { name: 'Justeringsgrupp §§ 23-26' });
  await expect(ordinary.getByText('Se digital signatur på sista sidan')).toBeVisible();
  await expectAccessible(page, 'justeringssidan med tid och plats');
  await ordinary.getByLabel('Datum').fill('2020-11-11');
  await ordinary.getByLabel('Tid (valfri)').fill('15:00');
  await ordinary.getByLabel('Plats', { exact: true }).fill('Stadshuset, Luleå');
  await ordinary.getByRole('button', { name: 'Spara tid och plats för justering: §§ 23-26' }).click();
  await expect(page.locator('.justering-result')).toContainText('Tid och plats för justering är sparad för §§ 23-26.');
  await expect(page.locator('.justering-result')).toBeFocused();
  await expect(page.getByRole('region', { name: 'Justeringsgrupp §§ 23-26' }).getByText('Stadshuset, Luleå, 15:00, 2020-11-11')).toBeVisible();
  const exported = await api.call('meetings.export', { meetingId });
  expect(exported.adjustmentGroups.map((g) => g.timePlace)).toEqual([undefined, { date: '2020-11-11', time: '15:00', place: 'Stadshuset, Luleå' }]);

  // Too late: refused in Swedish, with the last day; nothing changes.
  const again = page.getByRole('region', { name: 'Justeringsgrupp §§ 23-26' });
  await again.getByLabel('Datum').fill('2020-11-20');
  await again.getByRole('button', { name: 'Spara tid och plats för justering: §§ 23-26' }).click();
  await expect(again.getByText(/alltså senast 2020-11-19/)).toBeVisible();
  await expectAccessible(page, 'justeringssidan med fel');
  expect((await api.call('meetings.export', { meetingId })).adjustmentGroups[1]?.timePlace?.date).toBe('2020-11-11');
});

test("a §'s appeal and a substitute's reason for being called in out of order", async ({ page, app }) => {
  const api = createClient((m, i) => app.backend.dispatch(m, i));
  const meetingId = (await api.call('meetings.list', {}))[0]?.id ?? '';
  await page.goto(`${app.url}#/meetings/${encodeURIComponent(meetingId)}/p/24`);
  await expect(page.getByRole('heading', { level: 2, name: /§ 24/ })).toBeVisible();
  const appeal = page.getByRole('region', { name: 'Överklagande' });
  await expect(appeal.getByLabel('Hur beslutet överklagas')).toHaveValue('laglighetsprovning');
  await appeal.getByLabel('Hur beslutet överklagas').selectOption('forvaltningsbesvar');
  await expect(appeal.getByText('Ange lagrummet som överklagandet görs enligt.')).toBeVisible();
  await appeal.getByLabel('Lagrum').fill('13 kap. 3 § plan- och bygglagen (2010:900)');
  await appeal.getByLabel('Myndighet som prövar överklagandet').fill('Länsstyrelsen i Norrbottens län');
  await waitSaved(page);
  await expectAccessible(page, '§-redigeraren med överklagande');
  await expect
    .poll(async () => (await api.call('meetings.export', { meetingId })).paragraphs.find((p) => p.number === 24)?.appeal)
    .toEqual({ kind: 'forvaltningsbesvar', statute: '13 kap. 3 § plan- och bygglagen (2010:900)', authority: 'Länsstyrelsen i Norrbottens län', weeks: 3 });

  await page.goto(`${app.url}#/meetings/${encodeURIComponent(meetingId)}/narvaro`);
  const reason = page.getByLabel('Skäl för inkallelse utanför turordningen: Anders Josefsson');
  await expect(reason).toBeVisible();
  // Only serving substitutes have the field.
  await expect(page.getByLabel('Skäl för inkallelse utanför turordningen: Johan Johansson')).toHaveCount(0);
  await reason.fill('partiöverenskommelse');
  await waitSaved(page);
  await expectAccessible(page, 'närvaron med skäl för inkallelse');
  await expect.poll(async () => (await api.call('meetings.export', { meetingId })).attendance.find((a) => a.person === 'anders-josefsson')?.orderReason).toBe('partiöverenskommelse');
});
