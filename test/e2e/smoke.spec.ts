// The whole path renderer → API → db: board list, the reference meeting, § 20, accessibility.
import { test, expect, expectAccessible } from './fixtures';

test('board list shows the reference board and its meeting opens with § 20 readable', async ({ page, app }) => {
  await page.goto(app.url);
  await expect(page.getByRole('heading', { level: 1, name: 'Nämnder och sammanträden' })).toBeVisible();
  await expect(page.getByRole('heading', { level: 2, name: 'Norrbottens e-nämnd' })).toBeVisible();
  // The token has been traded for a cookie and is gone from the address bar.
  expect(page.url()).not.toContain('token=');
  await expectAccessible(page, 'nämndlistan');

  await page.getByRole('link', { name: /torsdag 5 november 2020/ }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Norrbottens e-nämnd – sammanträde 2020-11-05' })).toBeVisible();
  await expect(page.getByText('20-26, varav 20-22 omedelbart justerade')).toBeVisible();
  const members = page.getByRole('table', { name: 'Tjänstgörande ledamöter' });
  await expect(members.getByRole('row')).toHaveCount(12);
  await expect(members.getByRole('row', { name: /Anders Lundkvist/ })).toContainText('Ordförande');
  await expectAccessible(page, 'sammanträdet');

  await page.getByRole('navigation', { name: 'Paragrafer' }).getByRole('link', { name: /§ 20/ }).click();
  await expect(page.getByRole('heading', { level: 2, name: '§ 20 Beslut om tilldelning av ramavtal avseende Digitalt Nyckelsystem' })).toBeVisible();
  // In the § editor: the preview beside it shows the same words once it has typeset the protocol.
  const paragraph = page.getByRole('article', { name: /§ 20 Beslut om tilldelning/ });
  await expect(paragraph.getByText('E-nämnden beslutar att anta leverantör Swedlock AB')).toBeVisible();
  await expect(paragraph.getByText('Ärendenr 2019/258 (Luleå kommun)')).toBeVisible();
  await expectAccessible(page, '§ 20');

  await page.getByRole('link', { name: /Nästa paragraf/ }).click();
  await expect(page.getByRole('heading', { level: 2, name: /§ 21/ })).toBeVisible();
});

test('an empty database offers to load the reference meeting', async ({ page, emptyApp }) => {
  await page.goto(emptyApp.url);
  await expect(page.getByText('Det finns inga nämnder ännu.')).toBeVisible();
  await expectAccessible(page, 'tom start');
  await page.getByRole('button', { name: /Läs in exempelsammanträdet/ }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Norrbottens e-nämnd' })).toBeVisible();
});

test('the API refuses requests without the token and from other origins', async ({ request, app }) => {
  const base = app.url.replace(/\/\?token=.*$/, '');
  const noToken = await request.post(`${base}/api/call/boards.list`, { data: {}, headers: { 'Content-Type': 'application/json' } });
  expect(noToken.status()).toBe(401);
  const foreign = await request.post(`${base}/api/call/boards.list`, {
    data: {},
    headers: { 'Content-Type': 'application/json', 'X-Justera-Token': app.host.token, Origin: 'http://evil.example' },
  });
  expect(foreign.status()).toBe(403);
  expect(foreign.headers()['access-control-allow-origin']).toBeUndefined();
  const ok = await request.post(`${base}/api/call/boards.list`, { data: {}, headers: { 'Content-Type': 'application/json', 'X-Justera-Token': app.host.token } });
  expect(ok.status()).toBe(200);
  const body = (await ok.json()) as { ok: boolean; value: { name: string }[] };
  expect(body.ok).toBe(true);
  expect(body.value.map((b) => b.name)).toEqual(['Norrbottens e-nämnd']);
});
