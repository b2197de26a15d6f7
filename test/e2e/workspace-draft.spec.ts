// Drafts the reference meeting of Norrbottens e-nämnd (2020-11-05, §§ 20–26) from an empty
// database through the UI only — organisation, board, members (form and CSV), officials,
// meeting, agenda, attendance, all seven §§ with their text and bilaga, immediate adjustment of
// §§ 20–22 — exports it and compares the file with the reference JSON.
import { readFileSync } from 'node:fs';
import { test, expect, expectAccessible } from './fixtures';
import { enterRichText, waitSaved } from './workspace-helpers';
import { expectInPreview } from './preview-helpers';
import { meetingDocumentSchema } from '../../core/format/meeting';
import reference from '../../core/reference/e-namnden-2020-11-05.json' with { type: 'json' };

const ref = meetingDocumentSchema.parse(reference);
const name = (key: string) => ref.people.find((p) => p.key === key)?.name ?? key;
const roleWord = { ordforande: 'Ordförande', vice_ordforande: 'Vice ordförande', andre_vice_ordforande: '2:e vice ordförande', ledamot: 'Ledamot', ersattare: 'Ersättare' } as const;

test('a secretary drafts the reference meeting from scratch and the export equals the reference', async ({ page, emptyApp }) => {
  test.setTimeout(240_000);
  await page.setViewportSize({ width: 1500, height: 1000 });
  await page.goto(emptyApp.url);

  // Organisation and board.
  const orgForm = page.getByRole('form', { name: 'Ny organisation' });
  await orgForm.getByLabel('Organisationens namn').fill(ref.organisation.name);
  await orgForm.getByLabel('Typ av organisation').selectOption(ref.organisation.kind);
  await orgForm.getByLabel('Namn i sidhuvudet (valfritt)').fill(ref.organisation.headerName ?? '');
  await orgForm.getByRole('button', { name: 'Skapa organisationen' }).click();
  await expect(page.getByText('Luleå kommun är skapad')).toBeVisible();
  await expectAccessible(page, 'startsidan');

  const boardForm = page.getByRole('form', { name: 'Ny nämnd' });
  await boardForm.getByLabel('Nämndens namn').fill(ref.board.name);
  await boardForm.getByLabel('Kortnamn (valfritt)').fill(ref.board.shortName ?? '');
  await boardForm.getByLabel('Typ av organ').selectOption(ref.board.kind);
  await boardForm.getByLabel('Antal ledamotsplatser').fill(String(ref.board.seats));
  await boardForm.getByLabel('Förvaringsplats för protokollen').fill(ref.board.storagePlace);
  await boardForm.getByRole('button', { name: 'Skapa nämnden' }).click();
  await expect(page.getByRole('heading', { level: 1, name: ref.board.name })).toBeVisible();

  // The first members by hand, the rest from a CSV file as Excel writes it.
  const memberForm = page.getByRole('form', { name: 'Lägg till ledamot eller ersättare' });
  const byHand = ref.members.slice(0, 3);
  for (const m of byHand) {
    await memberForm.getByLabel('Namn').fill(name(m.person));
    await memberForm.getByLabel('Roll').selectOption(m.role);
    await memberForm.getByLabel('Parti').fill(m.party ?? '');
    await memberForm.getByLabel('Representerar').fill(m.represents ?? '');
    await memberForm.getByLabel('Mandat från').fill(m.termStart);
    await memberForm.getByLabel('Mandat till').fill(m.termEnd);
    await memberForm.getByRole('button', { name: 'Lägg till' }).click();
    await expect(page.getByRole('row', { name: new RegExp(name(m.person)) })).toBeVisible();
  }
  const csv = [
    'Namn;Roll;Parti;Representerar;Mandat från;Mandat till;Ersättare för',
    ...ref.members.slice(3).map((m) => [name(m.person), roleWord[m.role], m.party ?? '', m.represents ?? '', m.termStart, m.termEnd, m.substituteFor ? name(m.substituteFor) : ''].join(';')),
  ].join('\r\n');
  await page.getByLabel('CSV-fil', { exact: true }).setInputFiles({ name: 'ledamoter.csv', mimeType: 'text/csv', buffer: Buffer.from(`\ufeff${csv}\r\n`, 'utf8') });
  await page.getByRole('button', { name: 'Importera' }).click();
  await expect(page.getByText(`${ref.members.length - 3} personer är importerade.`)).toBeVisible();

  const officialForm = page.getByRole('form', { name: 'Lägg till tjänsteperson' });
  for (const o of ref.officials) {
    await officialForm.getByLabel('Namn').fill(name(o.person));
    await officialForm.getByLabel('Organisation (valfritt)').fill(o.organisation ?? '');
    await officialForm.getByRole('button', { name: 'Lägg till tjänsteperson' }).click();
    await expect(page.getByRole('row', { name: new RegExp(name(o.person)) })).toBeVisible();
  }
  await expectAccessible(page, 'nämndens sida');

  // The meeting; the first § number is proposed (1) and set to 20 (§§ 1–19 were earlier meetings).
  const meetingForm = page.getByRole('form', { name: 'Nytt sammanträde' });
  await meetingForm.getByLabel('Datum').fill(ref.meeting.date);
  await expect(meetingForm.getByText('Förslag: 1')).toBeVisible();
  await meetingForm.getByLabel('Starttid').fill(ref.meeting.startTime);
  await meetingForm.getByLabel('Sluttid').fill(ref.meeting.endTime ?? '');
  await meetingForm.getByLabel('Plats').fill(ref.meeting.place);
  await meetingForm.getByLabel('Sekreterare').selectOption({ label: `${name(ref.meeting.secretary)} (tjänsteperson)` });
  await expect(meetingForm.getByLabel('Ordförande')).toHaveValue(/.+/);
  await meetingForm.getByLabel('Första paragrafnummer').fill('20');
  await meetingForm.getByRole('button', { name: 'Skapa sammanträdet' }).click();
  await expect(page.getByRole('heading', { level: 1, name: `${ref.board.name} – sammanträde ${ref.meeting.date}` })).toBeVisible();

  // Agenda.
  const agendaForm = page.getByRole('form', { name: 'Nytt ärende' });
  for (const p of ref.paragraphs) {
    await agendaForm.getByLabel('Rubrik').fill(p.title);
    await agendaForm.getByLabel('Ärendenummer (valfritt)').fill(p.caseNumber ?? '');
    await agendaForm.getByRole('button', { name: 'Lägg till ärendet' }).click();
    await expect(page.getByRole('navigation', { name: 'Paragrafer' }).getByRole('link', { name: `§ ${p.number} ${p.title}` })).toBeVisible();
  }

  // Attendance: everyone on the roster, Maud Lundbäck absent, substitutes present.
  await page.getByRole('navigation', { name: 'Paragrafer' }).getByRole('link', { name: 'Närvaro' }).click();
  await page.getByRole('button', { name: 'Börja med alla ledamöter närvarande' }).click();
  const present = new Set(ref.attendance.map((a) => a.person));
  for (const m of ref.members) {
    const box = page.getByLabel(`Närvarande: ${name(m.person)}`);
    if (present.has(m.person) !== (await box.isChecked())) await box.click();
  }
  for (const o of ref.officials) await page.getByLabel(`Närvarande: ${name(o.person)}`).check();
  await expect(page.getByText('Anders Josefsson tjänstgör för Maud Lundbäck')).toBeVisible();
  await page.getByRole('button', { name: 'Använd förslaget' }).click();
  await expect(page.getByLabel('Deltar som: Anders Josefsson')).toHaveValue(/^sub:.+/);
  // The protocol does not say whose seat he took: the secretary overrides the proposal.
  await page.getByLabel('Deltar som: Anders Josefsson').selectOption({ label: 'Tjänstgör (ej angivet för vem)' });
  await waitSaved(page);
  await expectAccessible(page, 'närvaron');

  // The meeting's facts.
  await page.getByRole('navigation', { name: 'Paragrafer' }).getByRole('link', { name: 'Uppgifter om sammanträdet' }).click();
  await page.getByLabel('Status').selectOption('held');
  await page.getByLabel('Justerare 1').selectOption({ label: name(ref.meeting.justerare[0] ?? '') });
  await page.getByLabel('Tid och plats för justering').fill(ref.meeting.adjustmentTimePlace ?? '');
  await page.getByLabel('Anslagsbeviset undertecknas av').selectOption({ label: name(ref.meeting.noticeSignatory ?? '') });
  await waitSaved(page);
  await expect(page.getByRole('table', { name: 'Tjänstgörande ledamöter' }).getByRole('row')).toHaveCount(12);
  await expectAccessible(page, 'sammanträdets uppgifter');

  // Every §.
  for (const p of ref.paragraphs) {
    await page
      .getByRole('navigation', { name: 'Paragrafer' })
      .getByRole('link', { name: `§ ${p.number} ${p.title}` })
      .click();
    await expect(page.getByRole('heading', { level: 2, name: `§ ${p.number} ${p.title}` })).toBeVisible();
    if (p.decision) {
      if (!p.decision.numbered) await page.getByLabel('Numrera beslutspunkterna (1., 2., …)').uncheck();
      for (const [i, point] of p.decision.points.entries()) {
        if (i > 0) await page.getByRole('button', { name: 'Lägg till beslutspunkt' }).click();
        await enterRichText(page, page.getByRole('textbox', { name: `Beslutspunkt ${i + 1}`, exact: true }), point);
      }
    }
    if (p.summary) await enterRichText(page, page.getByRole('textbox', { name: 'Sammanfattning av ärendet' }), p.summary);
    if (p.description) await enterRichText(page, page.getByRole('textbox', { name: 'Beskrivning av ärendet' }), p.description);
    if (p.body) await enterRichText(page, page.getByRole('textbox', { name: 'Text utan rubrik' }), p.body);
    if (p.decisionDocuments.length > 0) await page.getByLabel('Beslutsunderlag').fill(p.decisionDocuments.join('\n'));
    if (p.immediatelyAdjusted) await page.getByLabel('Paragrafen justeras omedelbart').check();
    for (const a of p.attachments) {
      if (a.kind !== 'document') throw new Error('the reference has text attachments only');
      await page.getByLabel('Textbilagans rubrik').fill(a.title);
      await page.getByRole('button', { name: 'Skapa textbilagan' }).click();
      await expect(page.getByLabel(`Rubrik för bilagan ${a.title}`)).toBeVisible();
      for (const [i, s] of a.sections.entries()) {
        await page.getByRole('button', { name: 'Lägg till avsnitt' }).click();
        await page.getByLabel(`Avsnitt ${i + 1}, rubrik`).fill(s.heading);
        await enterRichText(page, page.getByRole('textbox', { name: `Avsnitt ${i + 1}, text` }), s.body);
      }
    }
    await waitSaved(page);
    if (p.number === 22) await expectAccessible(page, `§ ${p.number}`);
  }

  // The preview shows the protocol with the immediate adjustment line.
  await expectInPreview(page, '20-26, varav 20-22 omedelbart justerade');

  // Export and compare with the reference.
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Exportera (JSON)' }).click()]);
  const exported = meetingDocumentSchema.parse(JSON.parse(readFileSync(await download.path(), 'utf8')));
  expect(exported).toEqual(ref);
});
