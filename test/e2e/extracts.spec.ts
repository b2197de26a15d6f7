// Safe protokollsutdrag in the app (#/anslag), with the keyboard only: recipients per § from its
// own "Expedieras till", nothing ticked, a secret § masked unless an unmasked extract is chosen
// with the reason the recipient is entitled to it (recorded in the audit log); axe on each state.
import { readAudit } from '../../db/repos/audit';
import { startHost, type Host } from '../../electron/host';
import { ADJUSTED_20_22, ADJUSTED_23_26, anslagFixture, type AnslagFixture, type ReferenceDoc } from '../integration/anslag-fixture';
import { expect, expectAccessible, rendererDist, test } from './fixtures';

let f: AnslagFixture;
let host: Host;

const secrets = (doc: ReferenceDoc) => {
  const p = (n: number) => doc.paragraphs.find((x) => x.number === n) as Record<string, unknown>;
  p(24).confidential = { provision: '31 kap. 16 §' };
  p(24).distribution = ['Sökanden', 'Ekonomikontoret'];
  p(25).distribution = ['Sökanden'];
};

test.describe.configure({ timeout: 120_000 });

test.beforeEach(async () => {
  f = await anslagFixture({ adjusted: [ADJUSTED_20_22, ADJUSTED_23_26], now: '2020-11-12T10:00:00+01:00', edit: secrets });
  host = await startHost({ dispatch: (m, i) => f.backend.dispatch(m, i), staticDir: rendererDist });
});

test.afterEach(async () => {
  await host.close();
  f.dispose();
});

test('recipients per §, nothing ticked, a secret § masked unless sent unmasked with a reason', async ({ page }) => {
  await page.goto(`${host.url}#/anslag`);
  const section = page.getByRole('region', { name: 'Protokollsutdrag' });
  await section.getByLabel('Sammanträde för utdraget').selectOption({ label: 'Norrbottens e-nämnd 2020-11-05' });
  const p24 = section.getByRole('group', { name: '§ 24 Beslut om inköp av diarie-enhet – expedieras till' });
  await expect(p24.getByRole('checkbox')).toHaveCount(2);
  await expect(section.getByRole('group', { name: '§ 25 Beslut dataskyddsombud – expedieras till' }).getByRole('checkbox')).toHaveCount(1);
  // Nothing is ticked, and "Sökanden" of § 24 and of § 25 are two different choices.
  await expect(section.getByRole('checkbox', { checked: true })).toHaveCount(0);
  await expect(section.getByRole('checkbox', { name: 'Sökanden (§ 24)' })).toBeVisible();
  await expect(section.getByRole('checkbox', { name: 'Sökanden (§ 25)' })).toBeVisible();
  const secrecy = p24.getByRole('group', { name: 'Sekretess i § 24 (31 kap. 16 § OSL)' });
  await expect(secrecy.getByRole('radio', { name: /Maskera uppgifterna/ })).toBeChecked();
  await expectAccessible(page, 'protokollsutdrag, mottagare per paragraf');

  // Nothing chosen: a message, nothing made.
  await section.getByRole('button', { name: 'Skapa utdrag' }).focus();
  await page.keyboard.press('Enter');
  await expect(section.getByText('Kryssa i eller skriv minst en mottagare')).toBeVisible();
  expect(await f.api.call('extracts.list', { meetingId: f.meetingId })).toEqual([]);

  // § 24 to the applicant, unmasked: the reason is required.
  await section.getByRole('checkbox', { name: 'Sökanden (§ 24)' }).focus();
  await page.keyboard.press('Space');
  await secrecy.getByRole('radio', { name: /Maskera uppgifterna/ }).focus();
  await page.keyboard.press('ArrowDown');
  await expect(secrecy.getByRole('radio', { name: 'Omaskerat – mottagarna har rätt att ta del av uppgifterna' })).toBeChecked();
  await section.getByRole('button', { name: 'Skapa utdrag' }).focus();
  await page.keyboard.press('Enter');
  const reason = secrecy.getByLabel('Varför har mottagarna rätt att ta del av uppgifterna i § 24?');
  await expect(reason).toHaveAttribute('aria-invalid', 'true');
  await expectAccessible(page, 'omaskerat utdrag utan skäl');
  await reason.focus();
  await page.keyboard.type('part i ärendet, 10 kap. 3 § OSL');
  // § 25 to its applicant as well (no secrets there).
  await section.getByRole('checkbox', { name: 'Sökanden (§ 25)' }).focus();
  await page.keyboard.press('Space');
  await section.getByRole('button', { name: 'Skapa utdrag' }).focus();
  await page.keyboard.press('Enter');
  await expect(section.getByRole('status').filter({ hasText: 'Utdraget av § 24 till Sökanden är skapat.' })).toContainText('Utdraget av § 25 till Sökanden är skapat.', { timeout: 30_000 });
  const made = await f.api.call('extracts.list', { meetingId: f.meetingId });
  expect(made.map((e) => [e.label, e.recipients])).toEqual([
    ['§ 24', ['Sökanden']],
    ['§ 25', ['Sökanden']],
  ]);
  expect(readAudit(f.backend.db, { entity: 'extract' }).map((a) => (a.details as { secrecy: unknown }).secrecy)).toEqual([
    [{ paragraph: 24, provisions: ['31 kap. 16 §'], treatment: 'unmasked', entitlement: 'part i ärendet, 10 kap. 3 § OSL' }],
    [],
  ]);
  // The choices are cleared for the next extract.
  await expect(section.getByRole('checkbox', { checked: true })).toHaveCount(0);
  await expectAccessible(page, 'utdrag skapade');

  // Ekonomikontoret gets § 24 masked (the default).
  await section.getByRole('checkbox', { name: 'Ekonomikontoret (§ 24)' }).focus();
  await page.keyboard.press('Space');
  await section.getByRole('button', { name: 'Skapa utdrag' }).focus();
  await page.keyboard.press('Enter');
  await expect(section.getByRole('status').filter({ hasText: 'Utdraget av § 24 till Ekonomikontoret är skapat.' })).toBeVisible({ timeout: 30_000 });
  expect((readAudit(f.backend.db, { entity: 'extract' }).at(-1)?.details as { secrecy: unknown }).secrecy).toEqual([
    { paragraph: 24, provisions: ['31 kap. 16 §'], treatment: 'mask', entitlement: null },
  ]);
});
