// Every character of the source reaches the page and the text layer, in order, and the lines
// stay inside the text column (issue 14). Random Swedish paragraphs — letters with åäöÅÄÖéü in
// any order against the letters they are built on, digits, punctuation, long words, bold and
// italic runs — are put into a meeting and rendered through the preview (with part reuse), the
// freeze, extract, public version, notice and kallelse; then
//   - text round trip: pdftotext and pdf.js give back every word as a whole word, in order;
//   - geometry: with `pdftotext -bbox-layout` no word's box reaches past the text column, and
//     no line ends inside a word (hyphenation is off, so no line may end in part of a word).
import fc from 'fast-check';
import * as pdfjs from 'pdfjs-dist/legacy/build/pdf.mjs';
import { execFileSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildExtractData, buildKallelseData, buildNoticeData, buildProtocolData, draftProtocolData } from '../../core/documents';
import { publicDocument, publicProtocolData, signatureLines } from '../../core/app/anslag/public';
import { restrictTo } from '../../core/documents/extract';
import type { MeetingDocument } from '../../core/format/meeting';
import type { Block, Inline } from '../../core/format/richtext';
import { MARGIN_LEFT, MARGIN_RIGHT, PAGE_WIDTH } from '../../templates/components/layout';
import { renderDocument, type RenderResult } from '../../templates/render';
import { LETTER_VARIANTS, letterMeeting } from '../fixtures/documents/letters';
import { tempDir, type TempDir } from './helpers/pdf-tools';

const LETTERS = 'abcdefghijklmnopqrstuvwxyzåäöéüABCDEFGHIJKLMNOPQRSTUVWXYZÅÄÖÉÜ';
const COMPOSED = 'åäöéüÅÄÖÉÜ';
const AT = '2025-11-07T10:00:00+01:00';

const letter = fc.constantFrom(...LETTERS);
/** Words weighted towards the composite letters and their bases, capitals first. */
const word = fc.oneof(
  { weight: 4, arbitrary: fc.string({ unit: letter, minLength: 1, maxLength: 12 }) },
  {
    weight: 2,
    arbitrary: fc.tuple(fc.constantFrom(...COMPOSED), fc.constantFrom('A', 'O', 'a', 'o', 'e', 'u', 'E', 'U'), fc.string({ unit: letter, maxLength: 8 })).map(([c, b, rest]) => `${c}${b}${rest}`),
  },
  { weight: 2, arbitrary: fc.tuple(fc.constantFrom('A', 'O', 'Avsnitt', 'Ordföranden', 'Anna', 'AB'), fc.string({ unit: letter, maxLength: 6 })).map(([a, b]) => a + b) },
  { weight: 1, arbitrary: fc.string({ unit: letter, minLength: 20, maxLength: 40 }) },
  { weight: 1, arbitrary: fc.integer({ min: 0, max: 99_999 }).map(String) },
  { weight: 1, arbitrary: fc.tuple(fc.string({ unit: letter, minLength: 1, maxLength: 9 }), fc.constantFrom(',', '.', ';', ':', '!', '?', '”', ')', '–1')).map(([w, p]) => w + p) },
  { weight: 1, arbitrary: fc.tuple(fc.constantFrom('(', '”', '§'), fc.string({ unit: letter, minLength: 1, maxLength: 9 })).map(([p, w]) => p + w) },
);
const style = fc.constantFrom<Partial<Inline>>({}, {}, { bold: true }, { italic: true }, { bold: true, italic: true });
/** A paragraph: runs of words, each run in one style. */
const paragraph = fc.array(fc.tuple(fc.array(word, { minLength: 1, maxLength: 12 }), style), { minLength: 1, maxLength: 5 });
const KINDS = ['preview', 'freeze', 'extract', 'public', 'notice', 'kallelse'] as const;
type Kind = (typeof KINDS)[number];

interface Case {
  title: string[];
  paragraphs: [string[], Partial<Inline>][][];
  variant: number;
}
const caseArb = fc.record({
  title: fc.array(word, { minLength: 1, maxLength: 6 }),
  paragraphs: fc.array(paragraph, { minLength: 1, maxLength: 4 }),
  variant: fc.nat({ max: LETTER_VARIANTS.length - 1 }),
});

function meetingOf(c: Case): MeetingDocument {
  const doc = letterMeeting(LETTER_VARIANTS[c.variant] ?? LETTER_VARIANTS[0]!);
  const blocks: Block[] = c.paragraphs.map((runs) => ({
    type: 'paragraph',
    content: runs.map(([ws, s], i) => ({ ...s, text: `${i > 0 ? ' ' : ''}${ws.join(' ')}` })),
  }));
  const paragraphs = doc.paragraphs.map((p) => (p.number === 2 ? { ...p, title: c.title.join(' '), summary: blocks, description: [] } : p));
  // The notice prints no § titles; the storage place carries the words there.
  return { ...doc, board: { ...doc.board, storagePlace: c.title.join(' ') }, paragraphs };
}

function render(doc: MeetingDocument, kind: Kind): Promise<RenderResult> {
  switch (kind) {
    case 'preview':
      return renderDocument(draftProtocolData(doc, AT), { reuseParts: true });
    case 'freeze':
      return renderDocument(buildProtocolData(restrictTo(doc, [2]), { generatedAt: AT }));
    case 'extract':
      return renderDocument(buildExtractData(doc, { generatedAt: AT, paragraphs: [2] }));
    case 'public':
      return renderDocument(
        publicProtocolData({ paragraphs: [1, 2, 3], document: publicDocument(doc, [1, 2, 3]), signatureLines: signatureLines(doc, [{ paragraphs: [1, 2, 3], on: '2025-11-07' }], []) }, AT),
      );
    case 'notice':
      return renderDocument(buildNoticeData(doc, { generatedAt: AT, paragraphs: [2], postedOn: '2025-11-10' }));
    case 'kallelse':
      return renderDocument(buildKallelseData(doc, { generatedAt: AT }));
    default: {
      const never: never = kind;
      return never;
    }
  }
}

/** The words the document must give back, in order: the body only where the kind prints it (title or storage place otherwise). */
function expectedWords(c: Case, kind: Kind): string[] {
  const title = c.title;
  if (kind === 'notice' || kind === 'kallelse') return title;
  return [...title, ...c.paragraphs.flatMap((runs) => runs.flatMap(([ws]) => ws))];
}

/** Index of the first expected word not found as a whole token after the previous one, or -1. */
function firstMissing(tokens: readonly string[], expected: readonly string[]): number {
  let at = 0;
  for (const [i, w] of expected.entries()) {
    while (at < tokens.length && tokens[at] !== w) at += 1;
    if (at >= tokens.length) return i;
    at += 1;
  }
  return -1;
}

interface BoxWord {
  text: string;
  xMin: number;
  xMax: number;
}
/** Lines of words from `pdftotext -bbox-layout`, per page. */
function boxLines(file: string): BoxWord[][] {
  const xml = execFileSync('pdftotext', ['-bbox-layout', '-enc', 'UTF-8', file, '-'], { encoding: 'utf8', maxBuffer: 64 << 20 });
  const unescape = (s: string) =>
    s
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&quot;/g, '"')
      .replace(/&apos;/g, "'")
      .replace(/&amp;/g, '&');
  return [...xml.matchAll(/<line[^>]*>([\s\S]*?)<\/line>/g)].map((m) =>
    [...(m[1] ?? '').matchAll(/<word xMin="([\d.]+)" yMin="[\d.]+" xMax="([\d.]+)" yMax="[\d.]+">([^<]*)<\/word>/g)].map((w) => ({
      xMin: Number(w[1]),
      xMax: Number(w[2]),
      text: unescape(w[3] ?? ''),
    })),
  );
}

/** The words pdf.js reads from the text layer (text items, a line end counting as a space). */
async function pdfjsWords(pdf: Uint8Array): Promise<string[]> {
  const doc = await pdfjs.getDocument({ data: pdf.slice(), verbosity: 0 }).promise;
  let text = '';
  for (let n = 1; n <= doc.numPages; n += 1) {
    const content = await (await doc.getPage(n)).getTextContent();
    for (const item of content.items as { str?: string; hasEOL?: boolean }[]) text += `${item.str ?? ''}${item.hasEOL === true ? ' ' : ''}`;
    text += ' ';
  }
  await doc.destroy();
  return text.split(/\s+/).filter((t) => t !== '');
}

const EPSILON = 0.5;
/** Points a line may end short of the margin and still have been broken for want of room (squeezed spaces, kerning). */
const FIT_SLACK = 3;
let dir: TempDir;
let n = 0;
beforeAll(() => {
  dir = tempDir('justera-roundtrip-');
});
afterAll(() => dir.remove());

/** Checks one rendered file; returns a description of the first fault, or null. */
function faults(file: string, expected: readonly string[]): string | null {
  // The words as poppler segments them by geometry (its word-break threshold, 0.1 em). `-raw`
  // text joins two words when @react-pdf squeezes the spaces of a line that would overflow
  // (textkit justifies such lines even when left-aligned) and a kerned " A" narrows one more;
  // the -bbox words still separate them, as a reader selecting words does.
  const lines = boxLines(file);
  const tokens = lines.flat().map((w) => w.text);
  const missing = firstMissing(tokens, expected);
  if (missing >= 0) return `ordet ${JSON.stringify(expected[missing])} (nr ${missing}) saknas eller står i fel ordning`;
  const words = new Set(expected);
  for (const [i, line] of lines.entries()) {
    for (const w of line) {
      if (w.xMax > PAGE_WIDTH - MARGIN_RIGHT + EPSILON || w.xMin < MARGIN_LEFT - EPSILON) return `"${w.text}" går utanför textspalten (${w.xMin}–${w.xMax})`;
    }
    const last = line[line.length - 1];
    const next = lines[i + 1]?.[0];
    // A line ends inside a word only where the whole word would not have fitted: its first part
    // and the rest laid end to end reach the right margin. Two short lines that merely spell an
    // expected word together are something else — the cells "1" and "1" of the vote table's sum
    // row, for a title "11" (a counterexample from CI, kept below).
    const wouldNotFit = (last?.xMax ?? 0) + (next === undefined ? 0 : next.xMax - next.xMin) > PAGE_WIDTH - MARGIN_RIGHT - FIT_SLACK;
    if (last !== undefined && next !== undefined && wouldNotFit && !words.has(last.text) && !last.text.endsWith('-') && words.has(last.text + next.text)) {
      return `raden slutar inne i ordet "${last.text}|${next.text}"`;
    }
  }
  return null;
}

describe('random Swedish text through every document path', () => {
  it('comes back word for word, in order, inside the text column', async () => {
    await fc.assert(
      fc.asyncProperty(caseArb, fc.constantFrom(...KINDS), async (c, kind) => {
        const result = await render(meetingOf(c), kind);
        n += 1;
        const file = dir.file(`${n}-${kind}.pdf`, result.pdf);
        const expected = expectedWords(c, kind);
        expect(faults(file, expected), `${kind}`).toBeNull();
        const missing = firstMissing(await pdfjsWords(result.pdf), expected);
        expect(missing < 0 ? null : `pdf.js: ordet ${JSON.stringify(expected[missing])} (nr ${missing}) saknas eller står i fel ordning`, kind).toBeNull();
      }),
      {
        numRuns: 18,
        // Counterexamples CI found, kept so they run every time: a title "11" and the vote table's
        // sum row, whose cells "1" and "1" pdftotext puts on lines of their own.
        examples: [[{ title: ['11', '0'], paragraphs: [[[['aaaaaaaaaaaaaaaaaaaa'], {}]]], variant: 0 }, 'preview']],
      },
    );
  }, 600_000);

  it('the check notices a word cut at a line end and a word past the margin', async () => {
    // A word longer than the column is cut by the line breaker: the check must say so.
    const long = 'Ö'.repeat(60) + 'A'.repeat(30);
    const c: Case = { title: ['Avsnitt'], paragraphs: [[[[long], {}]]], variant: 0 };
    const file = dir.file('long.pdf', (await render(meetingOf(c), 'freeze')).pdf);
    expect(faults(file, expectedWords(c, 'freeze'))).toMatch(/saknas|utanför|inne i ordet/);
  }, 120_000);
});
