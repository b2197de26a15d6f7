// A signing package signed with someone else's certificate (#/underskrift): shown as not usable,
// never as done; the file offered under a name that says so; signing again offered first, and
// then done with the right certificate. Keyboard and axe.
import { expect, expectAccessible, test } from './fixtures';
import { PASSWORD, trustedAppPerTest } from './justering-helpers';

test.describe.configure({ timeout: 120_000 });
const env = trustedAppPerTest();

const p12 = (name: string) => ({ name: `${name}.p12`, mimeType: 'application/x-pkcs12', buffer: env.certs.p12.get(name) ?? Buffer.alloc(0) });

test('signed with the wrong certificate: not usable, named so, sign again', async ({ page }) => {
  const frozen = await env.app.api.call('justering.freeze', { meetingId: env.app.meetingId, groupIndex: 0 });
  const pkg = await env.app.api.call('justering.exportPackage', { versionId: frozen.version.id, field: 'sig-justerare-1' });
  await page.goto(`${env.app.url}#/underskrift`);
  await page.getByLabel('Underskriftspaket (.justera)').setInputFiles({ name: pkg.fileName, mimeType: 'application/json', buffer: Buffer.from(pkg.content) });
  await page.getByRole('button', { name: 'Öppna paketet' }).click();
  // Nobody has signed yet, so no trusted secretary signature vouches for the package.
  await expect(page.getByRole('alert').filter({ hasText: 'Ej verifierat — kontrollera med sekreteraren' })).toBeVisible();
  await page.getByLabel('Jag har kontrollerat med sekreteraren att paketet är äkta och vill skriva under ändå.').check();
  await page.getByRole('button', { name: 'Skriv under med certifikatfil' }).click();
  const dialog = page.getByRole('dialog', { name: 'Skriv under som justerare Sara Lundberg med certifikatfil' });
  await dialog.getByLabel('Certifikatfil (.p12 eller .pfx)').setInputFiles(p12('Robert Karlsson'));
  await dialog.getByLabel('Lösenord till certifikatfilen').fill(PASSWORD);
  await dialog.getByRole('button', { name: 'Skriv under' }).click();

  const bad = page.getByRole('region', { name: 'Underskriften kan inte användas' });
  await expect(bad.getByRole('heading')).toBeFocused();
  await expect(bad.getByRole('alert')).toContainText('Certifikatet tillhör inte Sara Lundberg, som ska skriva under som justerare. Sekreteraren kan inte läsa in filen');
  await expect(page.getByText('Underskriften är klar')).toHaveCount(0);
  await expect(page.getByText('Skicka filen tillbaka till sekreteraren')).toHaveCount(0);
  await expectAccessible(page, 'fel underskrift');
  const download = page.waitForEvent('download');
  await bad.getByRole('button', { name: 'Ladda ner filen ändå (kan inte användas)' }).click();
  expect((await download).suggestedFilename()).toMatch(/-EJ-ANVANDBAR-fel-underskrift\.pdf$/);

  // Sign again, from the keyboard, with Sara's own certificate.
  await bad.getByRole('button', { name: 'Skriv under igen som Sara Lundberg' }).focus();
  await page.keyboard.press('Enter');
  await expect(dialog).toBeVisible();
  await dialog.getByLabel('Certifikatfil (.p12 eller .pfx)').setInputFiles(p12('Sara Lundberg'));
  await dialog.getByLabel('Lösenord till certifikatfilen').fill(PASSWORD);
  await dialog.getByRole('button', { name: 'Skriv under' }).click();
  const done = page.getByRole('region', { name: 'Underskriften är klar' });
  await expect(done).toContainText('Skicka filen tillbaka till sekreteraren');
  await expect(bad).toHaveCount(0);
});
