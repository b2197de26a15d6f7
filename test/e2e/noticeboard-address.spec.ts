// The organisation's published notice-board address on the board's page (#/boards/ID), in the
// built app: a wrong address refused in Swedish with nothing saved, a right one saved (with the
// trailing "/") and cleared again, by keyboard; axe-core (WCAG 2.1 AA) on each state.
import { test, expect, expectAccessible } from './fixtures';
import { startApp, type JusteringApp } from './justering-helpers';

let app: JusteringApp;

test.beforeEach(async () => {
  app = await startApp();
});

test.afterEach(async () => {
  await app.dispose();
});

test('the board page sets, refuses and clears the published address of the notice board', async ({ page }) => {
  await page.goto(`${app.url}`);
  await page.goto(`${new URL(app.url).origin}/#/boards/${encodeURIComponent(app.boardId)}`);
  const section = page.getByRole('region', { name: 'Digital anslagstavla: publik adress' });
  await expect(section).toContainText('Adressen gäller hela Luleå kommuns anslagstavla (alla nämnder).');
  const field = section.getByLabel('Anslagstavlans publika adress');
  await expect(field).toHaveValue('');
  await expectAccessible(page, 'nämndens sida med anslagstavlans adress');

  await field.fill('www.lulea.se/anslagstavla');
  await section.getByRole('button', { name: 'Spara adressen' }).click();
  await expect(section.getByText(/Ange anslagstavlans publika adress som en fullständig webbadress/)).toBeVisible();
  await expect(field).toHaveAttribute('aria-invalid', 'true');
  expect((await app.api.call('noticeboard.address', {})).url).toBeNull();
  await expectAccessible(page, 'fel adress');

  await field.fill('https://www.lulea.se/anslagstavla');
  await field.press('Enter');
  await expect(section.getByRole('status')).toHaveText('Sparat: anslagstavlan publiceras under https://www.lulea.se/anslagstavla/');
  await expect(field).toHaveValue('https://www.lulea.se/anslagstavla/');
  await expect(field).not.toHaveAttribute('aria-invalid', 'true');
  expect((await app.api.call('noticeboard.address', {})).url).toBe('https://www.lulea.se/anslagstavla/');

  await page.reload();
  await expect(page.getByRole('region', { name: 'Digital anslagstavla: publik adress' }).getByLabel('Anslagstavlans publika adress')).toHaveValue('https://www.lulea.se/anslagstavla/');
  const again = page.getByRole('region', { name: 'Digital anslagstavla: publik adress' });
  await again.getByLabel('Anslagstavlans publika adress').fill('');
  await again.getByRole('button', { name: 'Spara adressen' }).click();
  await expect(again.getByRole('status')).toHaveText('Sparat: ingen publik adress (inga OParl-data skrivs).');
  expect((await app.api.call('noticeboard.address', {})).url).toBeNull();
});
