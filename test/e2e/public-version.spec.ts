// The public version from the meeting's documents page. Walking a new board, the only way to get it
// was "Skapa anslagstavlan" (writing the whole notice board to a folder): the documents page said
// it listed public versions but offered no way to make one. Now "Skapa offentlig version (PDF)"
// makes it (or reuses an unchanged one), downloads it, and it is listed; axe on the page after.
import { readFileSync } from 'node:fs';
import { startHost } from '../../electron/host';
import { anslagFixture } from '../integration/anslag-fixture';
import { expect, expectAccessible, rendererDist, test } from './fixtures';
import { makeCertificates, PASSWORD } from './justering-helpers';

test.describe.configure({ timeout: 120_000 });

test('the documents page makes the public version, downloads it and lists it', async ({ page }) => {
  // §§ 20-22 locked and signed by the secretary, the chair and the justerare: a real adjusted protocol.
  const f = await anslagFixture({ adjusted: [undefined, undefined], now: '2020-11-05T10:35:00+01:00' });
  const certs = await makeCertificates();
  await certs.trust(f.api);
  const { version } = await f.api.call('justering.freeze', { meetingId: f.meetingId, groupIndex: 0 });
  for (const [i, [field, name]] of (
    [
      ['sig-sekreterare', 'Robert Karlsson'],
      ['sig-ordforande', 'Anders Lundkvist'],
      ['sig-justerare-1', 'Sara Lundberg'],
    ] as const
  ).entries()) {
    f.at(`2020-11-05T10:4${i}:00+01:00`);
    const p12 = (certs.p12.get(name) as Buffer).toString('base64');
    await f.api.call('justering.sign', { versionId: version.id, field, credential: { kind: 'p12', p12Base64: p12, password: PASSWORD } });
  }
  f.at('2020-11-06T09:00:00+01:00');
  const host = await startHost({ dispatch: (m, i) => f.backend.dispatch(m, i), staticDir: rendererDist });
  try {
    await page.goto(host.url);
    await page.goto(`${new URL(host.url).origin}/#/meetings/${encodeURIComponent(f.meetingId)}/dokument`);
    await expect(page.getByRole('heading', { level: 1, name: /Dokument – Norrbottens e-nämnd/ })).toBeVisible();
    await expect(page.getByRole('row', { name: /Offentlig version/ })).toHaveCount(0);
    const button = page.getByRole('button', { name: 'Skapa offentlig version (PDF)' });
    const [download] = await Promise.all([page.waitForEvent('download'), button.click()]);
    expect(download.suggestedFilename()).toMatch(/offentlig.*\.pdf$/);
    expect(
      readFileSync(await download.path())
        .subarray(0, 5)
        .toString(),
    ).toBe('%PDF-');
    const status = page.getByRole('status').filter({ hasText: 'Den offentliga versionen' });
    await expect(status).toHaveText('Den offentliga versionen av §§ 20-22 är skapad (version 1) och hämtad.');
    await expect(page.getByRole('row', { name: /Offentlig version §§ 20-22, version 1/ })).toHaveCount(1);
    await expectAccessible(page, 'dokumentsidan med offentlig version');

    // Made again from the same source: the same version, nothing new.
    await Promise.all([page.waitForEvent('download'), button.click()]);
    await expect(status).toHaveText('Den offentliga versionen av §§ 20-22 är oförändrad (version 1) och hämtad.');
    await expect(page.getByRole('row', { name: /Offentlig version/ })).toHaveCount(1);
  } finally {
    await host.close();
    f.dispose();
    certs.dispose();
  }
});
