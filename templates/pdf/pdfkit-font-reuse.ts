// @react-pdf draws every line of text with `doc.font(fontkitFont, size)`. Given a font object
// rather than a name, pdfkit 0.20 has no cache key: each call builds a new EmbeddedFont (a
// subset, metrics, a bounding box), then finds that a font of that name is already embedded
// by comparing the two fonts' 'name' tables as JSON, and keeps the first. For a 100-page
// protocol that is some 6,000 throw-away fonts and a tenth of the typesetting time.
//
// This wraps `font` so that a font object the document has already resolved is reused at
// once, with the same observable effects as pdfkit's own path: the source and size are set,
// an id is spent (pdfkit numbers every opened font, kept or not), and the embedded font is the
// one pdfkit chose the first time. The PDF bytes are unchanged (test/documents/pdfkit-font-reuse.test.ts).
import PDFDocument from 'pdfkit';

interface FontState {
  _font: unknown;
  _fontSource: unknown;
  _fontFamily: unknown;
  _fontCount: number;
  fontSize(size: unknown): unknown;
}
type FontMethod = (this: FontState, src: unknown, family?: unknown, size?: unknown) => unknown;

const RESOLVED = Symbol('justera.resolvedFonts');
const INSTALLED = Symbol('justera.fontReuse');

type Doc = FontState & { [RESOLVED]?: Map<object, unknown> };

function isFontObject(src: unknown): src is object {
  return typeof src === 'object' && src !== null && typeof (src as { layout?: unknown }).layout === 'function';
}

export function installFontReuse(): void {
  const proto = (PDFDocument as unknown as { prototype: { font: FontMethod; [INSTALLED]?: true } }).prototype;
  if (proto[INSTALLED]) return;
  proto[INSTALLED] = true;
  const original = proto.font;
  proto.font = function font(this: Doc, src, family, size) {
    // Only the call @react-pdf makes: a font object, with or without a size, no family name.
    if (!isFontObject(src) || !(family === undefined || family === null || typeof family === 'number')) return original.call(this, src, family, size);
    const fontSize = typeof family === 'number' ? family : size;
    const familyName = typeof family === 'number' ? null : family;
    const known = this[RESOLVED]?.get(src);
    if (known === undefined) {
      const result = original.call(this, src, family, size);
      (this[RESOLVED] ??= new Map()).set(src, this._font);
      return result;
    }
    this._fontSource = src;
    this._fontFamily = familyName;
    if (fontSize !== undefined && fontSize !== null) this.fontSize(fontSize);
    this._fontCount += 1;
    this._font = known;
    return this;
  };
}
