// Extract, kallelse, tillkännagivande and a protocol with votes, jäv, secrecy and an attached
// PDF, rendered and read back.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildExtractData, buildKallelseData, buildNoticeData, buildProtocolData } from '../../core/documents';
import type { MeetingDocument } from '../../core/format/meeting';
import { renderExtract, renderKallelse, renderNotice, renderProtocol, type RenderResult } from '../../templates/render';
import { fixtureMeeting } from '../fixtures/documents/meeting';
import { GENERATED_AT, referenceMeeting } from './helpers/reference';
import { pdfFonts, pdfPages, pdfText, qpdfCheck, rasterise, tempDir, type TempDir } from './helpers/pdf-tools';
import { firstMissingInOrder, normalise } from './helpers/text';

let dir: TempDir;
let fixture: MeetingDocument;
const AT = '2025-12-03T09:00:00+01:00';

beforeAll(async () => {
  dir = tempDir();
  fixture = await fixtureMeeting();
});
afterAll(() => dir.remove());

function wellFormed(file: string): void {
  for (const f of pdfFonts(file)) {
    expect(f.embedded, f.name).toBe(true);
    expect(f.name).not.toMatch(/helvetica/i);
  }
  expect(qpdfCheck(file).status).toBe(0);
}

describe('protokollsutdrag of §§ 20-22', () => {
  let result: RenderResult;
  let file: string;
  beforeAll(async () => {
    result = await renderExtract(buildExtractData(referenceMeeting(), { generatedAt: GENERATED_AT, paragraphs: [20, 21, 22] }));
    file = dir.file('utdrag.pdf', result.pdf);
  });

  it('contains §§ 20-22, the attendance and the certification', () => {
    const expected = [
      'PROTOKOLLSUTDRAG',
      'Plats och tid',
      'Utdrag ur protokollet',
      '§§ 20-22',
      'NÄRVAROLISTA',
      'Tjänstgörande ledamöter',
      'Anders Lundkvist',
      '§ 20',
      'Beslut om tilldelning av ramavtal avseende Digitalt Nyckelsystem',
      '§ 21',
      'Beslut om tilldelning av ramavtal avseende Trygghetsskapande teknik för särskilt boende',
      '§ 22',
      'Utdragsbestyrkande',
      'Utdraget överensstämmer med originalprotokollet.',
      'Bestyrkt av',
      'Robert Karlsson, sekreterare',
      'Datum',
      '2020-11-12',
    ];
    expect(firstMissingInOrder(pdfText(file, undefined, 'raw'), expected)).toBeNull();
  });

  it('contains nothing of § 23 or later', () => {
    const text = normalise(pdfText(file));
    for (const leak of [
      '§ 23',
      '§ 24',
      '§ 25',
      '§ 26',
      '23-26',
      'Beslut om tillfällig arbetsgrupp',
      'Ordförande informerar om förslag för bildande av tillfällig arbetsgrupp',
      'diarie-enhet',
      'dataskyddsombud',
      'Övriga frågor',
    ]) {
      expect(text).not.toContain(leak);
    }
  });

  it('has its header on every page and one certification box on the last page', () => {
    const pages = pdfPages(file);
    pages.forEach((t, i) => expect(t).toContain(`${i + 1} (${pages.length})`));
    pages.forEach((t) => expect(t).toContain('PROTOKOLLSUTDRAG'));
    expect(result.signatureFields).toEqual([{ name: 'sig-utdragsbestyrkande', page: pages.length - 1, rect: [272, 521.89, 547.28, 591.89] }]);
    wellFormed(file);
  });
});

describe('kallelse', () => {
  it('calls members and substitutes and lists the agenda with case numbers and documents', async () => {
    const result = await renderKallelse(buildKallelseData(fixture, { generatedAt: '2025-11-20T09:00:00+01:00', openingItems: ['Val av justerare'] }));
    const file = dir.file('kallelse.pdf', result.pdf);
    const expected = [
      'Kallelse till sammanträde med Socialnämnden',
      'Tid',
      'Måndag 2025-12-01 kl. 18:00-20:15',
      'Plats',
      'Sammanträdesrum Älven, kommunhuset',
      'Kallade',
      'Ledamöter',
      'Karin Lind',
      'Ordförande',
      'Ersättare',
      'Åsa Öberg',
      'Personlig ersättare för Erik Sjöberg',
      'Föredragningslista',
      '1.',
      'Val av justerare',
      '3.',
      'Riktlinjer för hemtjänst 2026',
      'Ärendenr SN 2025/118',
      'Beslutsunderlag',
      'Tjänsteskrivelse 2025-11-10',
      '5.',
      'Verksamhetsplan 2026',
      'Karin Lind',
      'Olof Brännström',
    ];
    expect(firstMissingInOrder(pdfText(file, undefined, 'raw'), expected)).toBeNull();
    expect(result.signatureFields).toEqual([]);
    pdfPages(file).forEach((t, i, all) => expect(t).toContain(`${i + 1} (${all.length})`));
    wellFormed(file);
  });
});

describe('tillkännagivande', () => {
  it('states the dates, where the protocol is kept and how to appeal, on one page', async () => {
    const data = buildNoticeData(referenceMeeting(), { generatedAt: GENERATED_AT, paragraphs: [20, 21, 22], postedOn: '2020-11-06', appealCourt: 'Förvaltningsrätten i Luleå' });
    const result = await renderNotice(data);
    const file = dir.file('anslag.pdf', result.pdf);
    expect(result.pageCount).toBe(1);
    const expected = [
      'TILLKÄNNAGIVANDE',
      'Tillkännagivande om justerat protokoll',
      'Norrbottens e-nämnds protokoll från sammanträdet 2020-11-05, §§ 20-22, är justerat.',
      'Datum när anslaget sätts upp',
      '2020-11-06',
      'Datum när anslaget tas ned',
      '2020-11-28',
      'Sista dag för överklagande',
      '2020-11-27',
      'Förvaringsplats för protokollet',
      'IT-kontoret Luleå kommun',
      'Så överklagar du (laglighetsprövning)',
      'laglighetsprövning enligt 13 kap. kommunallagen (2017:725)',
      'inom tre veckor från den dag då det tillkännagavs på anslagstavlan',
      'Skicka överklagandet direkt till Förvaltningsrätten i Luleå',
      'Anslaget bestyrks av',
      'Lisa Lundgren',
    ];
    expect(firstMissingInOrder(pdfText(file, undefined, 'raw'), expected)).toBeNull();
    expect(result.signatureFields).toEqual([{ name: 'sig-anslag', page: 0, rect: [272, 91.89, 547.28, 161.89] }]);
    wellFormed(file);
  });
});

describe('a protocol with vote, jäv, secrecy and an attached PDF', () => {
  let result: RenderResult;
  let file: string;
  beforeAll(async () => {
    result = await renderProtocol(buildProtocolData(fixture, { generatedAt: AT }));
    file = dir.file('fixture.pdf', result.pdf);
  });

  it('prints the vote table, motions, reservation, note, jäv, secrecy mark and presence changes', () => {
    const expected = [
      '§ 42',
      'Riktlinjer för hemtjänst 2026',
      'Ärendenr SN 2025/118',
      'Beslut',
      'Reservation',
      'Erik Sjöberg (M) reserverar sig mot beslutet.',
      'Kostnaderna för förslaget är inte utredda.',
      'Yrkanden',
      'Karin Lind (S) yrkar bifall till förvaltningens förslag.',
      'Propositionsordning',
      'Omröstning',
      'Ja = ärendet avgörs i dag',
      'Namn Parti Ja Nej Avstår',
      'Karin Lind S X',
      'Erik Sjöberg M X',
      'Jonas Hed KD X',
      'Summa 2 2 1',
      'Då rösterna fallit lika avgör ordförandens utslagsröst (Ja).',
      'Protokollsanteckning',
      'Jonas Hed (KD) antecknar följande till protokollet:',
      'Expedieras till',
      'Kommunstyrelsen för kännedom',
      '§ 43',
      'Erik Sjöberg (M) lämnar sammanträdet efter § 42.',
      'Åsa Öberg (M) tjänstgör från och med § 43 i stället för Erik Sjöberg (M).',
      'Jäv',
      'Nils Åkesson (C) anmäler jäv och deltar inte i handläggningen av ärendet.',
      'Sekretess enligt 26 kap. 1 § OSL',
      'Den sökande har sedan våren 2025 haft behov av stöd i hemmet på grund av sjukdom.',
      '§ 44',
      'Prioriterade områden',
      'Figur 1. Budgetfördelning per verksamhetsområde 2026.',
      'Bilaga: Budgetunderlag 2026',
      'sida 1 av 2',
      'Bilaga: Budgetunderlag 2026',
      'sida 2 av 2',
      'Underskrifter',
    ];
    expect(firstMissingInOrder(pdfText(file, undefined, 'raw'), expected)).toBeNull();
    expect(pdfText(file)).not.toContain('Bild utan bildtext');
  });

  it('numbers the attached PDF’s pages in the protocol’s sequence, before the signature page', () => {
    const pages = pdfPages(file);
    expect(pages).toHaveLength(result.pageCount);
    pages.forEach((t, i) => expect(t).toContain(`${i + 1} (${pages.length})`));
    const n = pages.length;
    expect(pages[n - 3]).toContain('sida 1 av 2');
    expect(pages[n - 2]).toContain('sida 2 av 2');
    const raster = tempDir('justera-att-');
    try {
      const img = rasterise(file, 30, raster.path)[n - 3];
      if (img === undefined) throw new Error('no page');
      // The attached page's blue rectangle is drawn inside the attachment area.
      const dark = Array.from(img.data).filter((v) => v < 120).length;
      expect(dark).toBeGreaterThan(500);
    } finally {
      raster.remove();
    }
    wellFormed(file);
  });

  it('gives every signer a field on the last page', () => {
    expect(result.signatureFields.map((f) => [f.name, f.page])).toEqual([
      ['sig-sekreterare', result.pageCount - 1],
      ['sig-ordforande', result.pageCount - 1],
      ['sig-justerare-1', result.pageCount - 1],
      ['sig-justerare-2', result.pageCount - 1],
    ]);
  });
});
