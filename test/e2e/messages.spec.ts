// Issue 16 (8): messages describe the state they were said about. "Ångrade …" goes when the
// secretary moves to another § or changes something; "Underskriftspaketet … är sparat" goes when
// another group is locked. "Ångra" is off with its reason once the step it would undo is locked,
// and the workspace header shows the protocol's state once ("Låst för justering", never
// "Justerat" beside it).
import { expect, expectAccessible, test } from './fixtures';
import { startApp, type JusteringApp } from './justering-helpers';

let app: JusteringApp;
test.describe.configure({ timeout: 180_000 });
test.beforeEach(async () => {
  app = await startApp();
});
test.afterEach(async () => {
  await app.dispose();
});

const paragraphs = (n: number) => `#/meetings/${encodeURIComponent(app.meetingId)}/p/${n}`;

test('"Ångrade …" is cleared by moving to another § and by a new change', async ({ page }) => {
  const origin = new URL(app.url).origin;
  await page.goto(app.url);
  const view = await app.api.call('workspace.meetings.get', { meetingId: app.meetingId });
  const p23 = view.paragraphs.find((p) => p.number === 23)?.id ?? '';
  await app.api.call('workspace.paragraphs.update', { paragraphId: p23, patch: { title: 'Beslut om tillfällig arbetsgrupp (ändrad)' } });

  await page.goto(`${origin}/${paragraphs(23)}`);
  await expect(page.getByRole('heading', { level: 2, name: /§ 23 Beslut om tillfällig arbetsgrupp \(ändrad\)/ })).toBeVisible();
  const tools = page.getByRole('group', { name: 'Verktyg för sammanträdet' });
  const status = page.locator('.history-status');
  await tools.getByRole('button', { name: 'Ångra' }).click();
  await expect(status).toHaveText('Ångrade: Ändring i § 23 (Rubrik)');
  await expect(page.getByRole('heading', { level: 2, name: '§ 23 Beslut om tillfällig arbetsgrupp' })).toBeVisible();

  // Another §: the message no longer describes what is on screen.
  await page.getByRole('navigation', { name: 'Paragrafer' }).getByRole('link', { name: /^§ 24/ }).click();
  await expect(page.getByRole('heading', { level: 2, name: /§ 24/ })).toBeVisible();
  await expect(status).toHaveText('');

  // Redo goes back to § 23 and says so there.
  await tools.getByRole('button', { name: 'Gör om' }).click();
  await expect(page.getByRole('heading', { level: 2, name: /§ 23 .*\(ändrad\)/ })).toBeVisible();
  await expect(status).toHaveText('Gjorde om: Ändring i § 23 (Rubrik)');
  // A new change: the message goes.
  await tools.getByRole('button', { name: 'Ångra' }).click();
  await expect(status).toHaveText('Ångrade: Ändring i § 23 (Rubrik)');
  const title = page.getByLabel('Rubrik', { exact: true });
  await title.fill('Beslut om tillfällig arbetsgrupp för boendet');
  await title.blur();
  await expect(page.getByText('Alla ändringar sparade')).toBeVisible();
  await expect(status).toHaveText('');
});

test('"Ångra" is off with its reason once the change is locked; the header shows one state', async ({ page }) => {
  const origin = new URL(app.url).origin;
  const view = await app.api.call('workspace.meetings.get', { meetingId: app.meetingId });
  const p21 = view.paragraphs.find((p) => p.number === 21)?.id ?? '';
  await app.api.call('workspace.paragraphs.update', { paragraphId: p21, patch: { title: 'Ny rubrik för § 21' } });
  await page.goto(app.url);
  await page.goto(`${origin}/${paragraphs(21)}`);
  const tools = page.getByRole('group', { name: 'Verktyg för sammanträdet' });
  await expect(tools.getByRole('button', { name: 'Ångra' })).toBeEnabled();
  await expect(page.locator('.workspace-head')).toContainText('Genomfört, ej justerat');

  await app.api.call('justering.freeze', { meetingId: app.meetingId, groupIndex: 0 });
  await page.reload();
  const undo = tools.getByRole('button', { name: 'Ångra' });
  await expect(undo).toBeDisabled();
  await expect(undo).toHaveAccessibleDescription(/Ångra och Gör om är avstängda: den senaste ändringen gäller paragrafer, närvaro eller uppgifter som är låsta/);
  await expect(page.getByText('Rättelser görs som en ny version under "Justering och underskrifter".')).toBeVisible();
  // Ctrl+Z outside a text field says why instead of failing.
  await page.getByRole('heading', { level: 1 }).focus();
  await page.keyboard.press('Control+z');
  await expect(page.locator('.history-status')).toHaveText(/Det går inte att ångra/);
  // One state in the header, as a badge: locked for justering, not adjusted.
  const head = page.locator('.workspace-head');
  await expect(head.locator('.badge')).toHaveText('Låst för justering');
  await expect(head).not.toContainText('Justerat');
  await expect(head).not.toContainText('Genomfört, ej justerat');
  await expectAccessible(page, 'låst sammanträde med Ångra avstängd');
});

test('the signing-package message goes when another group is locked', async ({ page }) => {
  await app.api.call('justering.freeze', { meetingId: app.meetingId, groupIndex: 0 });
  await page.goto(app.url);
  const origin = new URL(app.url).origin;
  await page.goto(`${origin}/#/meetings/${encodeURIComponent(app.meetingId)}/justering`);
  const download = page.waitForEvent('download');
  await page
    .getByRole('button', { name: /^Exportera underskriftspaket/ })
    .first()
    .click();
  await download;
  const saved = page.getByText(/Underskriftspaketet .* är sparat/);
  await expect(saved).toBeVisible();

  await page.getByRole('button', { name: /^Lås för justering: / }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Lås för justering' }).click();
  // Making the group's PDF takes a while on a loaded machine.
  await expect(page.getByText(/är låst för justering\. Version 1 väntar på underskrifter\./)).toBeVisible({ timeout: 60_000 });
  await expect(saved).toHaveCount(0);
  await expectAccessible(page, 'justering efter att den andra gruppen låsts');
});
