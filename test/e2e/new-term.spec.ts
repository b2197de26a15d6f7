// A meeting after every member's term of office has ended (the first meeting of a new term,
// planned before the new members are entered): the attendance page used to say "Nämnden har inga
// ledamöter" although the board has twelve, and the kallelse showed an empty list of recipients
// without a word. Both now say that nobody holds a mandate on the meeting day and what to do.
// Found walking a new board (Kultur- och fritidsnämnden) from an empty database; axe on both screens.
import { createClient } from '../../core/api/client';
import { expect, expectAccessible, test } from './fixtures';

test.describe.configure({ timeout: 120_000 });

test('a meeting after every mandate has ended says so on the attendance page and at the kallelse', async ({ page, emptyApp }) => {
  const api = createClient((m, i) => emptyApp.backend.dispatch(m, i));
  const { organisationId } = await api.call('workspace.organisations.create', { name: 'Vindelns kommun', kind: 'kommun' });
  const { boardId } = await api.call('workspace.boards.create', { organisationId, name: 'Kultur- och fritidsnämnden', kind: 'namnd', seats: 5, storagePlace: 'Kommunkansliet' });
  const term = { termStart: '2023-01-01', termEnd: '2026-12-31' };
  const { personId: chair } = await api.call('workspace.members.add', { boardId, name: 'Margareta Öhman', role: 'ordforande', party: 'S', ...term });
  for (const name of ['Björn Ekström', 'Åsa Lindqvist', 'Per-Olof Sjödin', 'Fatima Haddad']) await api.call('workspace.members.add', { boardId, name, role: 'ledamot', party: 'C', ...term });
  await api.call('workspace.members.add', { boardId, name: 'Karin Åberg', role: 'ersattare', party: 'S', substituteOrder: 1, ...term });
  const { meetingId } = await api.call('workspace.meetings.create', { boardId, date: '2027-01-14', startTime: '13:00', place: 'Kommunhuset', secretaryId: chair, chairId: chair, firstNumber: 1 });

  const origin = new URL(emptyApp.url).origin;
  await page.goto(emptyApp.url);
  await page.goto(`${origin}/#/meetings/${encodeURIComponent(meetingId)}/narvaro`);
  await expect(page.getByRole('heading', { level: 2, name: 'Närvaro' })).toBeVisible();
  await expect(page.getByText('Ingen av nämndens ledamöter eller ersättare har mandat på sammanträdesdagen 2027-01-14. Lägg till dem, eller rätta mandatperioderna, på nämndens sida.')).toBeVisible();
  await expect(page.getByText('Nämnden har inga ledamöter')).toHaveCount(0);
  await expectAccessible(page, 'närvaro utan mandat på sammanträdesdagen');

  await page.goto(`${origin}/#/meetings/${encodeURIComponent(meetingId)}`);
  const kallelse = page.getByRole('region', { name: 'Kallelse' });
  await expect(kallelse.getByText('Ingen av nämndens ledamöter eller ersättare har mandat på sammanträdesdagen, så kallelsen når ingen.', { exact: false })).toBeVisible();
  await expect(kallelse.getByRole('table')).toHaveCount(0);
  await expectAccessible(page, 'kallelse utan mottagare');
});
