// The visible stamp inside a signature widget: who signed, in which role, when; with an embedded
// font subset (Type0/Identity-H) so any letter the font has renders and can be copied as text.
import { createHash } from 'node:crypto';
import { PDFContext, PDFHexString, PDFRef, PDFString } from 'pdf-lib';
import type { TrueTypeFont } from './truetype';
import { cidSetBits } from '../../../templates/pdf/cidset';

export interface AppearanceText {
  heading: string;
  name: string;
  role: string;
  time: string;
}

interface Line {
  text: string;
  rel: number;
}

/** Formats the signing time the way a Swedish reader expects, with the zone spelled out. */
export function formatSigningTime(d: Date, timeZone = 'Europe/Stockholm'): string {
  return new Intl.DateTimeFormat('sv-SE', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    timeZoneName: 'short',
  }).format(d);
}

const fmt = (n: number): string => (Math.round(n * 1000) / 1000).toString();

function toUnicodeCMap(entries: [number, string][]): string {
  const blocks: string[] = [];
  for (let i = 0; i < entries.length; i += 100) {
    const chunk = entries.slice(i, i + 100);
    blocks.push(`${chunk.length} beginbfchar`);
    for (const [gid, text] of chunk) {
      const utf16 = Buffer.from(text, 'utf16le').swap16().toString('hex').toUpperCase();
      blocks.push(`<${gid.toString(16).padStart(4, '0').toUpperCase()}> <${utf16}>`);
    }
    blocks.push('endbfchar');
  }
  return [
    '/CIDInit /ProcSet findresource begin',
    '12 dict begin',
    'begincmap',
    '/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def',
    '/CMapName /Adobe-Identity-UCS def',
    '/CMapType 2 def',
    '1 begincodespacerange',
    '<0000> <FFFF>',
    'endcodespacerange',
    ...blocks,
    'endcmap',
    'CMapName currentdict /CMap defineresource pop',
    'end',
    'end',
  ].join('\n');
}

/** Registers the font subset objects and returns the Type0 font reference. */
function embedSubset(
  context: PDFContext,
  font: TrueTypeFont,
  gidsInOrder: number[],
  chars: Map<number, string>,
): {
  ref: PDFRef;
  newGid: Map<number, number>;
} {
  const { bytes, newGid, glyphCount } = font.subset(gidsInOrder);
  const scale = 1000 / font.unitsPerEm;
  const tag = [...createHash('sha256').update(bytes).digest().subarray(0, 6)].map((b) => String.fromCharCode(65 + (b % 26))).join('');
  const baseFont = `${tag}+${font.postscriptName}`;
  const fontFile = context.register(context.flateStream(bytes, { Length1: bytes.length }));
  const descriptor = context.register(
    context.obj({
      Type: 'FontDescriptor',
      FontName: baseFont,
      Flags: 4,
      FontBBox: font.bbox.map((v) => Math.round(v * scale)),
      ItalicAngle: font.italicAngle,
      Ascent: Math.round(font.ascent * scale),
      Descent: Math.round(font.descent * scale),
      CapHeight: Math.round(font.capHeight * scale),
      StemV: 80,
      FontFile2: fontFile,
      // PDF/A-1 validators want the CIDs of the subset listed; PDF/A-2 wants it complete if present:
      // every glyph of the program, composite parts included (Identity CIDToGIDMap).
      CIDSet: context.register(context.flateStream(cidSetBits(glyphCount))),
    }),
  );
  const ordered = [...newGid.entries()].sort((a, b) => a[1] - b[1]);
  const widths = ordered.map(([old]) => Math.round(font.advance(old) * scale));
  const cidFont = context.register(
    context.obj({
      Type: 'Font',
      Subtype: 'CIDFontType2',
      BaseFont: baseFont,
      CIDSystemInfo: { Registry: PDFString.of('Adobe'), Ordering: PDFString.of('Identity'), Supplement: 0 },
      FontDescriptor: descriptor,
      W: [0, widths],
      CIDToGIDMap: 'Identity',
    }),
  );
  const unicode: [number, string][] = [];
  for (const [oldGid, text] of chars) {
    const g = newGid.get(oldGid);
    if (g !== undefined) unicode.push([g, text]);
  }
  unicode.sort((a, b) => a[0] - b[0]);
  const toUnicode = context.register(context.flateStream(toUnicodeCMap(unicode)));
  const ref = context.register(
    context.obj({
      Type: 'Font',
      Subtype: 'Type0',
      BaseFont: baseFont,
      Encoding: 'Identity-H',
      DescendantFonts: [cidFont],
      ToUnicode: toUnicode,
    }),
  );
  return { ref, newGid };
}

/**
 * Builds the appearance form XObject for a widget of the given size and returns its reference.
 * Text is scaled down until all four lines fit the box.
 */
export function buildSignatureAppearance(context: PDFContext, font: TrueTypeFont, width: number, height: number, text: AppearanceText): PDFRef {
  const lines: Line[] = [
    { text: text.heading, rel: 0.75 },
    { text: text.name, rel: 1 },
    { text: text.role, rel: 0.85 },
    { text: text.time, rel: 0.75 },
  ].filter((l) => l.text !== '');

  const chars = new Map<number, string>();
  const glyphLines = lines.map((l) =>
    [...l.text].map((ch) => {
      const gid = font.glyphFor(ch.codePointAt(0) ?? 0);
      if (!chars.has(gid)) chars.set(gid, ch);
      return gid;
    }),
  );
  const used = [...new Set(glyphLines.flat())];
  const { ref: fontRef, newGid } = embedSubset(context, font, used, chars);

  const pad = Math.max(2, Math.min(6, height * 0.06));
  const lineGap = 1.25;
  const emWidth = (gids: number[]): number => gids.reduce((s, g) => s + font.advance(g), 0) / font.unitsPerEm;
  const byHeight = (height - 2 * pad) / lines.reduce((s, l) => s + l.rel * lineGap, 0);
  const byWidth = Math.min(
    ...lines.map((l, i) => {
      const w = emWidth(glyphLines[i] ?? []) * l.rel;
      return w > 0 ? (width - 2 * pad) / w : Number.POSITIVE_INFINITY;
    }),
  );
  const size = Math.max(1, Math.min(12, byHeight, byWidth));
  const ascent = font.ascent / font.unitsPerEm;

  const ops: string[] = ['q', '0.35 0.35 0.45 RG', '0.6 w', `0.3 0.3 ${fmt(width - 0.6)} ${fmt(height - 0.6)} re S`, '0 0 0 rg', 'BT'];
  let y = height - pad;
  lines.forEach((l, i) => {
    const s = size * l.rel;
    y -= i === 0 ? ascent * s : s * lineGap;
    const hex = (glyphLines[i] ?? []).map((g) => (newGid.get(g) ?? 0).toString(16).padStart(4, '0')).join('');
    ops.push(`/F1 ${fmt(s)} Tf`, `1 0 0 1 ${fmt(pad)} ${fmt(y)} Tm`, `${PDFHexString.of(hex).toString()} Tj`);
  });
  ops.push('ET', 'Q');

  return context.register(
    context.flateStream(ops.join('\n'), {
      Type: 'XObject',
      Subtype: 'Form',
      FormType: 1,
      BBox: [0, 0, width, height],
      Resources: { Font: { F1: fontRef } },
    }),
  );
}
