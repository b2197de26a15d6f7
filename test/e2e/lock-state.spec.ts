// Right after a group is locked, before the page has fetched the status again, the group says it
// is locked and offers no second lock (a new user saw "Öppen" and the lock button for seconds
// after the message said it was locked). The status reload is held back to see that moment.
import type { Route } from '@playwright/test';
import { test, expect, expectAccessible } from './fixtures';

test('a locked group shows as locked at once, without the lock button, while the status reloads', async ({ page, app }) => {
  test.setTimeout(120_000);
  const meetingId = ((await app.backend.dispatch('meetings.list', {})) as { ok: true; value: { id: string }[] }).value[0]?.id ?? '';
  await page.goto(app.url);
  await page.goto(`${new URL(app.url).origin}/#/meetings/${encodeURIComponent(meetingId)}/justering`);
  const g = page.getByRole('region', { name: 'Justeringsgrupp §§ 20-22' });
  await expect(g).toContainText('Öppen – paragraferna kan ändras', { timeout: 30_000 });

  let frozen = false;
  const held: Route[] = [];
  await page.route('**/api/call/justering.status', async (route) => {
    if (frozen) held.push(route);
    else await route.continue();
  });
  page.on('requestfinished', (r) => {
    if (r.url().endsWith('/api/call/justering.freeze')) frozen = true;
  });

  await g.getByRole('button', { name: 'Lås för justering: §§ 20-22' }).click();
  await page.getByRole('dialog', { name: 'Lås §§ 20-22 för justering?' }).getByRole('button', { name: 'Lås för justering' }).click();
  await expect(page.locator('.justering-result')).toContainText('§§ 20-22 är låst för justering.', { timeout: 30_000 });
  // The status the page asked for after locking has not been answered yet.
  await expect.poll(() => held.length).toBeGreaterThan(0);
  await expect(g).toContainText('Låst för justering');
  await expect(g).not.toContainText('Öppen');
  await expect(g.getByRole('button', { name: 'Lås för justering: §§ 20-22' })).toHaveCount(0);
  await expectAccessible(page, 'justeringssidan medan statusen hämtas');

  for (const r of held.splice(0)) await r.continue();
  await page.unroute('**/api/call/justering.status');
  await expect(g.getByRole('heading', { level: 3, name: 'Version 1 gällande' })).toBeVisible({ timeout: 30_000 });
  await expect(g.getByRole('button', { name: 'Lås för justering: §§ 20-22' })).toHaveCount(0);
});
