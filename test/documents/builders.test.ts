import { describe, expect, it } from 'vitest';
import { buildExtractData, buildKallelseData, buildNoticeData, buildProtocolData, DIGITALLY_SIGNED } from '../../core/documents';
import { AppError } from '../../core/api/errors';
import { plainText } from '../../core/format/richtext';
import { fixtureMeeting } from '../fixtures/documents/meeting';
import { GENERATED_AT, REFERENCE_NOTICES, referenceMeeting } from './helpers/reference';

describe('buildProtocolData – the reference protocol', () => {
  const doc = referenceMeeting();
  const data = buildProtocolData(doc, { generatedAt: GENERATED_AT, notices: REFERENCE_NOTICES });

  it('prints the header and first page as the seed does', () => {
    expect(data.header).toEqual({ organisation: 'LULEÅ KOMMUN', documentType: 'SAMMANTRÄDESPROTOKOLL', board: 'Norrbottens e-nämnd', date: '2020-11-05' });
    expect(data.firstPage.rows).toEqual([
      { label: 'Plats och tid', lines: ['Teams', '09:00-10:30, 2020-11-05'] },
      { label: 'Beslutande', lines: ['Enligt närvarolista'] },
      { label: 'Övriga närvarande', lines: ['Enligt närvarolista'] },
      { label: 'Justerare', lines: ['Sara Lundberg'] },
      { label: 'Tid och plats för justering', lines: ['Se digital signatur på sista sidan'] },
      { label: 'Justerade paragrafer', lines: ['20-26, varav 20-22 omedelbart justerade'] },
    ]);
    expect(data.firstPage.signatures).toEqual([
      { role: 'Sekreterare', name: 'Robert Karlsson', signature: DIGITALLY_SIGNED },
      { role: 'Ordförande', name: 'Anders Lundkvist', signature: DIGITALLY_SIGNED },
      { role: 'Justerare', name: 'Sara Lundberg', signature: DIGITALLY_SIGNED },
    ]);
  });

  it('fills BEVIS/ANSLAG from the notices, per group', () => {
    const b = data.firstPage.bevis;
    expect(b.text).toBe('E-nämndens protokoll är justerat. Justeringen har tillkännagivits genom anslag.');
    expect(b.rows).toEqual([
      { label: 'Sammanträdesdatum', lines: ['2020-11-05'] },
      { label: 'Datum när anslaget sätts upp', lines: ['2020-11-06 §§ 20-22', '2020-11-12 §§ 23-26'] },
      { label: 'Datum när anslaget tas ned', lines: ['2020-11-28 §§ 20-22', '2020-12-04 §§ 23-26'] },
      { label: 'Förvaringsplats för protokollet', lines: ['IT-kontoret Luleå kommun'] },
    ]);
    expect(b.signatory).toEqual({ label: 'Underskrift', name: 'Lisa Lundgren' });
  });

  it('leaves the notice dates blank when nothing has been posted', () => {
    const blank = buildProtocolData(doc, { generatedAt: GENERATED_AT });
    expect(blank.firstPage.bevis.rows[1]?.lines).toEqual([]);
    expect(blank.firstPage.bevis.rows[2]?.lines).toEqual([]);
  });

  it('lists the närvarolista groups in order with party, municipality and the chair marked', () => {
    expect(data.attendance.sections.map((s) => [s.heading, s.groups.map((g) => g.heading)])).toEqual([
      ['Beslutande', ['Tjänstgörande ledamöter', 'Tjänstgörande ersättare']],
      ['Övriga närvarande', ['Ersättare', 'Övriga']],
    ]);
    const members = data.attendance.sections[0]?.groups[0]?.rows ?? [];
    expect(members).toHaveLength(11);
    expect(members.find((r) => r.name === 'Anders Lundkvist')).toEqual({ name: 'Anders Lundkvist', party: 'S', organisation: 'Piteå', remark: 'Ordförande' });
    const officials = data.attendance.sections[1]?.groups[1]?.rows ?? [];
    expect(officials.map((r) => [r.name, r.party, r.organisation])).toEqual([
      ['Lisa Lundgren', '', 'Norrbottens e-nämnd'],
      ['Robert Karlsson', '', 'Norrbottens e-nämnd'],
    ]);
  });

  it('builds each § with case number and decision points, without doubling the immediate-adjustment point', () => {
    expect(data.paragraphs.map((p) => p.label)).toEqual(['§ 20', '§ 21', '§ 22', '§ 23', '§ 24', '§ 25', '§ 26']);
    const p20 = data.paragraphs[0];
    expect(p20?.caseNumber).toBe('Ärendenr 2019/258 (Luleå kommun)');
    const decision = p20?.sections.find((s) => s.kind === 'decision');
    expect(decision?.kind === 'decision' && decision.numbered).toBe(true);
    expect(decision?.kind === 'decision' && decision.points.map((p) => plainText(p))).toHaveLength(4);
    expect(decision?.kind === 'decision' && plainText(decision.points[3] ?? [])).toBe('Paragrafen anses omedelbart justerad.');
    const headings = (n: number) => data.paragraphs[n]?.sections.map((s) => ('heading' in s ? s.heading : '(text)'));
    expect(headings(0)).toEqual(['Beslut', 'Sammanfattning av ärendet', 'Beslutsunderlag']);
    expect(headings(2)).toEqual(['Beslut', 'Sammanfattning av ärendet', 'Beskrivning av ärendet', 'Beslutsunderlag']);
    expect(headings(6)).toEqual(['(text)']);
  });

  it('names every signer and their signature field', () => {
    expect(data.signaturePage.signers).toEqual([
      { field: 'sig-sekreterare', role: 'Sekreterare', name: 'Robert Karlsson' },
      { field: 'sig-ordforande', role: 'Ordförande', name: 'Anders Lundkvist' },
      { field: 'sig-justerare-1', role: 'Justerare', name: 'Sara Lundberg' },
    ]);
  });

  it('carries the metadata from the input, not the clock', () => {
    expect(data.meta).toMatchObject({ author: 'Norrbottens e-nämnd', language: 'sv-SE', createdAt: GENERATED_AT, modifiedAt: GENERATED_AT });
    expect(() => buildProtocolData(doc, { generatedAt: 'i går' })).toThrow(AppError);
  });

  it('upper-cases the organisation name when no header name is given', () => {
    const { headerName: _h, ...organisation } = doc.organisation;
    expect(buildProtocolData({ ...doc, organisation }, { generatedAt: GENERATED_AT }).header.organisation).toBe('LULEÅ KOMMUN');
  });

  it('prints no signature placeholder when the protocol is signed on paper', () => {
    const paper = buildProtocolData({ ...doc, meeting: { ...doc.meeting, digitalSignatures: false } }, { generatedAt: GENERATED_AT });
    expect(paper.footer.boxes.every((b) => b.text === undefined)).toBe(true);
    expect(paper.firstPage.signatures.every((s) => s.signature === undefined)).toBe(true);
  });
});

describe('buildProtocolData – the fixture meeting', async () => {
  const doc = await fixtureMeeting();
  const data = buildProtocolData(doc, { generatedAt: '2025-12-03T09:00:00+01:00' });
  const p = (n: number) => data.paragraphs.find((x) => x.number === n);

  it('states presence changes in the § where they happen', () => {
    expect(p(42)?.presenceNotes).toEqual([]);
    expect(p(43)?.presenceNotes).toEqual([
      'Erik Sjöberg (M) lämnar sammanträdet efter § 42.',
      'Sofia Nyman lämnar sammanträdet efter § 42.',
      'Åsa Öberg (M) tjänstgör från och med § 43 i stället för Erik Sjöberg (M).',
    ]);
  });

  it('records the vote, with the chair’s casting vote deciding the tie', () => {
    const vote = p(42)?.sections.find((s) => s.kind === 'vote');
    expect(vote?.kind).toBe('vote');
    if (vote?.kind !== 'vote') return;
    expect(vote.vote.totals).toEqual({ ja: 2, nej: 2, avstar: 1 });
    expect(vote.vote.rows[0]).toEqual({ name: 'Karin Lind', party: 'S', choice: 'Ja' });
    expect(vote.vote.result).toContain('ordförandens utslagsröst (Ja)');
    expect(vote.vote.result).toContain('Socialnämnden har därmed beslutat enligt ja-förslaget: ärendet avgörs i dag.');
  });

  it('words motions, reservations, notes and jäv as sentences', () => {
    const texts = data.paragraphs.flatMap((x) => x.sections.flatMap((s) => (s.kind === 'statements' ? s.items.map((i) => [s.heading, i.text, i.detail ?? '']) : [])));
    expect(texts).toEqual([
      ['Reservation', 'Erik Sjöberg (M) reserverar sig mot beslutet.', 'Kostnaderna för förslaget är inte utredda.'],
      ['Yrkanden', 'Karin Lind (S) yrkar bifall till förvaltningens förslag.', ''],
      ['Yrkanden', 'Erik Sjöberg (M) yrkar återremiss för att utreda kostnaderna.', ''],
      ['Protokollsanteckning', 'Jonas Hed (KD) antecknar följande till protokollet:', 'Jag avstår eftersom underlaget kom sent.'],
      ['Jäv', 'Nils Åkesson (C) anmäler jäv och deltar inte i handläggningen av ärendet.', 'Släktskap med den sökande.'],
    ]);
  });

  it('adds the immediate-adjustment point where the data lacks it', () => {
    const d = p(41)?.sections.find((s) => s.kind === 'decision');
    expect(d?.kind === 'decision' && d.points.map((x) => plainText(x))).toEqual([
      'Socialnämnden utser Maria Pekkala och Nils Åkesson att justera protokollet.',
      'Paragrafen anses omedelbart justerad.',
    ]);
  });

  it('marks remarks and officials’ titles in the närvarolista', () => {
    const rows = data.attendance.sections.flatMap((s) => s.groups.flatMap((g) => g.rows.map((r) => [g.heading, r.name, r.remark])));
    expect(rows).toContainEqual(['Tjänstgörande ledamöter', 'Erik Sjöberg', '§§ 41-42']);
    expect(rows).toContainEqual(['Tjänstgörande ledamöter', 'Jonas Hed', 'Deltar på distans']);
    expect(rows).toContainEqual(['Tjänstgörande ledamöter', 'Nils Åkesson', 'Jäv § 43']);
    expect(rows).toContainEqual(['Tjänstgörande ersättare', 'Åsa Öberg', 'Ersätter Erik Sjöberg; §§ 43-44']);
    expect(rows).toContainEqual(['Övriga', 'Olof Brännström', 'Nämndsekreterare']);
  });

  it('uses the recorded notice and two justerare', () => {
    expect(data.firstPage.bevis.rows[1]?.lines).toEqual(['2025-12-03 § 41']);
    expect(data.signaturePage.signers.map((s) => s.field)).toEqual(['sig-sekreterare', 'sig-ordforande', 'sig-justerare-1', 'sig-justerare-2']);
    expect(data.attachments).toHaveLength(1);
    expect(data.attachments[0]).toMatchObject({ kind: 'file', title: 'Budgetunderlag 2026', paragraph: 44 });
  });
});

describe('buildExtractData', () => {
  const doc = referenceMeeting();

  it('holds only the chosen §§ and a certification', () => {
    const data = buildExtractData(doc, { generatedAt: GENERATED_AT, paragraphs: [20, 21, 22] });
    expect(data.paragraphs.map((p) => p.number)).toEqual([20, 21, 22]);
    expect(data.rows.at(-1)).toEqual({ label: 'Utdrag ur protokollet', lines: ['§§ 20-22'] });
    expect(data.certification.signer).toEqual({ field: 'sig-utdragsbestyrkande', role: 'Sekreterare', name: 'Robert Karlsson' });
    expect(data.certification.rows.at(-1)).toEqual({ label: 'Datum', lines: ['2020-11-12'] });
    const json = JSON.stringify(data);
    expect(json).not.toContain('§ 23');
    expect(json).not.toContain('23-26');
    expect(json).not.toContain('tillfällig arbetsgrupp');
  });

  it('clips presence to the chosen §§ so nothing of the others shows', async () => {
    const fixture = await fixtureMeeting();
    const data = buildExtractData(fixture, { generatedAt: '2025-12-03T09:00:00+01:00', paragraphs: [41, 42] });
    const json = JSON.stringify(data);
    for (const leak of ['§ 43', '43-44', 'Jäv', 'Ersätter', 'Ansökan om bistånd', 'Verksamhetsplan']) expect(json).not.toContain(leak);
    const names = data.attendance.sections.flatMap((s) => s.groups.flatMap((g) => g.rows.map((r) => `${g.heading}: ${r.name}`)));
    expect(names).toContain('Ersättare: Åsa Öberg');
    expect(names).not.toContain('Tjänstgörande ersättare: Åsa Öberg');
  });

  it('refuses §§ that the meeting does not have', () => {
    expect(() => buildExtractData(doc, { generatedAt: GENERATED_AT, paragraphs: [19, 20] })).toThrow(/Paragraf 19 finns inte/);
  });
});

describe('buildKallelseData', () => {
  it('calls members and substitutes and lists the agenda', async () => {
    const data = buildKallelseData(await fixtureMeeting(), { generatedAt: '2025-11-20T09:00:00+01:00', openingItems: ['Val av justerare'] });
    expect(data.rows[0]).toEqual({ label: 'Tid', lines: ['Måndag 2025-12-01 kl. 18:00-20:15'] });
    expect(data.called.map((g) => [g.heading, g.rows.map((r) => r.name)])).toEqual([
      ['Ledamöter', ['Karin Lind', 'Erik Sjöberg', 'Nils Åkesson', 'Maria Pekkala', 'Jonas Hed']],
      ['Ersättare', ['Åsa Öberg', 'Lena Ström']],
    ]);
    expect(data.called[1]?.rows[0]?.remark).toBe('Personlig ersättare för Erik Sjöberg');
    expect(data.agenda.map((a) => [a.number, a.title, a.caseNumber ?? ''])).toEqual([
      ['1', 'Val av justerare', ''],
      ['2', 'Val av justerare', ''],
      ['3', 'Riktlinjer för hemtjänst 2026', 'SN 2025/118'],
      ['4', 'Ansökan om bistånd i särskilt ärende', 'SN 2025/131'],
      ['5', 'Verksamhetsplan 2026', 'SN 2025/140'],
    ]);
    expect(data.agenda[2]?.documents).toEqual(['Tjänsteskrivelse 2025-11-10', 'Förslag till riktlinjer för hemtjänst 2026']);
  });
});

describe('buildNoticeData', () => {
  it('counts the appeal period and explains laglighetsprövning', () => {
    const data = buildNoticeData(referenceMeeting(), { generatedAt: GENERATED_AT, paragraphs: [20, 21, 22], postedOn: '2020-11-06' });
    const row = (label: string) => data.rows.find((r) => r.label === label)?.lines;
    expect(row('Paragrafer')).toEqual(['§§ 20-22']);
    expect(row('Datum när anslaget sätts upp')).toEqual(['2020-11-06']);
    expect(row('Datum när anslaget tas ned')).toEqual(['2020-11-28']);
    expect(row('Sista dag för överklagande')).toEqual(['2020-11-27']);
    expect(row('Förvaringsplats för protokollet')).toEqual(['IT-kontoret Luleå kommun']);
    const appeal = data.appeal.paragraphs.join(' ');
    expect(appeal).toContain('kommuner som samverkar i nämnden');
    expect(appeal).toContain('13 kap. kommunallagen');
    expect(appeal).toContain('inom tre veckor från den dag då det tillkännagavs på anslagstavlan');
    expect(appeal).toContain('senast 2020-11-27');
    expect(appeal).toContain('förvaltningsrätten');
    expect(data.signer).toEqual({ field: 'sig-anslag', role: 'Anslaget bestyrks av', name: 'Lisa Lundgren' });
  });

  it('takes the posting date from the adjustment group and moves the last day past Christmas', async () => {
    const data = buildNoticeData(await fixtureMeeting(), { generatedAt: '2025-12-03T09:00:00+01:00', paragraphs: [41] });
    expect(data.rows.find((r) => r.label === 'Sista dag för överklagande')?.lines).toEqual(['2025-12-29']);
    expect(data.rows.find((r) => r.label === 'Datum när anslaget tas ned')?.lines).toEqual(['2025-12-30']);
    expect(data.appeal.paragraphs[0]).toMatch(/^Den som är medlem av kommunen/);
  });

  it('asks for the posting date when none is recorded', async () => {
    const doc = await fixtureMeeting();
    expect(() => buildNoticeData(doc, { generatedAt: '2025-12-03T09:00:00+01:00', paragraphs: [42] })).toThrow(/Ange det datum/);
  });
});
