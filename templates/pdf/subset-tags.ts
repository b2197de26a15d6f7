// Gives every embedded font subset its own tag. Each part is typeset by its own @react-pdf run,
// which tags its subsets the same way ("CZZZZZ+LiberationSans"), but PDF requires different
// subsets in one file to carry different tags (ISO 32000-1, 9.6.4), and readers may otherwise
// take one part's glyphs for another's.
import { PDFArray, PDFDict, PDFName, type PDFDocument } from 'pdf-lib';

const TAGGED = /^[A-Z]{6}\+(.+)$/;

export function uniqueSubsetTags(doc: PDFDocument): void {
  let next = 0;
  const ctx = doc.context;
  for (const [, obj] of ctx.enumerateIndirectObjects()) {
    if (!(obj instanceof PDFDict) || obj.get(PDFName.of('Type')) !== PDFName.of('Font')) continue;
    // Simple fonts and CIDFonts reached through a Type0 font are renamed with their parent.
    const subtype = obj.get(PDFName.of('Subtype'));
    if (subtype === PDFName.of('CIDFontType2') || subtype === PDFName.of('CIDFontType0')) continue;
    const base = nameOf(obj.get(PDFName.of('BaseFont')));
    const match = base === undefined ? null : TAGGED.exec(base);
    if (match?.[1] === undefined) continue;
    const tagged = `${tag(next)}+${match[1]}`;
    next += 1;
    obj.set(PDFName.of('BaseFont'), PDFName.of(tagged));
    const descendants = obj.lookupMaybe(PDFName.of('DescendantFonts'), PDFArray);
    const fonts =
      descendants === undefined
        ? [obj]
        : descendants
            .asArray()
            .map((d) => ctx.lookup(d))
            .filter((d): d is PDFDict => d instanceof PDFDict);
    for (const font of fonts) {
      if (font !== obj) font.set(PDFName.of('BaseFont'), PDFName.of(tagged));
      font.lookupMaybe(PDFName.of('FontDescriptor'), PDFDict)?.set(PDFName.of('FontName'), PDFName.of(tagged));
    }
  }
}

function nameOf(value: unknown): string | undefined {
  return value instanceof PDFName ? value.decodeText() : undefined;
}

/** 0 → "AAAAAA", 1 → "AAAAAB", … : six capital letters, as the tag must be. */
function tag(n: number): string {
  let out = '';
  let rest = n;
  for (let i = 0; i < 6; i += 1) {
    out = String.fromCharCode(65 + (rest % 26)) + out;
    rest = Math.floor(rest / 26);
  }
  return out;
}
