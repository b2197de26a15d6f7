// The reference meeting (Norrbottens e-nämnd 2020-11-05, §§ 20–26) entered as data in the
// meeting format: it must parse, hold the key facts of the protocol, and carry its text verbatim
// from the clean transcription (test/fixtures/reference, a copy of the shared reference; see its README).
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { meetingDocumentSchema, type MeetingDocument } from '../../core/format/meeting';
import { plainText, type Block } from '../../core/format/richtext';

const here = path.dirname(fileURLToPath(import.meta.url));
const JSON_PATH = path.resolve(here, '../../core/reference/e-namnden-2020-11-05.json');
const MD_PATH = path.resolve(here, '../fixtures/reference/protokoll-e-namnden-2020-11-05.md');

const collapse = (s: string): string => s.replace(/\s+/g, ' ').trim();

function loadDocument(): MeetingDocument {
  const raw: unknown = JSON.parse(fs.readFileSync(JSON_PATH, 'utf8'));
  const result = meetingDocumentSchema.safeParse(raw);
  if (!result.success) {
    const issues = result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('\n');
    throw new Error(`e-namnden-2020-11-05.json is not a valid meeting document:\n${issues}`);
  }
  return result.data;
}

/** Every leaf text block (paragraph, heading) of rich text, including those inside lists. */
function leafBlocks(blocks: readonly Block[]): Block[] {
  return blocks.flatMap((b): Block[] => {
    switch (b.type) {
      case 'paragraph':
      case 'heading':
        return [b];
      case 'bullets':
      case 'numbered':
        return b.items.flatMap((item) => leafBlocks(item));
      case 'confidential':
        return leafBlocks(b.blocks);
      case 'figure':
        return b.caption === undefined ? [] : [b];
      default:
        return [];
    }
  });
}

/** Every piece of text the document takes from the protocol, labelled by where it sits. */
function textsOf(doc: MeetingDocument): { where: string; text: string }[] {
  const out: { where: string; text: string }[] = [];
  const rich = (where: string, blocks: readonly Block[] | undefined) => {
    if (blocks === undefined) return;
    leafBlocks(blocks).forEach((b, i) => out.push({ where: `${where}[${i}]`, text: plainText([b]) }));
  };
  for (const p of doc.paragraphs) {
    const at = `§ ${p.number}`;
    out.push({ where: `${at} title`, text: p.title });
    if (p.caseNumber !== undefined) out.push({ where: `${at} caseNumber`, text: p.caseNumber });
    p.decision?.points.forEach((point, i) => rich(`${at} decision point ${i + 1}`, point));
    rich(`${at} summary`, p.summary);
    rich(`${at} description`, p.description);
    rich(`${at} body`, p.body);
    p.decisionDocuments.forEach((d, i) => out.push({ where: `${at} decisionDocuments[${i}]`, text: d }));
    for (const a of p.attachments) {
      out.push({ where: `${at} attachment title`, text: a.title });
      if (a.kind === 'document') {
        a.sections.forEach((s, i) => {
          out.push({ where: `${at} attachment section ${i + 1} heading`, text: s.heading });
          rich(`${at} attachment section ${i + 1} body`, s.body);
        });
      }
    }
  }
  return out;
}

const pointTexts = (doc: MeetingDocument, n: number): string[] => doc.paragraphs.find((p) => p.number === n)?.decision?.points.map((pt) => plainText(pt)) ?? [];

describe('reference meeting: Norrbottens e-nämnd 2020-11-05', () => {
  const doc = loadDocument();

  it('is a justera-meeting document, version 3, hosted by Luleå kommun', () => {
    expect(doc.format).toBe('justera-meeting');
    expect(doc.formatVersion).toBe(3);
    expect(doc.organisation).toEqual({ name: 'Luleå kommun', kind: 'kommun', headerName: 'LULEÅ KOMMUN' });
    expect(doc.board.name).toBe('Norrbottens e-nämnd');
    expect(doc.board.kind).toBe('gemensam_namnd');
    expect(doc.board.seats).toBe(14);
    expect(doc.board.storagePlace).toBe('IT-kontoret Luleå kommun');
  });

  it('has people sorted by key, keys being slugs of the names', () => {
    const keys = doc.people.map((p) => p.key);
    expect(keys).toEqual([...keys].sort());
    for (const p of doc.people) {
      const slug = p.name
        .toLowerCase()
        .replace(/[åä]/g, 'a')
        .replace(/ö/g, 'o')
        .replace(/é/g, 'e')
        .replace(/[^a-z0-9]+/g, '-')
        .replace(/^-+|-+$/g, '');
      expect(p.key).toBe(slug);
    }
    expect(doc.people).toHaveLength(17);
  });

  it('has the närvarolista: 11 members, 1 serving substitute, 2 present substitutes, 2 officials', () => {
    const by = (capacity: string) => doc.attendance.filter((a) => a.capacity === capacity).map((a) => a.person);
    expect(by('member')).toEqual([
      'isak-utsi',
      'sara-lundberg',
      'lena-goldkuhl',
      'magnus-johansson',
      'sven-tornberg',
      'henrik-blind',
      'stefan-sydberg',
      'ulrica-hammarstrom',
      'anders-lundkvist',
      'leif-nilsson',
      'roland-kemppainen',
    ]);
    expect(by('substitute')).toEqual(['anders-josefsson']);
    expect(by('present')).toEqual(['johan-johansson', 'robert-bernhardsson']);
    expect(by('official')).toEqual(['lisa-lundgren', 'robert-karlsson']);
    expect(doc.attendance).toHaveLength(16);
    for (const a of doc.attendance) {
      expect(a.fromParagraph).toBeUndefined();
      expect(a.toParagraph).toBeUndefined();
    }
  });

  it('has the board roster: 12 ledamöter (chair Anders Lundkvist) and 3 ersättare', () => {
    const roles = (role: string) => doc.members.filter((m) => m.role === role).map((m) => m.person);
    expect(roles('ordforande')).toEqual(['anders-lundkvist']);
    expect(roles('ledamot')).toHaveLength(11);
    expect(roles('ledamot')).toContain('maud-lundback');
    expect(roles('ersattare')).toEqual(['anders-josefsson', 'johan-johansson', 'robert-bernhardsson']);
    const member = (person: string) => doc.members.find((m) => m.person === person);
    expect(member('maud-lundback')).toMatchObject({ party: 'S', represents: 'Kalix' });
    expect(member('johan-johansson')?.substituteFor).toBe('lena-goldkuhl');
    expect(member('robert-bernhardsson')?.substituteFor).toBe('henrik-blind');
    expect(member('anders-josefsson')?.substituteFor).toBeUndefined();
    expect(doc.officials.map((o) => o.person)).toEqual(['lisa-lundgren', 'robert-karlsson']);
  });

  it('has the meeting header facts', () => {
    expect(doc.meeting).toMatchObject({
      date: '2020-11-05',
      startTime: '09:00',
      endTime: '10:30',
      place: 'Teams',
      status: 'held',
      secretary: 'robert-karlsson',
      chair: 'anders-lundkvist',
      justerare: ['sara-lundberg'],
      adjustmentTimePlace: 'Se digital signatur på sista sidan',
      digitalSignatures: true,
      noticeSignatory: 'lisa-lundgren',
    });
  });

  it('has §§ 20–26 with their titles', () => {
    expect(doc.paragraphs.map((p) => [p.number, p.title])).toEqual([
      [20, 'Beslut om tilldelning av ramavtal avseende Digitalt Nyckelsystem'],
      [21, 'Beslut om tilldelning av ramavtal avseende Trygghetsskapande teknik för särskilt boende'],
      [22, 'Beslut om tilldelning av ramavtal avseende dokument- och ärendehanteringssystem med stöd för möteshantering'],
      [23, 'Beslut om tillfällig arbetsgrupp'],
      [24, 'Beslut om inköp av diarie-enhet'],
      [25, 'Beslut dataskyddsombud'],
      [26, 'Övriga frågor'],
    ]);
    expect(doc.paragraphs.map((p) => p.caseNumber)).toEqual(['2019/258 (Luleå kommun)', ...Array(6).fill(undefined)]);
  });

  it('has § 20’s four decision points exactly', () => {
    const p20 = doc.paragraphs.find((p) => p.number === 20);
    expect(p20?.decision?.numbered).toBe(true);
    expect(pointTexts(doc, 20)).toEqual([
      'E-nämnden beslutar att anta leverantör Swedlock AB (org nr: 556746-5843) med det lägsta jämförelsepriset. Avtalstiden är 4 år.',
      'Nämndens ordförande ges i uppdrag att underteckna ramavtal efter tiden för avtalsspärr enligt 20 kap. 1 § LOU har löpt ut.',
      'E-nämndens ordförande ges i uppdrag att ta beslut om ev förlängningar enligt gällande avtal. Vid förlängning av ramavtalet gäller det med oförändrade villkor. Förlängningar administreras av Luleå kommuns Inköp.',
      'Paragrafen anses omedelbart justerad.',
    ]);
  });

  it('has the decision shapes of §§ 21–26', () => {
    const p = (n: number) => doc.paragraphs.find((x) => x.number === n);
    for (const n of [21, 22]) {
      expect(p(n)?.decision?.numbered).toBe(true);
      expect(pointTexts(doc, n)).toHaveLength(4);
      expect(pointTexts(doc, n)[3]).toBe('Paragrafen anses omedelbart justerad.');
    }
    expect(pointTexts(doc, 21)[1]).toContain('20 kap. 1 § LOU. har löpt ut');
    expect(p(21)?.decision?.points[0]?.map((b) => b.type)).toEqual(['paragraph', 'bullets', 'paragraph']);
    for (const n of [23, 24, 25]) {
      expect(p(n)?.decision?.numbered).toBe(false);
      expect(p(n)?.decision?.points).toHaveLength(1);
    }
    expect(p(23)?.decision?.points[0]?.map((b) => b.type)).toEqual(['paragraph', 'bullets']);
    expect(p(26)?.decision).toBeUndefined();
    expect(p(26)?.body?.filter((b) => b.type === 'heading')).toHaveLength(2);
    const deck = p(22)?.attachments[0];
    expect(deck?.kind).toBe('document');
    if (deck?.kind === 'document') expect(deck.sections).toHaveLength(7);
  });

  it('marks §§ 20–22 immediately adjusted and groups the paragraphs for justering', () => {
    expect(doc.paragraphs.map((p) => [p.number, p.immediatelyAdjusted])).toEqual([
      [20, true],
      [21, true],
      [22, true],
      [23, false],
      [24, false],
      [25, false],
      [26, false],
    ]);
    expect(doc.adjustmentGroups).toEqual([
      { paragraphs: [20, 21, 22], immediate: true },
      { paragraphs: [23, 24, 25, 26], immediate: false },
    ]);
  });

  it('has every text verbatim from the transcription (test/fixtures/reference)', () => {
    const md = collapse(fs.readFileSync(MD_PATH, 'utf8'));
    const texts = textsOf(doc);
    expect(texts.length).toBeGreaterThan(100);
    const missing = texts.filter((t) => !md.includes(collapse(t.text)));
    expect(missing, `not found verbatim in the transcription:\n${missing.map((m) => `${m.where}: ${m.text}`).join('\n')}`).toEqual([]);
  });

  it('leaves out no text of §§ 20–26 and the slide deck', () => {
    const lines = fs.readFileSync(MD_PATH, 'utf8').split('\n');
    const start = lines.indexOf('## § 20');
    const end = lines.indexOf('## Sidor');
    expect(start).toBeGreaterThan(0);
    expect(end).toBeGreaterThan(start);
    const all = collapse(
      textsOf(doc)
        .map((t) => t.text)
        .join('\n'),
    );
    const structural = new Set(['### Beslut', '### Sammanfattning av ärendet', '### Beskrivning av ärendet', '### Beslutsunderlag']);
    const missing: string[] = [];
    for (const line of lines.slice(start, end)) {
      const l = line.trim();
      if (l === '' || l.startsWith('*[') || structural.has(l) || /^## § \d+$/.test(l)) continue;
      const content = collapse(
        l
          .replace(/^## Bilaga: /, '')
          .replace(/^### Bild \d+ – /, '')
          .replace(/^#{3,4} /, '')
          .replace(/^- (Rubrik|Ärendenr): /, '')
          .replace(/^- /, '')
          .replace(/^\d+\. /, ''),
      );
      if (!all.includes(content)) missing.push(content);
    }
    expect(missing, `transcription text missing from the JSON:\n${missing.join('\n')}`).toEqual([]);
  });
});
