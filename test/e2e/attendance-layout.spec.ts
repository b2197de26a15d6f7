// Issue 16 (5): the attendance editor fits its column without sideways scrolling at 1280 and
// 1400 px with the preview open — on the reference meeting and on a 9-seat board whose long-named
// members are replaced by substitutes, one for part of the meeting. Measured, not looked at: no
// table wider than its box, the editor column and the page never scroll sideways, and every
// control of a row stays inside the column.
import type { Page } from '@playwright/test';
import { createClient, type ApiClient } from '../../core/api/client';
import { expect, expectAccessible, test } from './fixtures';

test.describe.configure({ timeout: 120_000 });

interface Overflow {
  what: string;
  scrollWidth: number;
  clientWidth: number;
}

/** Every box in the editor column that is wider inside than it shows, and the page itself. */
async function overflows(page: Page): Promise<Overflow[]> {
  return page.evaluate(() => {
    const out: { what: string; scrollWidth: number; clientWidth: number }[] = [];
    const main = document.querySelector('.workspace-main');
    if (main === null) return [{ what: 'no .workspace-main', scrollWidth: 0, clientWidth: 0 }];
    const boxes = [document.documentElement, main, ...main.querySelectorAll('.table-scroll, .card')];
    for (const el of boxes) {
      if (el.scrollWidth > el.clientWidth) out.push({ what: `${el.tagName.toLowerCase()}.${el.className}`, scrollWidth: el.scrollWidth, clientWidth: el.clientWidth });
    }
    // A control pushed out of the column (overflow: visible would hide it from scrollWidth).
    const right = main.getBoundingClientRect().right + 0.5;
    for (const c of main.querySelectorAll('table select, table input, table button')) {
      const r = c.getBoundingClientRect();
      if (r.right > right) out.push({ what: `${c.tagName.toLowerCase()}[aria-label="${c.getAttribute('aria-label') ?? ''}"]`, scrollWidth: Math.round(r.right), clientWidth: Math.round(right) });
    }
    return out;
  });
}

async function expectFits(page: Page, url: string): Promise<void> {
  for (const width of [1280, 1400]) {
    await page.setViewportSize({ width, height: 900 });
    await page.goto(url);
    await expect(page.getByRole('heading', { level: 2, name: 'Närvaro' })).toBeVisible();
    // The preview is open beside the editor.
    await expect(page.getByRole('button', { name: 'Förhandsgranskning' })).toHaveAttribute('aria-pressed', 'true');
    await expect(page.getByRole('complementary', { name: 'Förhandsgranskning' })).toBeVisible();
    await expect(page.locator('table.attendance-edit').first()).toBeVisible();
    expect(await overflows(page), `vid ${width} px`).toEqual([]);
  }
  // With the preview closed the column is wide enough for the full table: it must fit too.
  await page.getByRole('button', { name: 'Förhandsgranskning' }).click();
  await expect(page.getByRole('button', { name: 'Förhandsgranskning' })).toHaveAttribute('aria-pressed', 'false');
  await expect(page.getByRole('complementary', { name: 'Förhandsgranskning' })).toHaveCount(0);
  expect(await overflows(page), 'vid 1400 px utan förhandsgranskning').toEqual([]);
  await page.getByRole('button', { name: 'Förhandsgranskning' }).click();
}

test('the reference meeting’s attendance fits at 1280 and 1400 px with the preview open', async ({ page, app }) => {
  const api = createClient((m, i) => app.backend.dispatch(m, i));
  const meetingId = (await api.call('meetings.list', {}))[0]?.id ?? '';
  await expectFits(page, `${app.url}#/meetings/${encodeURIComponent(meetingId)}/narvaro`);
  await expectAccessible(page, 'närvaron vid 1400 px');
  // The overview's read-only närvarolista too.
  await page.goto(`${app.url}#/meetings/${encodeURIComponent(meetingId)}`);
  await expect(page.getByRole('table', { name: 'Tjänstgörande ledamöter' })).toBeVisible();
  expect(await overflows(page)).toEqual([]);
});

/** A 9-seat board with long names, 4 substitutes in order, a meeting of 12 §§ where two members are replaced (one arrives at § 5). */
async function nineSeatMeeting(api: ApiClient): Promise<string> {
  const { organisationId } = await api.call('workspace.organisations.create', { name: 'Övertorneå och Haparanda gemensamma kommunalförbund', kind: 'kommunalforbund' });
  const { boardId } = await api.call('workspace.boards.create', { organisationId, name: 'Gemensamma överförmyndarnämnden', kind: 'namnd', seats: 9, storagePlace: 'Kommunkansliet' });
  const term = { termStart: '2023-01-01', termEnd: '2026-12-31' };
  const members = [
    ['Anna-Karin Wikström-Söderholm', 'ordforande', 'S'],
    ['Carl-Johan Henriksson Lindqvist', 'vice_ordforande', 'M'],
    ['Margareta Kristoffersson-Öberg', 'andre_vice_ordforande', 'C'],
    ['Per-Olof Blomqvist', 'ledamot', 'S'],
    ['Eva-Britt Johansson Nyström', 'ledamot', 'V'],
    ['Mohammed Al-Rashid Abdullahi', 'ledamot', 'KD'],
    ['Ann-Sofie Lindgren Karlsson', 'ledamot', 'SD'],
    ['Lars-Gunnar Pettersson', 'ledamot', 'L'],
    ['Kristina Häggström-Nordmark', 'ledamot', 'MP'],
  ] as const;
  const ids = new Map<string, string>();
  for (const [name, role, party] of members) {
    const r = await api.call('workspace.members.add', { boardId, name, role, party, represents: 'Övertorneå kommun, Haparanda stad', ...term });
    ids.set(name, r.personId);
  }
  const subs = ['Gun-Britt Mäkitalo Isaksson', 'Jan-Erik Raattamaa Lantto', 'Birgitta Vuolab Sjöström', 'Hans-Åke Lundbäck Keskitalo'];
  for (const [i, name] of subs.entries()) {
    const r = await api.call('workspace.members.add', { boardId, name, role: 'ersattare', party: i % 2 === 0 ? 'S' : 'M', substituteOrder: i + 1, ...term });
    ids.set(name, r.personId);
  }
  const id = (name: string) => ids.get(name) ?? '';
  const chair = id('Anna-Karin Wikström-Söderholm');
  const { meetingId, firstNumber } = await api.call('workspace.meetings.create', {
    boardId,
    date: '2024-03-14',
    startTime: '13:00',
    place: 'Kommunhuset, Haparanda',
    secretaryId: chair,
    chairId: chair,
    firstNumber: 1,
  });
  for (let n = 0; n < 12; n++) await api.call('workspace.agenda.add', { meetingId, title: `Ärende ${n + 1} om förordnande av god man enligt föräldrabalken` });
  const row = (personId: string, capacity: 'member' | 'substitute' | 'present', extra: { replacesPersonId?: string; fromParagraph?: number; toParagraph?: number; note?: string } = {}) => ({
    personId,
    capacity,
    replacesPersonId: extra.replacesPersonId ?? null,
    fromParagraph: extra.fromParagraph ?? null,
    toParagraph: extra.toParagraph ?? null,
    note: extra.note ?? null,
  });
  const absent = 'Per-Olof Blomqvist';
  const late = 'Mohammed Al-Rashid Abdullahi';
  const rows = [
    ...members.filter(([n]) => n !== absent && n !== late).map(([n]) => row(id(n), 'member')),
    row(id(late), 'member', { fromParagraph: firstNumber + 4, note: 'Anlände under sammanträdet' }),
    row(id(subs[0] ?? ''), 'substitute', { replacesPersonId: id(absent), note: 'Tjänstgör hela sammanträdet' }),
    row(id(subs[1] ?? ''), 'substitute', { replacesPersonId: id(late), toParagraph: firstNumber + 3 }),
    row(id(subs[1] ?? ''), 'present', { fromParagraph: firstNumber + 4 }),
    row(id(subs[2] ?? ''), 'present'),
  ];
  await api.call('workspace.attendance.set', { meetingId, rows });
  return meetingId;
}

test('a 9-seat meeting with substitutes and periods fits at 1280 and 1400 px with the preview open', async ({ page, emptyApp }) => {
  const api = createClient((m, i) => emptyApp.backend.dispatch(m, i));
  const meetingId = await nineSeatMeeting(api);
  await expectFits(page, `${emptyApp.url}#/meetings/${encodeURIComponent(meetingId)}/narvaro`);
  // The second period and the substitutes' rows are there, each control named.
  await expect(page.getByLabel('Deltar som: Jan-Erik Raattamaa Lantto')).toHaveCount(2);
  await expect(page.getByLabel('Anmärkning: Gun-Britt Mäkitalo Isaksson')).toHaveValue('Tjänstgör hela sammanträdet');
  await expectAccessible(page, 'närvaron i en nämnd med 9 platser');
});
