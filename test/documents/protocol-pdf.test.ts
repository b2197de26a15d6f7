// The reference protocol rendered and read back with pdftotext, pdffonts, pdfinfo and qpdf.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PDFArray, PDFDict, PDFDocument, PDFName, PDFRawStream, PDFString } from 'pdf-lib';
import { buildProtocolData, type ProtocolData } from '../../core/documents';
import { renderProtocol, type RenderResult } from '../../templates/render';
import { readOutline } from '../../templates/pdf/outline';
import { GENERATED_AT, REFERENCE_NOTICES, referenceMeeting } from './helpers/reference';
import { pdfFonts, pdfInfo, pdfPages, pdfText, qpdfCheck, rasterise, tempDir, type TempDir } from './helpers/pdf-tools';
import { firstMissingInOrder, readableParts, withoutFurniture } from './helpers/text';

let dir: TempDir;
let data: ProtocolData;
let result: RenderResult;
let file: string;

beforeAll(async () => {
  dir = tempDir();
  data = buildProtocolData(referenceMeeting(), { generatedAt: GENERATED_AT, notices: REFERENCE_NOTICES });
  result = await renderProtocol(data);
  file = dir.file('protokoll.pdf', result.pdf);
});

afterAll(() => dir.remove());

describe('the reference protocol as PDF', () => {
  it('has every label, name and decision point of the reference, in order', () => {
    const doc = referenceMeeting();
    // Page furniture is checked per page below; here the content itself.
    const expected = [
      'Plats och tid',
      'Teams',
      '09:00-10:30, 2020-11-05',
      'Beslutande',
      'Enligt närvarolista',
      'Övriga närvarande',
      'Enligt närvarolista',
      'Justerare',
      'Sara Lundberg',
      'Tid och plats för justering',
      'Se digital signatur på sista sidan',
      'Justerade paragrafer',
      '20-26, varav 20-22 omedelbart justerade',
      'Sekreterare',
      '[Digitalt signerat, se sista sidan]',
      'Robert Karlsson',
      'Ordförande',
      'Anders Lundkvist',
      'Justerare',
      'Sara Lundberg',
      'BEVIS/ANSLAG',
      'E-nämndens protokoll är justerat. Justeringen har tillkännagivits genom anslag.',
      'Sammanträdesdatum',
      '2020-11-05',
      'Datum när anslaget sätts upp',
      '2020-11-06 §§ 20-22',
      '2020-11-12 §§ 23-26',
      'Datum när anslaget tas ned',
      '2020-11-28 §§ 20-22',
      '2020-12-04 §§ 23-26',
      'Förvaringsplats för protokollet',
      'IT-kontoret Luleå kommun',
      'Underskrift',
      'Lisa Lundgren',
      'NÄRVAROLISTA',
      'Beslutande',
      'Tjänstgörande ledamöter',
      'Namn',
      'Parti',
      'Kommun/Organisation',
      'Anmärkning',
      ...['Isak Utsi', 'Sara Lundberg', 'Lena Goldkuhl', 'Magnus Johansson', 'Sven Tornberg', 'Henrik Blind', 'Stefan Sydberg', 'Ulrica Hammarström'],
      'Anders Lundkvist',
      'Ordförande',
      ...['Leif Nilsson', 'Roland Kemppainen'],
      'Tjänstgörande ersättare',
      'Anders Josefsson',
      'Övriga närvarande',
      'Ersättare',
      'Johan Johansson',
      'Robert Bernhardsson',
      'Övriga',
      'Lisa Lundgren',
      'Norrbottens e-nämnd',
      'Robert Karlsson',
    ];
    for (const p of doc.paragraphs) {
      expected.push(`§ ${p.number}`, p.title);
      if (p.caseNumber !== undefined) expected.push(`Ärendenr ${p.caseNumber}`);
      if (p.decision !== undefined) expected.push('Beslut', ...p.decision.points.flatMap((point) => readableParts(point)));
      if (p.summary !== undefined) expected.push('Sammanfattning av ärendet', ...readableParts(p.summary));
      if (p.description !== undefined) expected.push('Beskrivning av ärendet', ...readableParts(p.description));
      if (p.body !== undefined) expected.push(...readableParts(p.body));
      if (p.decisionDocuments.length > 0) expected.push('Beslutsunderlag', ...p.decisionDocuments);
    }
    for (const a of doc.paragraphs.flatMap((p) => p.attachments)) {
      expected.push(`Bilaga: ${a.title}`);
      if (a.kind === 'document') for (const s of a.sections) expected.push(s.heading, ...readableParts(s.body));
    }
    expected.push('Underskrifter', 'Sekreterare', 'Robert Karlsson', 'Ordförande', 'Anders Lundkvist', 'Justerare', 'Sara Lundberg');
    // In content-stream order everything comes exactly in document order …
    const furniture = [
      'LULEÅ KOMMUN SAMMANTRÄDESPROTOKOLL',
      'Norrbottens e-nämnd 2020-11-05',
      'Justerandes signatur',
      '[Digitalt signerat, se sista sidan]',
      'Beslutandes underskrift',
      'Utdragsbestyrkande',
    ];
    expect(firstMissingInOrder(withoutFurniture(pdfText(file, undefined, 'raw'), furniture), expected)).toBeNull();
    // … and pdftotext's layout analysis finds every piece too (it reads tables column-wise).
    const analysedFurniture = [...furniture, 'LULEÅ KOMMUN', 'SAMMANTRÄDESPROTOKOLL', 'Norrbottens e-nämnd', '2020-11-05'];
    // It also joins a word broken after a hyphen ("dokument- och" at a line end), so compare without hyphens and spaces.
    const loose = (t: string) => t.replace(/[\s-]+/g, '');
    const analysed = loose(withoutFurniture(pdfText(file), analysedFurniture));
    expect(expected.filter((e) => !analysedFurniture.includes(e) && !analysed.includes(loose(e)))).toEqual([]);
  });

  it('prints the header with "n (N)" and the footer boxes on every page', () => {
    const pages = pdfPages(file);
    expect(pages).toHaveLength(result.pageCount);
    pages.forEach((text, i) => {
      for (const part of ['LULEÅ KOMMUN', 'SAMMANTRÄDESPROTOKOLL', `${i + 1} (${pages.length})`, 'Norrbottens e-nämnd', '2020-11-05']) {
        expect(text, `page ${i + 1}`).toContain(part);
      }
      for (const part of ['Justerandes signatur', 'Beslutandes underskrift', '[Digitalt signerat, se sista sidan]', 'Utdragsbestyrkande']) {
        expect(text, `page ${i + 1}`).toContain(part);
      }
    });
  });

  it('starts the närvarolista and every § on a page of its own and ends with the signature page', () => {
    const pages = pdfPages(file);
    const startsWith = (page: string | undefined, what: string) =>
      (page ?? '')
        .replace(/^[\s\S]*?2020-11-05\s+(\d+ \(\d+\)\s+)?/, '')
        .trimStart()
        .startsWith(what);
    expect(startsWith(pages[1], 'NÄRVAROLISTA')).toBe(true);
    for (const p of data.paragraphs)
      expect(
        pages.some((page) => startsWith(page, `${p.label}\n`)),
        p.label,
      ).toBe(true);
    expect(pages.at(-1)).toContain('Underskrifter');
  });

  it('embeds every font and uses no Helvetica', () => {
    const fonts = pdfFonts(file);
    expect(fonts.length).toBeGreaterThan(0);
    for (const f of fonts) {
      expect(f.embedded, f.name).toBe(true);
      expect(f.name).toMatch(/^[A-Z]{6}\+LiberationSans/);
    }
    expect(fonts.some((f) => /helvetica/i.test(f.name))).toBe(false);
    // Parts are typeset apart; each subset must still carry a tag of its own.
    expect(new Set(fonts.map((f) => f.name)).size).toBe(fonts.length);
  });

  it('has one outline over the joined parts: närvarolista, every §, bilagor, signatures', async () => {
    const pdf = await PDFDocument.load(result.pdf, { updateMetadata: false });
    const outline = readOutline(pdf);
    expect(outline.map((e) => e.title)).toEqual([
      'Sammanträdesprotokoll',
      'Närvarolista',
      ...data.paragraphs.map((p) => `${p.label} ${p.title}`),
      ...data.attachments.map((a) => `Bilaga: ${a.title}`),
      'Underskrifter',
    ]);
    const pages = pdfPages(file);
    for (const entry of outline.slice(2, 2 + data.paragraphs.length)) expect(pages[entry.page]).toContain(entry.title.split(' ').slice(0, 2).join(' '));
    expect(outline.at(-1)?.page).toBe(result.pageCount - 1);
  });

  it('passes qpdf --check', () => {
    const check = qpdfCheck(file);
    expect(check.output).toContain('No syntax or stream encoding errors');
    expect(check.status).toBe(0);
  });

  it('renders the same bytes for the same input', async () => {
    const again = await renderProtocol(data);
    expect(Buffer.from(again.pdf).equals(Buffer.from(result.pdf))).toBe(true);
  });

  it('carries title, author, subject, language and dates from the data', async () => {
    const info = pdfInfo(file);
    expect(info.Title).toBe('Protokoll Norrbottens e-nämnd 2020-11-05');
    expect(info.Author).toBe('Norrbottens e-nämnd');
    expect(info.Subject).toBe('Sammanträdesprotokoll §§ 20-26');
    expect(info.CreationDate).toBe('2020-11-12T09:00:00Z');
    expect(info.ModDate).toBe('2020-11-12T09:00:00Z');
    const pdf = await PDFDocument.load(result.pdf, { updateMetadata: false });
    expect(pdf.catalog.lookup(PDFName.of('Lang'), PDFString).decodeText()).toBe('sv-SE');
  });

  it('has XMP metadata and an sRGB output intent for PDF/A-2b', async () => {
    const pdf = await PDFDocument.load(result.pdf, { updateMetadata: false });
    const metadata = pdf.context.lookup(pdf.catalog.get(PDFName.of('Metadata')));
    if (!(metadata instanceof PDFRawStream)) throw new Error('no XMP stream');
    const xmp = Buffer.from(metadata.getContents()).toString('utf8');
    for (const part of [
      '<pdfaid:part>2</pdfaid:part>',
      '<pdfaid:conformance>B</pdfaid:conformance>',
      '<rdf:li xml:lang="x-default">Protokoll Norrbottens e-nämnd 2020-11-05</rdf:li>',
      '<rdf:li>Norrbottens e-nämnd</rdf:li>',
      '<rdf:li>sv-SE</rdf:li>',
      '<xmp:CreateDate>2020-11-12T09:00:00Z</xmp:CreateDate>',
      '<xmp:ModifyDate>2020-11-12T09:00:00Z</xmp:ModifyDate>',
    ]) {
      expect(xmp).toContain(part);
    }
    const intent = pdf.context.lookup(pdf.catalog.lookup(PDFName.of('OutputIntents'), PDFArray).get(0), PDFDict);
    expect(intent.lookup(PDFName.of('S'))?.toString()).toBe('/GTS_PDFA1');
    expect(intent.lookup(PDFName.of('DestOutputProfile'))).toBeInstanceOf(PDFRawStream);
    expect(Buffer.from(result.pdf.subarray(0, 8)).toString('latin1')).toBe('%PDF-1.7');
  });

  it('exports the signature boxes of the last page where they are drawn', () => {
    expect(result.signatureFields.map((f) => f.name)).toEqual(['sig-sekreterare', 'sig-ordforande', 'sig-justerare-1']);
    const pageDir = tempDir('justera-sig-');
    try {
      // At 144 dpi a point is two pixels: a hairline edge is at least one dark pixel.
      const scale = 2;
      const pages = rasterise(file, 72 * scale, pageDir.path);
      for (const field of result.signatureFields) {
        expect(field.page).toBe(result.pageCount - 1);
        const img = pages[field.page];
        if (img === undefined) throw new Error('no page');
        const [x1, y1, x2, y2] = field.rect.map((v) => v * scale) as [number, number, number, number];
        const top = Math.round(img.height - y2);
        const bottom = Math.round(img.height - y1);
        const left = Math.round(x1);
        const right = Math.round(x2);
        // Darkest pixel within one pixel of (x, y): an edge drawn there shows up as ink.
        const ink = (x: number, y: number) => Math.min(...[-1, 0, 1].flatMap((dx) => [-1, 0, 1].map((dy) => img.data[(y + dy) * img.width + x + dx] ?? 255)));
        const span = (a: number, b: number) => Array.from({ length: b - a - 8 }, (_, i) => a + 4 + i);
        const share = (values: number[]) => values.filter((v) => v < 160).length / values.length;
        expect(share(span(left, right).map((x) => ink(x, top))), `${field.name} top`).toBeGreaterThan(0.95);
        expect(share(span(left, right).map((x) => ink(x, bottom))), `${field.name} bottom`).toBeGreaterThan(0.95);
        expect(share(span(top, bottom).map((y) => ink(left, y))), `${field.name} left`).toBeGreaterThan(0.95);
        expect(share(span(top, bottom).map((y) => ink(right, y))), `${field.name} right`).toBeGreaterThan(0.95);
        // The inside is empty, ready for the signature appearance.
        const inside = span(top + 2, bottom - 2).flatMap((y) => span(left + 2, right - 2).map((x) => img.data[y * img.width + x] ?? 255));
        expect(share(inside), `${field.name} inside`).toBe(0);
      }
    } finally {
      pageDir.remove();
    }
  });
});
