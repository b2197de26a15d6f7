// Tagged PDF (components/tagged.tsx, pdf/pdfkit-tagging.ts, pdf/structure.ts), read back with
// pdf.js the way assistive technology reads it: every piece of text is either content of a
// structure element or an artifact (the repeated header and footer, the page number), the
// structure reads in order (§ headings H1, section headings H2, lists, tables), a paragraph
// broken over two pages is one element, and an attached PDF page is a Figure with a text.
import { execFileSync } from 'node:child_process';
import * as pdfjs from 'pdfjs-dist/legacy/build/pdf.mjs';
import { PDFArray, PDFDict, PDFDocument, PDFName } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildExtractData, buildKallelseData, buildNoticeData, buildProtocolData } from '../../core/documents';
import { renderExtract, renderKallelse, renderNotice, renderProtocol, type RenderResult } from '../../templates/render';
import { fixtureMeeting } from '../fixtures/documents/meeting';
import { generatedMeeting } from '../fixtures/documents/generate';
import { GENERATED_AT, referenceMeeting } from './helpers/reference';
import { qpdfCheck, tempDir } from './helpers/pdf-tools';

interface Node {
  role?: string;
  type?: string;
  id?: string;
  alt?: string;
  children?: Node[];
}

interface PageRead {
  /** Text by marked-content id. */
  content: Map<string, string>;
  /** Text inside /Artifact. */
  artifacts: string[];
  /** Text in no marked content at all. */
  unmarked: string[];
  tree: Node | null;
}

async function read(pdf: Uint8Array): Promise<PageRead[]> {
  const doc = await pdfjs.getDocument({ data: pdf.slice(), verbosity: 0 }).promise;
  const pages: PageRead[] = [];
  for (let n = 1; n <= doc.numPages; n += 1) {
    const page = await doc.getPage(n);
    const text = await page.getTextContent({ includeMarkedContent: true });
    const read: PageRead = { content: new Map(), artifacts: [], unmarked: [], tree: (await page.getStructTree()) as Node | null };
    const open: { tag: string; id: string | null }[] = [];
    for (const item of text.items as { type?: string; tag?: string; id?: string; str?: string }[]) {
      if (item.type === 'beginMarkedContent' || item.type === 'beginMarkedContentProps') open.push({ tag: item.tag ?? '', id: item.id ?? null });
      else if (item.type === 'endMarkedContent') open.pop();
      else if (item.str !== undefined && item.str.trim() !== '') {
        const marked = open.find((m) => m.id !== null);
        if (marked?.id) read.content.set(marked.id, `${read.content.get(marked.id) ?? ''}${item.str}`);
        else if (open.some((m) => m.tag === 'Artifact')) read.artifacts.push(item.str);
        else read.unmarked.push(item.str);
      }
    }
    pages.push(read);
  }
  await doc.destroy();
  return pages;
}

/** Leaves of the structure in reading order, with their text and the roles of their ancestors, over all pages. */
function leaves(pages: PageRead[]): { role: string; text: string; path: string[] }[] {
  const out: { role: string; text: string; path: string[] }[] = [];
  const walk = (node: Node, page: PageRead, path: string[]) => {
    const kids = node.children ?? [];
    const content = kids.filter((k) => k.type === 'content' && k.id !== undefined);
    if (content.length > 0 && node.role !== undefined) {
      out.push({ role: node.role, text: content.map((c) => page.content.get(c.id ?? '') ?? '').join(''), path: path.slice(0, -1) });
    }
    for (const k of kids) if (k.role !== undefined) walk(k, page, [...path, k.role]);
  };
  for (const page of pages) if (page.tree) walk(page.tree, page, []);
  return out;
}

const dir = tempDir('justera-tagged-');
let reference: RenderResult;
let refPages: PageRead[];
beforeAll(async () => {
  reference = await renderProtocol(buildProtocolData(referenceMeeting(), { generatedAt: GENERATED_AT }));
  refPages = await read(reference.pdf);
}, 60_000);
afterAll(() => dir.remove());

describe('the reference protocol as tagged PDF', () => {
  it('is marked as tagged, with a structure tree, and passes qpdf --check', async () => {
    const file = dir.file('ref.pdf', reference.pdf);
    expect(execFileSync('pdfinfo', [file], { encoding: 'utf8' })).toMatch(/Tagged:\s+yes/);
    expect(qpdfCheck(file).status).toBe(0);
    const doc = await PDFDocument.load(reference.pdf);
    expect(doc.catalog.lookup(PDFName.of('MarkInfo'), PDFDict).get(PDFName.of('Marked'))?.toString()).toBe('true');
    const root = doc.catalog.lookup(PDFName.of('StructTreeRoot'), PDFDict);
    expect(root.lookup(PDFName.of('K'), PDFDict).get(PDFName.of('S'))).toBe(PDFName.of('Document'));
    // Header cells say what they head.
    let headers = 0;
    for (const [, obj] of doc.context.enumerateIndirectObjects()) {
      if (!(obj instanceof PDFDict) || obj.get(PDFName.of('S')) !== PDFName.of('TH')) continue;
      expect(obj.lookup(PDFName.of('A'), PDFDict).get(PDFName.of('Scope'))).toBe(PDFName.of('Column'));
      headers += 1;
    }
    expect(headers).toBeGreaterThan(3);
    // No working records are left in the file.
    for (const page of doc.getPages()) expect(page.node.has(PDFName.of('JusteraTags'))).toBe(false);
  });

  it('has no text outside content and artifacts; header, footer and page numbers are artifacts', () => {
    for (const [i, page] of refPages.entries()) {
      expect(page.unmarked, `sida ${i + 1}`).toEqual([]);
      const artifacts = page.artifacts.join(' ');
      expect(artifacts, `sida ${i + 1}`).toContain('SAMMANTRÄDESPROTOKOLL');
      expect(artifacts, `sida ${i + 1}`).toContain(`${i + 1} (${refPages.length})`);
      expect(artifacts, `sida ${i + 1}`).toContain('Justerandes signatur');
      expect(page.content.size, `sida ${i + 1}`).toBeGreaterThan(0);
    }
  });

  it('reads the §§ as sections with H1 headings, in order, with the decision as a list', () => {
    const all = leaves(refPages);
    const headings = all.filter((l) => l.role === 'H1' && l.text.startsWith('§')).map((l) => l.text.slice(0, 4));
    expect(headings).toEqual(['§ 20', '§ 21', '§ 22', '§ 23', '§ 24', '§ 25', '§ 26']);
    const h20 = all.find((l) => l.text.startsWith('§ 20'));
    expect(h20?.text).toContain('Beslut om tilldelning av ramavtal avseende Digital');
    expect(h20?.path).toEqual(['Document', 'Sect']);
    const beslut = all.findIndex((l) => l.role === 'H2' && l.text === 'Beslut');
    expect(beslut).toBeGreaterThan(all.indexOf(h20 as (typeof all)[number]));
    expect(all[beslut + 1]).toMatchObject({ role: 'Lbl', text: '1.', path: ['Document', 'Sect', 'L', 'LI'] });
    expect(all[beslut + 2]?.path).toEqual(['Document', 'Sect', 'L', 'LI', 'LBody']);
    expect(all[beslut + 2]?.text).toContain('E-nämnden beslutar att anta leverantör Swedlock AB');
  });

  it('puts each link in the paragraph that shows it, as a Link element pointing at its annotation', async () => {
    const doc = await PDFDocument.load(reference.pdf);
    const links: PDFDict[] = [];
    for (const [, obj] of doc.context.enumerateIndirectObjects()) {
      if (obj instanceof PDFDict && obj.get(PDFName.of('S')) === PDFName.of('Link')) links.push(obj);
    }
    expect(links.length).toBeGreaterThan(0);
    const annotations = doc.getPages().flatMap((p) => p.node.Annots()?.asArray() ?? []);
    for (const link of links) {
      expect(link.lookup(PDFName.of('P'), PDFDict).get(PDFName.of('S'))).toBe(PDFName.of('P'));
      const objr = link.lookup(PDFName.of('K'), PDFArray).lookup(0, PDFDict);
      expect(objr.get(PDFName.of('Type'))).toBe(PDFName.of('OBJR'));
      const annot = objr.lookup(PDFName.of('Obj'), PDFDict);
      expect(annot.get(PDFName.of('Subtype'))).toBe(PDFName.of('Link'));
      expect(annot.has(PDFName.of('StructParent'))).toBe(true);
      expect(annot.has(PDFName.of('JusteraAnnot'))).toBe(false);
      expect(String(annot.get(PDFName.of('Contents')))).toMatch(/^</);
      expect(annotations).toContain(objr.get(PDFName.of('Obj')));
    }
  });

  it('tags the närvarolista as tables with header cells', () => {
    const all = leaves(refPages);
    const th = all.filter((l) => l.role === 'TH').map((l) => l.text);
    expect(th.slice(0, 2)).toEqual(['Namn', 'Parti']);
    const td = all.find((l) => l.role === 'TD');
    expect(td?.path.slice(-2)).toEqual(['Table', 'TR']);
    expect(all.some((l) => l.role === 'H1' && l.text === 'NÄRVAROLISTA')).toBe(true);
  });
});

describe('tagging across pages and attachments', () => {
  it('keeps a paragraph broken over a page break as one element with content on both pages', async () => {
    const data = buildProtocolData(generatedMeeting({ paragraphs: 3, textParagraphs: 30, wordsPerTextParagraph: 150, seed: 3 }), { generatedAt: GENERATED_AT });
    const { pdf } = await renderProtocol(data);
    const doc = await PDFDocument.load(pdf);
    let split = 0;
    for (const [, obj] of doc.context.enumerateIndirectObjects()) {
      if (!(obj instanceof PDFDict) || obj.get(PDFName.of('Type')) !== PDFName.of('StructElem')) continue;
      const kids = obj.lookup(PDFName.of('K'));
      if (kids instanceof PDFArray && kids.asArray().some((k) => k instanceof PDFDict && k.get(PDFName.of('Type')) === PDFName.of('MCR'))) split += 1;
    }
    expect(split).toBeGreaterThan(0);
    const pages = await read(pdf);
    for (const page of pages) expect(page.unmarked).toEqual([]);
  }, 60_000);

  it('makes each page of an attached PDF a Figure with a text alternative', async () => {
    const { pdf } = await renderProtocol(buildProtocolData(await fixtureMeeting(), { generatedAt: GENERATED_AT }));
    const pages = await read(pdf);
    const figures: Node[] = [];
    const walk = (n: Node) => {
      if (n.role === 'Figure') figures.push(n);
      (n.children ?? []).forEach(walk);
    };
    pages.forEach((p) => p.tree && walk(p.tree));
    expect(figures.length).toBeGreaterThan(0);
    expect(figures[0]?.alt).toMatch(/^Bilaga: .+, sida 1 av \d+$/);
  }, 60_000);
});

describe('the other documents are tagged too', () => {
  it('kallelse, extract and notice: every text is content or artifact, with a heading first', async () => {
    const fixture = await fixtureMeeting();
    const files = [
      await renderKallelse(buildKallelseData(fixture, { generatedAt: '2025-11-20T09:00:00+01:00', openingItems: ['Val av justerare'] })),
      await renderExtract(buildExtractData(referenceMeeting(), { generatedAt: GENERATED_AT, paragraphs: [20, 21, 22] })),
      await renderNotice(buildNoticeData(referenceMeeting(), { generatedAt: GENERATED_AT, paragraphs: [20, 21, 22], postedOn: '2020-11-06', appealCourt: 'Förvaltningsrätten i Luleå' })),
    ];
    for (const { pdf } of files) {
      const pages = await read(pdf);
      for (const page of pages) expect(page.unmarked).toEqual([]);
      const all = leaves(pages);
      expect(all.length).toBeGreaterThan(3);
      expect(all.find((l) => l.role.startsWith('H'))?.role).toBe('H1');
    }
  }, 60_000);
});
