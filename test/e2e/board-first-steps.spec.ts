// Issue 16 (10): a new board's page, as a secretary meets it from an empty database. Before there
// are members it offers no "Nytt sammanträde" and says why; a second substitute with order "Nr 2"
// is refused in Swedish (nothing is added); once a member exists the new meeting form is there.
// No console error or failed request (the app icon) on the way; axe on each state.
import { createClient } from '../../core/api/client';
import { expect, expectAccessible, test } from './fixtures';

test.describe.configure({ timeout: 120_000 });

test('a new board: no meeting before members, duplicate substitute order refused', async ({ page, emptyApp }) => {
  const problems: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(m.text());
  });
  page.on('response', (r) => {
    if (r.status() >= 400) problems.push(`${r.status()} ${r.url()}`);
  });
  const api = createClient((m, i) => emptyApp.backend.dispatch(m, i));
  const { organisationId } = await api.call('workspace.organisations.create', { name: 'Kalix kommun', kind: 'kommun' });
  const { boardId } = await api.call('workspace.boards.create', { organisationId, name: 'Socialnämnden', kind: 'namnd', seats: 7, storagePlace: 'Kommunkansliet' });

  await page.goto(emptyApp.url);
  await page.goto(`${new URL(emptyApp.url).origin}/#/boards/${encodeURIComponent(boardId)}`);
  await expect(page.getByRole('heading', { level: 1, name: /Socialnämnden/ })).toBeVisible();
  const meetings = page.getByRole('region', { name: 'Sammanträden' });
  await expect(page.getByText('Lägg först till nämndens ledamöter (ovan, för hand eller från en CSV-fil). Sedan kan du skapa sammanträden.')).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Nytt sammanträde' })).toHaveCount(0);
  await expect(meetings.getByRole('button')).toHaveCount(0);
  await expectAccessible(page, 'ny nämnd utan ledamöter');

  const form = page.getByRole('form', { name: 'Lägg till ledamot eller ersättare' });
  const add = async (name: string, role: string, order?: string) => {
    await form.getByLabel('Namn', { exact: true }).fill(name);
    await form.getByLabel('Roll', { exact: true }).selectOption({ label: role });
    await form.getByLabel('Mandat från').fill('2023-01-01');
    await form.getByLabel('Mandat till').fill('2026-12-31');
    if (order !== undefined) await form.getByLabel('Ersättarordning (valfritt)').fill(order);
    await form.getByRole('button', { name: 'Lägg till' }).click();
  };
  await add('Eva Lind', 'Ordförande');
  await expect(form.getByRole('status')).toHaveText('Eva Lind är tillagd.');
  await add('Kalle Nyström', 'Ersättare', '2');
  await expect(form.getByRole('status')).toHaveText('Kalle Nyström är tillagd.');
  await add('Stina Berg', 'Ersättare', '2');
  const refusal = form.getByRole('alert');
  await expect(refusal).toContainText('Ersättarordning nr 2 har redan Kalle Nyström under samma mandatperiod.');
  await expect(refusal).not.toContainText(/substituteOrder|Något gick fel/);
  await expectAccessible(page, 'dubbel ersättarordning');
  const details = await api.call('workspace.boards.get', { boardId });
  expect(details.members.map((m) => m.name).sort()).toEqual(['Eva Lind', 'Kalle Nyström']);

  // With a member the new meeting form is offered.
  await expect(page.getByRole('heading', { name: 'Nytt sammanträde' })).toBeVisible();
  await expect(page.getByText('Lägg först till nämndens ledamöter')).toHaveCount(0);
  expect(problems).toEqual([]);
});
