// Attack corpus (issue 13): every published class of PDF signature forgery, built at test time, must
// make our verifier say "ändrat efter underskrift" (or the signature invalid) with the reason, while
// our own signatures (B-B and B-T) stay valid. pdfsig's verdict is recorded beside ours.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PDFDict, PDFName, PDFNumber, PDFRef } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../electron/cli/main';
import { verifyPdf, type VerificationReport } from '../../electron/services/signing';
import { parseRevisions } from '../../electron/services/signing/revisions';
import { appendHybrid, appendRaw, contentStream, fieldRef, latin1, load, makeShadowBase, nextNumber, pageInfo, signAs } from './helpers/attacks';
import { makeProtocolPdf } from './helpers/pdf';
import { makeTestPki } from './helpers/pki';
import { startTestTsa, type TestTsa } from './helpers/tsa-server';
import { hasTool, pdfsig } from './helpers/tools';

let dir: string;
let pki: Awaited<ReturnType<typeof makeTestPki>>;
let tsa: TestTsa;
let base: Uint8Array;
let s1: Uint8Array; // secretary signed
let s2: Uint8Array; // secretary and chair signed
let shadow: Awaited<ReturnType<typeof makeShadowBase>>;
let sh1: Uint8Array; // the shadow base, signed by the secretary
const withPdfsig = hasTool('pdfsig') || process.env.CI === 'true';

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'justera-attacks-'));
  pki = await makeTestPki();
  tsa = await startTestTsa(dir, pki.ca);
  base = await makeProtocolPdf();
  s1 = await signAs(base, pki.asa, pki.ca, 'sig-sekreterare');
  s2 = await signAs(s1, pki.robert, pki.ca, 'sig-ordforande');
  shadow = await makeShadowBase();
  sh1 = await signAs(shadow.pdf, pki.asa, pki.ca, 'sig-sekreterare');
}, 60_000);
afterAll(async () => {
  await tsa.close();
  rmSync(dir, { recursive: true, force: true });
});

const verify = (pdf: Uint8Array): Promise<VerificationReport> => verifyPdf(pdf, { trustAnchors: [pki.ca.certDer], now: new Date('2020-11-07T00:00:00Z') });
const allProblems = (r: VerificationReport): string => [...r.problems, ...r.signatures.flatMap((s) => s.problems)].join(' ');

/** pdfsig's verdict in one line: per signature its validation, and "hela" when it claims the whole document. */
function pdfsigVerdict(name: string, pdf: Uint8Array): string {
  const file = join(dir, `${name}.pdf`);
  writeFileSync(file, pdf);
  const t = pdfsig(file);
  const sigs = t.signatures.filter((s) => s.signed);
  if (sigs.length === 0) return t.output.includes('does not contain any signatures') ? 'inga signaturer' : 'läser inte filen';
  return sigs.map((s) => `${(s.validation ?? '?').replace(/\.$/, '')}${s.totalDocumentSigned ? ' (hela)' : ''}`).join('; ');
}

interface AttackCase {
  id: string;
  build: () => Promise<Uint8Array>;
  /** Our reason, in the problems of the report. */
  reason: RegExp;
}

async function fieldWith(pdf: Uint8Array, name: string, changes: Record<string, string>): Promise<{ num: number; text: string }> {
  const doc = await load(pdf);
  const ref = fieldRef(doc, name);
  const d = doc.context.lookup(ref, PDFDict);
  let text = d.toString();
  for (const [k, v] of Object.entries(changes)) {
    text = d.has(PDFName.of(k)) ? text.replace(new RegExp(`/${k} (\\[[^\\]]*\\]|\\S+( \\d+ R)?)`), `/${k} ${v}`) : text.replace(/>>\s*$/, `/${k} ${v}\n>>`);
  }
  return { num: ref.objectNumber, text };
}

/** An increment that "signs" the chair's field with a broken signature dictionary. */
async function usf(sigDict: string): Promise<Uint8Array> {
  const n = nextNumber(s1);
  const field = await fieldWith(s1, 'sig-ordforande', { V: `${n} 0 R` });
  return appendRaw(s1, [field, { num: n, text: sigDict }]);
}

/** b, c, d of the first signature's /ByteRange [0 b c d]. */
const realRange = (pdf: Uint8Array): [number, number, number] => {
  const m = /\/ByteRange \[\s*0\s+(\d+)\s+(\d+)\s+(\d+)\s*\]/.exec(latin1(pdf));
  return [Number(m?.[1]), Number(m?.[2]), Number(m?.[3])];
};
const realCmsHex = (pdf: Uint8Array): string => /\/Contents <([0-9a-fA-F]+)>/.exec(latin1(pdf))?.[1] ?? '';
const sigHead = '<< /Type /Sig /Filter /Adobe.PPKLite /SubFilter /ETSI.CAdES.detached /M (D:20201106130000Z)';

async function doctoredContent(pdf: Uint8Array): Promise<{ num: number; text: string }> {
  const { contents } = await pageInfo(pdf);
  return { num: contents.objectNumber, text: contentStream('BT /F1 24 Tf 50 700 Td (Beslutet upphävt) Tj ET') };
}

/** A new catalog and page tree where § 20 names another supplier; no old object is touched. */
async function newRoot(pdf: Uint8Array): Promise<Uint8Array> {
  const { doc, page } = await pageInfo(pdf);
  const n = nextNumber(pdf);
  const catalog = doc.catalog.toString().replace(/\/Pages \d+ 0 R/, `/Pages ${n + 1} 0 R`);
  const pageText = doc.context
    .lookup(page, PDFDict)
    .toString()
    .replace(/\/Parent \d+ 0 R/, `/Parent ${n + 1} 0 R`)
    .replace(/\/Contents (\[[^\]]*\]|\d+ 0 R)/, `/Contents ${n + 3} 0 R`);
  return appendRaw(
    pdf,
    [
      { num: n, text: catalog },
      { num: n + 1, text: `<< /Type /Pages /Kids [${n + 2} 0 R] /Count 1 >>` },
      { num: n + 2, text: pageText },
      { num: n + 3, text: contentStream('BT /F1 12 Tf 50 750 Td (§ 20 Upphandling: leverantör Skuggbolaget AB) Tj ET') },
    ],
    { root: `${n} 0 R` },
  );
}

/** The content stream defined twice in one update: the xref points at the doctored copy, a sequential parser keeps the original. */
async function duplicateObject(pdf: Uint8Array): Promise<Uint8Array> {
  const doc = await load(pdf);
  const { contents } = await pageInfo(pdf);
  const original = doc.context.lookup(contents);
  const originalText = `${original!.toString()}`;
  const doctored = await doctoredContent(pdf);
  const withDoctored = appendRaw(pdf, [doctored, { num: contents.objectNumber, text: originalText }]);
  // appendRaw listed the last copy; point the xref at the first (doctored) one instead.
  const text = latin1(withDoctored);
  const firstAt = text.indexOf(`${contents.objectNumber} 0 obj`, pdf.length);
  const lastAt = text.lastIndexOf(`${contents.objectNumber} 0 obj`);
  const entry = `${contents.objectNumber} 1\n${String(lastAt).padStart(10, '0')} 00000 n`;
  expect(text.includes(entry)).toBe(true);
  return new Uint8Array(Buffer.from(text.replace(entry, `${contents.objectNumber} 1\n${String(firstAt).padStart(10, '0')} 00000 n`), 'latin1'));
}

/** Signature wrapping: the signed bytes kept, the second part moved behind new objects in the gap. */
function wrapped(pdf: Uint8Array): Uint8Array {
  const text = latin1(pdf);
  const m = /\/ByteRange \[\s*0\s+(\d+)\s+(\d+)\s+(\d+)\s*\]/.exec(text)!;
  const [b, c, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const sigStart = text.lastIndexOf(' 0 obj', m.index);
  const sigNum = Number(/(\d+)$/.exec(text.slice(0, sigStart))![1]);
  const headerAt = text.lastIndexOf(`${sigNum} 0 obj`, m.index);
  const sigEnd = text.indexOf('endobj', c) + 'endobj'.length;
  const injectedNum = Number(/\/Size (\d+)/.exec(text.slice(text.lastIndexOf('trailer')))![1]);
  let out = text.slice(0, c); // part one and the original /Contents
  out += `\n${injectedNum} 0 obj\n${contentStream('BT /F1 24 Tf 50 700 Td (Beslutet upphävt) Tj ET')}\nendobj\n`;
  const cPrime = out.length + `${sigNum} 0 obj\n`.length + text.slice(headerAt + `${sigNum} 0 obj\n`.length, c).length;
  const newSigAt = out.length;
  out += text.slice(headerAt, c).replace(/\/ByteRange \[[^\]]*\]/, `/ByteRange [0 ${b} ${cPrime} ${d}]`);
  expect(out.length).toBe(cPrime); // same width
  out += text.slice(c, sigEnd);
  out += text.slice(sigEnd, c + d);
  const xrefAt = out.length;
  out += `xref\n${sigNum} 1\n${String(newSigAt).padStart(10, '0')} 00000 n\r\n${injectedNum} 1\n${String(text.length).padStart(10, '0')} 00000 n\r\n`;
  out += `trailer\n<< /Size ${injectedNum + 1} /Root 1 0 R /Prev ${xrefAt} >>\nstartxref\n${xrefAt}\n%%EOF\n`;
  return new Uint8Array(Buffer.from(out, 'latin1'));
}

const cases: AttackCase[] = [
  { id: 'USF: /Contents saknas', build: () => usf(`${sigHead} /ByteRange [0 10 20 30] >>`), reason: /\/ByteRange|\/Contents|CMS|signatur/i },
  { id: 'USF: /Contents null', build: () => usf(`${sigHead} /ByteRange [0 10 20 30] /Contents null >>`), reason: /\/ByteRange|\/Contents|CMS|signatur/i },
  { id: 'USF: /Contents skräp', build: () => usf(`${sigHead} /ByteRange [0 10 20 30] /Contents <00ff00ff> >>`), reason: /\/ByteRange|\/Contents|CMS|signatur/i },
  { id: 'USF: /ByteRange saknas', build: async () => usf(`${sigHead} /Contents <${realCmsHex(s1)}> >>`), reason: /saknar giltig \/ByteRange/ },
  { id: 'USF: /ByteRange null', build: async () => usf(`${sigHead} /ByteRange null /Contents <${realCmsHex(s1)}> >>`), reason: /saknar giltig \/ByteRange/ },
  { id: 'USF: /ByteRange skräp', build: async () => usf(`${sigHead} /ByteRange [0 0 0 0] /Contents <${realCmsHex(s1)}> >>`), reason: /ByteRange|filversion/ },
  {
    id: 'USF: /ByteRange negativ',
    build: async () => usf(`${sigHead} /ByteRange [0 -10 ${realRange(s1)[1]} ${realRange(s1)[2]}] /Contents <${realCmsHex(s1)}> >>`),
    reason: /saknar giltig \/ByteRange/,
  },
  {
    id: 'USF: /ByteRange överlappar /Contents',
    build: async () => usf(`${sigHead} /ByteRange [0 ${realRange(s1)[1] + 64} ${realRange(s1)[1]} ${realRange(s1)[2]}] /Contents <${realCmsHex(s1)}> >>`),
    reason: /osignerade området i \/ByteRange/,
  },
  // The secretary's valid signature (its /ByteRange and /Contents) copied into a new dictionary for the chair's field.
  {
    id: 'Kopierad signatur: sekreterarens underskrift i ordförandens fält',
    build: async () => usf(`${sigHead} /ByteRange [0 ${realRange(s1).join(' ')}] /Contents <${realCmsHex(s1)}> >>`),
    reason: /fältet "sig-ordforande" är en kopia av underskriften i fältet "sig-sekreterare"/,
  },
  {
    id: 'ISA: ny innehållsström, ny xref och trailer',
    build: async () => appendRaw(s2, [await doctoredContent(s2)]),
    reason: /Ändrat efter underskrift: En innehållsström \(objekt \d+\) har ändrats/,
  },
  {
    id: 'ISA: ny sida i sidträdet',
    build: async () => {
      const { doc, page } = await pageInfo(s2);
      const n = nextNumber(s2);
      const pagesRef = doc.catalog.get(PDFName.of('Pages'))!.toString();
      const pages = doc.catalog
        .lookup(PDFName.of('Pages'), PDFDict)
        .toString()
        .replace(/\/Kids \[/, `/Kids [${n} 0 R `)
        .replace(/\/Count (\d+)/, (_, c: string) => `/Count ${Number(c) + 1}`);
      const newPage = doc.context
        .lookup(page, PDFDict)
        .toString()
        .replace(/\/Contents (\[[^\]]*\]|\d+ 0 R)/, `/Contents ${n + 1} 0 R`)
        .replace(/\/Annots (\[[^\]]*\]|\d+ 0 R)/, '');
      return appendRaw(s2, [
        { num: Number(pagesRef.split(' ')[0]), text: pages },
        { num: n, text: newPage },
        { num: n + 1, text: contentStream('BT /F1 12 Tf 50 750 Td (Tillagd sida) Tj ET') },
      ]);
    },
    reason: /Ändrat efter underskrift: Sidträdet \(\/Pages\) \(objekt \d+\) har ändrats \(\/Kids, \/Count\)/,
  },
  {
    id: 'ISA: /OpenAction med JavaScript och ny XMP-metadata i katalogen',
    build: async () => {
      const doc = await load(s2);
      const n = nextNumber(s2);
      const root = doc.context.trailerInfo.Root as PDFRef;
      const catalog = doc.catalog.toString().replace(/>>\s*$/, `/OpenAction ${n} 0 R /Metadata ${n + 1} 0 R >>`);
      const xmp = '<x:xmpmeta xmlns:x="adobe:ns:meta/"><dc:title>Annat protokoll</dc:title></x:xmpmeta>';
      return appendRaw(s2, [
        { num: root.objectNumber, text: catalog },
        { num: n, text: '<< /S /JavaScript /JS (this.getField\\("sig-ordforande"\\).display = display.hidden;) >>' },
        { num: n + 1, text: `<< /Type /Metadata /Subtype /XML /Length ${xmp.length} >>\nstream\n${xmp}\nendstream` },
      ]);
    },
    reason: /Ändrat efter underskrift: Katalogen \(\/Root\): \/OpenAction har ändrats/,
  },
  { id: 'ISA utan xref: objekt efter %%EOF', build: async () => appendRaw(s2, [await doctoredContent(s2)], { noXref: true }), reason: /Efter filens sista version \(%%EOF\) finns 1 objekt/ },
  {
    id: 'ISA: objekt utanför xref',
    build: async () => {
      const d = await doctoredContent(s2);
      return appendRaw(s2, [d, { num: nextNumber(s2), text: '<< /Oskyldig true >>' }], { unlisted: [d.num] });
    },
    reason: /finns inte i versionens korsreferens/,
  },
  {
    id: 'ISA: xref pekar på skräp',
    build: async () => {
      const { contents } = await pageInfo(s2);
      return appendRaw(s2, [], { entries: [{ num: contents.objectNumber, offset: 5 }] });
    },
    reason: /pekar för objekt \d+ på något som inte är ett objekt/,
  },
  {
    id: 'ISA gömd i hybrid-xref (/XRefStm, objektström)',
    build: async () => {
      const { font } = await pageInfo(s2);
      return appendHybrid(s2, font.objectNumber, '<< /Type /Font /Subtype /Type1 /BaseFont /Courier /Encoding /WinAnsiEncoding >>');
    },
    reason: /Ändrat efter underskrift: Ett typsnitt \(objekt \d+\) har ändrats \(\/BaseFont\)/,
  },
  { id: 'SWA: /ByteRange flyttad, innehåll i luckan', build: async () => wrapped(s1), reason: /osignerade området|signature wrapping|fullständig filversion/ },
  {
    id: 'Shadow hide: överlägg borttaget genom bara en xref-post',
    build: async () => {
      const at = latin1(sh1).indexOf(`\n${shadow.blank} 0 obj`) + 1;
      return appendRaw(sh1, [], { entries: [{ num: shadow.overlay, offset: at }] });
    },
    reason: /Ändrat efter underskrift: .*objekt \d+\) har ändrats|pekar för objekt/,
  },
  {
    id: 'Shadow hide: sidans /Contents utan överlägget',
    build: async () => {
      const { doc, page } = await pageInfo(sh1);
      const text = doc.context
        .lookup(page, PDFDict)
        .toString()
        .replace(new RegExp(` ?${shadow.overlay} 0 R`), '');
      return appendRaw(sh1, [{ num: page.objectNumber, text }]);
    },
    reason: /Ändrat efter underskrift: En sida \(objekt \d+\) har ändrats \(\/Contents\)/,
  },
  {
    id: 'Shadow replace: typsnittet utbytt',
    build: async () => {
      const { font } = await pageInfo(sh1);
      return appendRaw(sh1, [{ num: font.objectNumber, text: '<< /Type /Font /Subtype /Type1 /BaseFont /Courier /Encoding /WinAnsiEncoding >>' }]);
    },
    reason: /Ändrat efter underskrift: Ett typsnitt \(objekt \d+\) har ändrats \(\/BaseFont\)/,
  },
  {
    id: 'Shadow replace: formulärfältets värde',
    build: async () => {
      const doc = await load(sh1);
      const ref = fieldRef(doc, 'beslut');
      const before = doc.context.lookup(ref, PDFDict).toString();
      const text = before.replace(/\/V <[0-9A-F]+>/, '/V (Avslag)');
      expect(text).not.toBe(before);
      return appendRaw(sh1, [{ num: ref.objectNumber, text }]);
    },
    reason: /Ändrat efter underskrift: .*\(objekt \d+\) har ändrats \(\/V\)/,
  },
  {
    id: 'Shadow hide-and-replace: dolt lager (OCG) tänds',
    build: async () => {
      const doc = await load(sh1);
      const ocg = /\/OFF \[ ?(\d+ 0 R)/.exec(doc.context.lookup(doc.context.getObjectRef(doc.context.lookup(doc.catalog.get(PDFName.of('OCProperties'))!)!)!)!.toString())?.[1];
      return appendRaw(sh1, [{ num: shadow.ocProps, text: `<< /OCGs [${ocg}] /D << /ON [${ocg}] >> >>` }]);
    },
    reason: /Ändrat efter underskrift: Valfritt innehåll \(OCG\) \(objekt \d+\) har ändrats \(\/D\)/,
  },
  {
    id: 'Shadow hide: dolt signaturfält blir synligt när det signeras',
    build: async () => {
      const doc = await load(base);
      const d = doc.context.lookup(fieldRef(doc, 'sig-justerare-1'), PDFDict);
      d.set(PDFName.of('F'), PDFNumber.of(2));
      d.set(PDFName.of('Rect'), doc.context.obj([0, 0, 595, 842]));
      const hidden = await doc.save({ useObjectStreams: false });
      const signed = await signAs(hidden, pki.asa, pki.ca, 'sig-sekreterare');
      return signAs(signed, pki.sara, pki.ca, 'sig-justerare-1', { signerName: 'Protokollet är INTE justerat' });
    },
    reason: /Ändrat efter underskrift: Det dolda signaturfältet "sig-justerare-1" har gjorts synligt/,
  },
  { id: 'Ny /Root och sidträd (§ 20 annan leverantör)', build: () => newRoot(s2), reason: /Ändrat efter underskrift: Trailern pekar på en ny katalog \(\/Root\)/ },
  { id: 'Samma objektnummer två gånger, xref till den ändrade', build: () => duplicateObject(s2), reason: /definieras 2 gånger i version 4/ },
  {
    id: 'Signaturfältets /Rect över hela sidan, "Protokollet är INTE justerat"',
    build: async () => {
      const widget = await fieldWith(s2, 'sig-justerare-1', { Rect: '[0 0 595 842]' });
      return signAs(appendRaw(s2, [widget]), pki.sara, pki.ca, 'sig-justerare-1', { signerName: 'Protokollet är INTE justerat' });
    },
    reason: /Ändrat efter underskrift: .*\(objekt \d+\) har ändrats \(\/Rect\)/,
  },
  {
    id: 'Innehåll ändrat efter två underskrifter, sedan en tredje giltig',
    build: async () => signAs(appendRaw(s2, [await doctoredContent(s2)]), pki.sara, pki.ca, 'sig-justerare-1'),
    reason: /Ändrat efter underskrift: En innehållsström/,
  },
];

/**
 * pdfsig 22.12 (poppler) on the same files, as observed: it calls the earlier signatures valid in
 * every incremental attack — it reports "not total document signed" and leaves the judgement to the
 * reader. Pinned so a change in either verdict is noticed; written into docs/justering.md.
 */
const pdfsigSays: Record<string, string> = {
  legit: 'Signature is Valid; Signature is Valid; Signature is Valid (hela)',
  'USF: /Contents saknas': 'Signature is Valid; Signature has not yet been verified',
  'USF: /Contents null': 'Signature is Valid; Signature has not yet been verified',
  'USF: /Contents skräp': 'Signature is Valid; Unknown Validation Failure',
  'USF: /ByteRange saknas': 'Signature is Valid; Signature has not yet been verified',
  'USF: /ByteRange null': 'Signature is Valid; Signature has not yet been verified',
  'USF: /ByteRange skräp': 'Signature is Valid; Digest Mismatch',
  'USF: /ByteRange negativ': 'Signature is Valid; Signature has not yet been verified',
  'USF: /ByteRange överlappar /Contents': 'Signature is Valid; Digest Mismatch',
  'Kopierad signatur: sekreterarens underskrift i ordförandens fält': 'Signature is Valid; Signature is Valid',
  'ISA: ny innehållsström, ny xref och trailer': 'Signature is Valid; Signature is Valid',
  'ISA: ny sida i sidträdet': 'Signature is Valid; Signature is Valid',
  'ISA: /OpenAction med JavaScript och ny XMP-metadata i katalogen': 'Signature is Valid; Signature is Valid',
  'ISA utan xref: objekt efter %%EOF': 'Signature is Valid; Signature is Valid',
  'ISA: objekt utanför xref': 'Signature is Valid; Signature is Valid',
  'ISA: xref pekar på skräp': 'Signature is Valid; Signature is Valid',
  'ISA gömd i hybrid-xref (/XRefStm, objektström)': 'Signature is Valid; Signature is Valid',
  'SWA: /ByteRange flyttad, innehåll i luckan': 'inga signaturer',
  'Shadow hide: överlägg borttaget genom bara en xref-post': 'Signature is Valid',
  'Shadow hide: sidans /Contents utan överlägget': 'Signature is Valid',
  'Shadow replace: typsnittet utbytt': 'Signature is Valid',
  'Shadow replace: formulärfältets värde': 'Signature is Valid',
  'Shadow hide-and-replace: dolt lager (OCG) tänds': 'Signature is Valid',
  'Shadow hide: dolt signaturfält blir synligt när det signeras': 'Signature is Valid; Signature is Valid (hela)',
  'Ny /Root och sidträd (§ 20 annan leverantör)': 'Signature is Valid; Signature is Valid',
  'Samma objektnummer två gånger, xref till den ändrade': 'Signature is Valid; Signature is Valid',
  'Signaturfältets /Rect över hela sidan, "Protokollet är INTE justerat"': 'Signature is Valid; Signature is Valid; Signature is Valid (hela)',
  'Innehåll ändrat efter två underskrifter, sedan en tredje giltig': 'Signature is Valid; Signature is Valid; Signature is Valid (hela)',
};

/** What each case does to us and to pdfsig; filled as the tests run, printed at the end. */
const table: string[] = [];
afterAll(() => {
  if (table.length > 0) console.log(['| Angrepp | Justera | pdfsig |', '| --- | --- | --- |', ...table].join('\n'));
});

describe('attack corpus', () => {
  it('our own signatures stay valid: B-B, three signers, object streams, B-T with a time stamp', async () => {
    for (const pdf of [s1, s2, sh1]) {
      const r = await verify(pdf);
      expect(r.valid, allProblems(r)).toBe(true);
      expect(r.signatures.every((s) => s.onlyAllowedChangesAfter && s.signatureInPlace)).toBe(true);
    }
    const third = await signAs(s2, pki.sara, pki.ca, 'sig-justerare-1', { tsa: { url: tsa.url } });
    const withStreams = await makeProtocolPdf({ useObjectStreams: true });
    const streams2 = await signAs(await signAs(withStreams, pki.asa, pki.ca, 'sig-sekreterare'), pki.robert, pki.ca, 'sig-ordforande', { tsa: { url: tsa.url } });
    for (const pdf of [third, streams2]) {
      const r = await verify(pdf);
      expect(r.valid, allProblems(r)).toBe(true);
      expect(r.signatures.map((s) => s.changesAfter.filter((c) => !c.allowed))).toEqual(r.signatures.map(() => []));
      expect(r.signatures[0]!.changesAfter.map((c) => c.what)).toContain('Signatur tillagd i fältet "sig-ordforande"');
    }
    const r3 = await verify(third);
    expect(r3.signatures[2]!.level).toBe('B-T');
    expect(r3.revisions).toBe(4);
    if (withPdfsig) {
      const says = pdfsigVerdict('legit', third);
      table.push(`| Egen underskrift, tre signaturer, B-T | giltig | ${says} |`);
      expect(says).toBe(pdfsigSays.legit);
    }
  }, 30_000);

  for (const c of cases) {
    it(`${c.id}: not valid, with the reason`, async () => {
      const pdf = await c.build();
      const r = await verify(pdf);
      expect(r.valid).toBe(false);
      expect(allProblems(r), allProblems(r)).toMatch(c.reason);
      // The file-level problems (what archive verify and the summaries print) name the change too.
      if (c.reason.source.startsWith('Ändrat efter underskrift')) expect(r.problems.join(' ')).toMatch(c.reason);
      const list = [...r.signatures.flatMap((s) => s.problems), ...r.problems];
      const why = (list.find((p) => c.reason.test(p)) ?? list[0] ?? '').replace(/\|/g, '/');
      if (withPdfsig) {
        const says = pdfsigVerdict(c.id.replace(/[^a-z0-9]+/gi, '-'), pdf);
        table.push(`| ${c.id} | ogiltig: ${why} | ${says} |`);
        expect(says).toBe(pdfsigSays[c.id]);
      }
    }, 20_000);
  }

  it('three signatures, content changed between the second and the third: the earlier two are changed-after, the third is not', async () => {
    const pdf = await signAs(appendRaw(s2, [await doctoredContent(s2)]), pki.sara, pki.ca, 'sig-justerare-1');
    const r = await verify(pdf);
    expect(r.signatures.map((s) => s.onlyAllowedChangesAfter)).toEqual([false, false, true]);
    expect(r.signatures.map((s) => s.valid)).toEqual([false, false, true]);
    expect(r.signatures[2]!.coversWholeFile).toBe(true);
    expect(r.valid).toBe(false);
  });
});

describe('justera verify', () => {
  const cli = async (...argv: string[]): Promise<{ code: number; out: string }> => {
    const out: string[] = [];
    const code = await main(argv, { out: (t) => out.push(t), err: (t) => out.push(t), cwd: dir, today: () => '2020-11-07', now: () => new Date('2020-11-07T00:00:00Z') });
    return { code, out: out.join('\n') };
  };

  it('exits 1 and names the change for each attack class; --json lists the changes after each signature', async () => {
    writeFileSync(join(dir, 'ca.pem'), `-----BEGIN CERTIFICATE-----\n${Buffer.from(pki.ca.certDer).toString('base64')}\n-----END CERTIFICATE-----\n`);
    for (const c of cases.filter((x) => /Ny \/Root|två gånger|\/Rect|tredje|Shadow replace: typsnittet|ISA utan xref|Kopierad/.test(x.id))) {
      writeFileSync(join(dir, 'attack.pdf'), await c.build());
      const text = await cli('verify', 'attack.pdf', '--trust', 'ca.pem');
      expect(text.code, c.id).toBe(1);
      expect(text.out, c.id).toMatch(c.reason);
      expect(text.out).toMatch(/Resultat: OGILTIG/);
      const json = await cli('verify', 'attack.pdf', '--trust', 'ca.pem', '--json');
      expect(json.code).toBe(1);
      const report = JSON.parse(json.out) as VerificationReport;
      expect(report.valid).toBe(false);
      for (const sig of report.signatures) expect(typeof sig.coversWholeFile).toBe('boolean');
    }
    // The legitimate file: exit 0, each earlier signature followed only by allowed changes, listed.
    writeFileSync(join(dir, 'legit.pdf'), s2);
    const ok = await cli('verify', 'legit.pdf', '--trust', 'ca.pem', '--json');
    expect(ok.code, ok.out).toBe(0);
    const r = JSON.parse(ok.out) as VerificationReport;
    expect(r.signatures.map((x) => [x.coversWholeFile, x.onlyAllowedChangesAfter, x.changesAfter.filter((y) => !y.allowed).length])).toEqual([
      [false, true, 0],
      [true, true, 0],
    ]);
    expect(r.signatures[0]!.changesAfter.map((x) => x.what)).toEqual(['Signatur tillagd i fältet "sig-ordforande"']);
    const text = await cli('verify', 'legit.pdf', '--trust', 'ca.pem');
    expect(text.out).toMatch(/tillåten, version 3: Signatur tillagd i fältet "sig-ordforande"/);
  }, 60_000);
});

describe('revision parser', () => {
  it('reads qpdf-rewritten files the same: object streams with PNG predictors, and linearised files', async () => {
    if (!hasTool('qpdf') && process.env.CI !== 'true') return;
    const { execFileSync } = await import('node:child_process');
    const src = join(dir, 'src.pdf');
    writeFileSync(src, base);
    for (const args of [['--object-streams=generate'], ['--linearize'], ['--object-streams=generate', '--linearize']]) {
      const out = join(dir, `q-${args.join('')}.pdf`);
      execFileSync('qpdf', [...args, src, out]);
      const { readFileSync } = await import('node:fs');
      const pdf = new Uint8Array(readFileSync(out));
      const model = parseRevisions(pdf);
      expect(model.problems).toEqual([]);
      expect(model.revisions.length).toBeGreaterThanOrEqual(1);
      // Our signer appends to it, and the result has only allowed changes.
      const signed = await signAs(await signAs(pdf, pki.asa, pki.ca, 'sig-sekreterare'), pki.robert, pki.ca, 'sig-ordforande');
      const r = await verify(signed);
      expect(r.valid, `${args.join(' ')}: ${allProblems(r)}`).toBe(true);
    }
  }, 30_000);
});
