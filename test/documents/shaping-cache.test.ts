// The word-shaping memo (templates/fonts/shaping-cache.ts) must return exactly what fontkit
// returns: same glyphs, positions, script and features, for every face and for text that
// kerns against spaces, repeats words, mixes in digits and punctuation, or falls outside the
// memo (other scripts, combining marks, soft hyphens).
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { installShapingCache, type ShapingFont } from '../../templates/fonts/shaping-cache';
import { prose, seeded } from '../fixtures/documents/generate';

interface Run {
  glyphs: { id: number }[];
  positions: { xAdvance: number; yAdvance: number; xOffset: number; yOffset: number }[];
  script: string;
  direction: string;
  features: Record<string, boolean>;
}

const FACES = ['Regular', 'Bold', 'Italic', 'BoldItalic'];

/** fontkit as @react-pdf uses it (a dependency of @react-pdf/font, without type declarations). */
const fontkit = createRequire(import.meta.url)('fontkit') as { create(data: Uint8Array): unknown };

function open(face: string): ShapingFont {
  const file = fileURLToPath(new URL(`../../templates/fonts/LiberationSans-${face}.ttf`, import.meta.url));
  return fontkit.create(readFileSync(file)) as unknown as ShapingFont;
}

function summary(run: Run) {
  return {
    glyphs: run.glyphs.map((g) => g.id),
    positions: run.positions.map((p) => [p.xAdvance, p.yAdvance, p.xOffset, p.yOffset]),
    script: run.script,
    direction: run.direction,
    features: run.features,
  };
}

/** Every character the memo handles, plus spaces weighted up so words are short. */
function alphabet(): string[] {
  const chars: string[] = [];
  for (let c = 0x21; c <= 0x17f; c += 1) if ((c < 0x7f || c >= 0xa0) && c !== 0xad) chars.push(String.fromCharCode(c));
  return [...chars, ...'‐–—‘’‚“”„†‡•…‰‹›€№™'];
}

function texts(): string[] {
  const random = seeded(11);
  const chars = alphabet();
  const mixed = Array.from({ length: 800 }, () => {
    let s = 'a';
    const n = 1 + Math.floor(random() * 30);
    for (let i = 0; i < n; i += 1) s += random() < 0.25 ? ' ' : (chars[Math.floor(random() * chars.length)] ?? 'x');
    return s;
  });
  const swedish = Array.from({ length: 12 }, () => prose(random, 120));
  const fixed = [
    'AVTAL Tjänsteskrivelse 2025-10-14, § 12 "Yttrande" – Växjö T. Y. A',
    'Finansiering av W-lån, Yxa Åtvidaberg Ä Ö',
    ' A T V W Y ',
    '  dubbla  mellanslag  ',
    'Ελληνικά och svenska',
    'e\u0301 med kombinerande tecken',
    'avstav\u00adning',
    '12345',
  ];
  return [...fixed, ...swedish, ...mixed];
}

describe('shaping memo', () => {
  it.each(FACES)('gives the same glyph runs as fontkit (%s)', (face) => {
    const plain = open(face);
    const memo = open(face);
    installShapingCache(memo);
    for (const text of texts()) {
      const expected = summary(plain.layout(text, undefined, undefined, undefined, 'ltr') as unknown as Run);
      // Twice: the second time every word comes from the memo.
      for (let round = 0; round < 2; round += 1) {
        const actual = summary(memo.layout(text, undefined, undefined, undefined, 'ltr') as unknown as Run);
        expect(actual, JSON.stringify(text)).toEqual(expected);
      }
    }
  });

  it('installs once and leaves explicit features to fontkit', () => {
    const plain = open('Regular');
    const memo = open('Regular');
    installShapingCache(memo);
    const layout = memo.layout;
    installShapingCache(memo);
    expect(memo.layout).toBe(layout);
    const text = 'Avtal 1/2 och 3/4';
    expect(summary(memo.layout(text, ['frac']) as unknown as Run)).toEqual(summary(plain.layout(text, ['frac']) as unknown as Run));
  });
});
