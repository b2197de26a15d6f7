// Who chairs a § the meeting's chair does not serve on (core/domain/chair.ts), in the § editor by
// keyboard: the vice chair is shown where the chair has jäv; where no vice chair serves the editor
// asks, the secretary picks a serving member (saved through workspace.paragraphs.update, Ångra
// undoes it). And after a departure the secretary may call in any free substitute, not only the
// proposed one. axe on each state.
import { createClient } from '../../core/api/client';
import { socialnamnd } from '../fixtures/meetings/socialnamnd';
import { expect, expectAccessible, test } from './fixtures';

test.describe.configure({ timeout: 120_000 });

/** The social services board: Karin Ek (chair) has jäv on §§ 33 and 35, Per Olsson (vice) on § 35 too; § 33's vote left out. */
function chairJav() {
  const raw = socialnamnd();
  raw.meeting.justerare = ['lars-lind'];
  const p33 = raw.paragraphs[2]!;
  p33.jav = [{ person: 'karin-ek' }];
  p33.motions = [{ by: 'anna-berg', text: 'bifall till förvaltningens förslag' }];
  p33.votes = [];
  p33.reservations = [];
  raw.paragraphs[4]!.jav = [{ person: 'karin-ek' }, { person: 'per-olsson' }];
  return raw;
}

test('the § editor shows who chairs a § the chair has jäv on, and the secretary picks one where no vice chair serves', async ({ page, emptyApp }) => {
  const api = createClient((m, i) => emptyApp.backend.dispatch(m, i));
  const { meetingId } = await api.call('meetings.import', { document: chairJav() });
  const ws = await api.call('workspace.meetings.get', { meetingId });
  const id = (name: string) => ws.doc.people.find((p) => p.name === name)!.key;
  const chairOf = async (n: number) => (await api.call('workspace.meetings.get', { meetingId })).doc.paragraphs.find((p) => p.number === n)!.chair;

  // § 31: the chair serves and leads; nothing to show.
  await page.goto(`${emptyApp.url}#/meetings/${encodeURIComponent(meetingId)}/p/31`);
  await expect(page.getByRole('heading', { level: 2, name: /§ 31/ })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Ordförande under paragrafen' })).toHaveCount(0);

  // § 33: Karin Ek has jäv, Per Olsson (vice ordförande) leads.
  await page.goto(`${emptyApp.url}#/meetings/${encodeURIComponent(meetingId)}/p/33`);
  const region33 = page.getByRole('region', { name: 'Ordförande under paragrafen' });
  await expect(region33).toContainText('Karin Ek (ordförande) har anmält jäv på § 33.');
  await expect(region33).toContainText('Per Olsson leder paragrafen (vice ordförande).');
  await expect(region33.getByLabel('Ordförande under § 33').locator('option:checked')).toHaveText('Förslaget: Per Olsson (vice ordförande)');
  await expectAccessible(page, 'paragrafen där ordföranden har jäv');

  // § 35: neither chair nor vice chair serves; the editor asks.
  await page.goto(`${emptyApp.url}#/meetings/${encodeURIComponent(meetingId)}/p/35`);
  const region = page.getByRole('region', { name: 'Ordförande under paragrafen' });
  await expect(region).toContainText('Varken vice ordföranden eller andre vice ordföranden tjänstgör på § 35. Välj vem som var ordförande under paragrafen.');
  await expectAccessible(page, 'paragrafen utan ordförande');
  const select = region.getByLabel('Ordförande under § 35');
  await select.focus();
  await page.keyboard.type('Lars');
  await expect(select.locator('option:checked')).toHaveText('Lars Lind');
  await expect(region).toContainText('Lars Lind leder paragrafen (vald för paragrafen).');
  await expect(select).toBeFocused();
  await expect(region.getByRole('status')).toHaveText('Lars Lind är ordförande under § 35.');
  await expect.poll(() => chairOf(35)).toBe(id('Lars Lind'));
  await expectAccessible(page, 'paragrafen med vald ordförande');

  // Ångra by keyboard: the choice is gone, the question is back.
  const undo = page.getByRole('button', { name: 'Ångra', exact: true });
  await undo.focus();
  await page.keyboard.press('Enter');
  await expect.poll(() => chairOf(35)).toBeUndefined();
  await expect(region).toContainText('Varken vice ordföranden eller andre vice ordföranden tjänstgör på § 35.');
  await expect(region.getByLabel('Ordförande under § 35').locator('option:checked')).toHaveText('Välj en tjänstgörande ledamot');
  await expectAccessible(page, 'paragrafen efter Ångra');
});

test('after a departure the secretary calls in another free substitute than the proposed one, by keyboard', async ({ page, emptyApp }) => {
  const api = createClient((m, i) => emptyApp.backend.dispatch(m, i));
  const raw = socialnamnd();
  raw.attendance[3] = { person: 'lars-lind', capacity: 'member', toParagraph: 32 };
  raw.meeting.justerare = ['per-olsson'];
  raw.paragraphs[2]!.votes = [];
  raw.paragraphs[2]!.reservations = [];
  const { meetingId } = await api.call('meetings.import', { document: raw });
  const ws = await api.call('workspace.meetings.get', { meetingId });
  const id = (name: string) => ws.doc.people.find((p) => p.name === name)!.key;

  await page.goto(`${emptyApp.url}#/meetings/${encodeURIComponent(meetingId)}/narvaro`);
  const offer = page.getByRole('region', { name: 'Lämnar under sammanträdet' });
  await expect(offer).toContainText('Lars Lind lämnade sammanträdet efter § 32, och platsen för Lars Lind står tom från § 33 fast Olle Dahl är närvarande.');
  const choose = offer.getByLabel('Ersättare för Lars Lind från § 33');
  await expect(choose.locator('option:checked')).toHaveText('Olle Dahl (förslag enligt turordningen)');
  await expectAccessible(page, 'närvaron med två lediga ersättare');
  await choose.focus();
  await page.keyboard.type('Nina');
  await expect(choose.locator('option:checked')).toHaveText('Nina Lund');
  await page.keyboard.press('Tab');
  const serve = offer.getByRole('button', { name: 'Låt Nina Lund tjänstgöra från § 33' });
  await expect(serve).toBeFocused();
  await page.keyboard.press('Enter');

  await expect(page.getByRole('heading', { level: 2, name: 'Närvaro' })).toBeFocused();
  await expect(offer).toHaveCount(0);
  const perParagraph = page.getByRole('table', { name: 'Tjänstgörande per paragraf' });
  await expect(perParagraph.getByRole('row', { name: /§ 33/ })).toContainText('Nina Lund (för Lars Lind)');
  await expect(perParagraph.getByRole('row', { name: /§ 33/ })).not.toContainText('Olle Dahl');
  const stored = (await api.call('workspace.meetings.get', { meetingId })).doc.attendance.filter((a) => a.person === id('Nina Lund') && a.capacity === 'substitute');
  expect(stored.map((a) => [a.replaces, a.fromParagraph ?? null, a.toParagraph ?? null])).toContainEqual([id('Lars Lind'), 33, null]);
  await expectAccessible(page, 'närvaron efter att Nina Lund gått in');
});
