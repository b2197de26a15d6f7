// Word-level memo for fontkit's shaping (`font.layout`), which @react-pdf's text layout calls
// once per run of text and which took a quarter of the time of a long protocol. Protocol
// prose repeats its words, so a run is cut into words and spaces, each is shaped once and
// reused, and the only thing shaping does across a cut — pair kerning (GPOS), also between a
// letter and a space — is put back from a memo of shaped pairs. The result is the very glyph
// run fontkit would return (test/documents/shaping-cache.test.ts compares them), so the PDF
// bytes do not change. Runs that could shape differently (other scripts, combining marks,
// explicit features, a kerning pair that moves its second glyph) go to fontkit as they are.

/** The parts of fontkit's Glyph, GlyphPosition, GlyphRun and Font this file relies on. */
interface Position {
  xAdvance: number;
  yAdvance: number;
  xOffset: number;
  yOffset: number;
}
interface GlyphRun {
  glyphs: unknown[];
  positions: Position[];
  /** The features fontkit applied, set while shaping a non-empty run. */
  features: Record<string, boolean>;
}
type Layout = (text: string, features?: unknown, script?: string, language?: string, direction?: string) => GlyphRun;
export interface ShapingFont {
  layout: Layout;
}
/** The font lookups @react-pdf's font substitution makes for every character of every text. */
export interface LookupFont {
  readonly unitsPerEm: number;
  hasGlyphForCodePoint(codePoint: number): boolean;
}

/**
 * Text whose shaping with Liberation Sans is pair-local: Latin letters (Basic, Latin-1, Latin
 * Extended-A), digits, punctuation and symbols — no combining marks, soft hyphens or other
 * default-ignorable characters, and nothing from another script.
 */
const SAFE = /^[\u0020-\u007e\u00a0-\u00ac\u00ae-\u017f\u2010-\u2015\u2018-\u201e\u2020-\u2022\u2026\u2030\u2039\u203a\u20ac\u2116\u2122]*$/;
const LETTER = /[A-Za-z\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u017f]/;
/** Words and single spaces: the pieces a run is cut into. */
const PIECES = /[^ ]+| /g;
/** Memo entries per font before the memo starts over (a few MB at most). */
const LIMIT = 50_000;

interface Shaped {
  glyphs: unknown[];
  positions: Position[];
  features: Record<string, boolean>;
}
/** What shaping the pair `ab` changes against shaping `a` and `b` apart; null if it touches `b`. */
type PairDelta = Position | null;

const WRAPPED = Symbol('justera.shapingCache');

/** Installs the memo on a fontkit font (once); `layout` keeps its signature and results. */
export function installShapingCache(font: ShapingFont): void {
  const marked = font as ShapingFont & { [WRAPPED]?: true };
  if (marked[WRAPPED]) return;
  marked[WRAPPED] = true;
  const original: Layout = font.layout.bind(font);
  const pieces = new Map<string, Shaped>();
  const pairs = new Map<string, PairDelta>();

  const shapePiece = (text: string, language: string | undefined, direction: string | undefined): Shaped => {
    const hit = pieces.get(text);
    if (hit !== undefined) return hit;
    if (pieces.size >= LIMIT) pieces.clear();
    const run = original(text, undefined, 'latn', language, direction);
    const shaped = { glyphs: run.glyphs, positions: run.positions.map(copy), features: run.features };
    pieces.set(text, shaped);
    return shaped;
  };

  const pairDelta = (a: string, b: string, language: string | undefined, direction: string | undefined): PairDelta => {
    const key = a + b;
    const hit = pairs.get(key);
    if (hit !== undefined) return hit;
    if (pairs.size >= LIMIT) pairs.clear();
    const both = original(key, undefined, 'latn', language, direction);
    const first = shapePiece(a, language, direction);
    const second = shapePiece(b, language, direction);
    let delta: PairDelta = null;
    const p0 = both.positions[0];
    const p1 = both.positions[1];
    const f0 = first.positions[0];
    const s0 = second.positions[0];
    if (both.glyphs.length === 2 && first.glyphs.length === 1 && second.glyphs.length === 1 && p0 && p1 && f0 && s0 && samePosition(p1, s0)) {
      delta = { xAdvance: p0.xAdvance - f0.xAdvance, yAdvance: p0.yAdvance - f0.yAdvance, xOffset: p0.xOffset - f0.xOffset, yOffset: p0.yOffset - f0.yOffset };
    }
    pairs.set(key, delta);
    return delta;
  };

  font.layout = (text, features, script, language, direction) => {
    const plain = typeof text === 'string' && noFeatures(features) && script === undefined && direction !== 'rtl' && text.length > 0 && SAFE.test(text) && LETTER.test(text);
    if (!plain) return original(text, features, script, language, direction);
    const cut = text.match(PIECES) ?? [];
    if (cut.length < 2) return original(text, features, script, language, direction);
    const glyphs: unknown[] = [];
    const positions: Position[] = [];
    let applied: Record<string, boolean> = {};
    for (let i = 0; i < cut.length; i += 1) {
      const piece = cut[i] as string;
      const shaped = shapePiece(piece, language, direction);
      if (i > 0) {
        const before = cut[i - 1] as string;
        const delta = pairDelta(before.slice(-1), piece.charAt(0), language, direction);
        const last = positions[positions.length - 1];
        if (delta === null || last === undefined) return original(text, features, script, language, direction);
        last.xAdvance += delta.xAdvance;
        last.yAdvance += delta.yAdvance;
        last.xOffset += delta.xOffset;
        last.yOffset += delta.yOffset;
      }
      applied = shaped.features;
      glyphs.push(...shaped.glyphs);
      for (const p of shaped.positions) positions.push(copy(p));
    }
    // An empty run is still a real GlyphRun (features, script, direction …); fill it in.
    const run = original('', features, 'latn', language, direction);
    run.glyphs = glyphs;
    run.positions = positions;
    run.features = { ...applied };
    return run;
  };
}

const LOOKUPS = Symbol('justera.lookupMemo');

/**
 * Memoises the two lookups @react-pdf's font substitution makes per character: `unitsPerEm`
 * (a getter that reads the parsed `head` table each time) becomes a plain value, and
 * `hasGlyphForCodePoint` (a cmap search) remembers its answers. Both are pure for a loaded
 * font, so the results do not change; together they were a tenth of a long protocol's time.
 */
export function installLookupMemo(font: LookupFont): void {
  const marked = font as LookupFont & { [LOOKUPS]?: true };
  if (marked[LOOKUPS]) return;
  marked[LOOKUPS] = true;
  Object.defineProperty(font, 'unitsPerEm', { value: font.unitsPerEm, enumerable: false, writable: false, configurable: true });
  const original = font.hasGlyphForCodePoint.bind(font);
  const known = new Map<number, boolean>();
  font.hasGlyphForCodePoint = (codePoint) => {
    let has = known.get(codePoint);
    if (has === undefined) {
      has = original(codePoint);
      known.set(codePoint, has);
    }
    return has;
  };
}

function noFeatures(features: unknown): boolean {
  if (features === undefined || features === null) return true;
  if (Array.isArray(features)) return features.length === 0;
  return typeof features === 'object' && Object.keys(features).length === 0;
}

/** A fresh GlyphPosition of the same class, since the caller may change it. */
function copy(p: Position): Position {
  const Ctor = p.constructor as new (xAdvance: number, yAdvance: number, xOffset: number, yOffset: number) => Position;
  return new Ctor(p.xAdvance, p.yAdvance, p.xOffset, p.yOffset);
}

function samePosition(a: Position, b: Position): boolean {
  return a.xAdvance === b.xAdvance && a.yAdvance === b.yAdvance && a.xOffset === b.xOffset && a.yOffset === b.yOffset;
}
