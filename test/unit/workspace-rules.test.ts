// Pure workspace rules: attendance intervals across renumbering and jäv, search queries, and
// canonical rich text (table-driven and property-based).
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { mergeAdjacent, proposeJavSubstitute, remapAttendance, stepIn, stepOut } from '../../core/app/workspace/attendance';
import type { AttendanceRow } from '../../core/app/workspace/ports';
import { ftsQuery } from '../../core/app/workspace/search';
import { normalizeRichText } from '../../core/app/workspace/richtext';
import type { Block } from '../../core/format/richtext';
import type { Member } from '../../core/format/meeting';

const row = (personId: string, capacity: AttendanceRow['capacity'], from: number | null = null, to: number | null = null, replaces: string | null = null): AttendanceRow => ({
  personId,
  capacity,
  replacesPersonId: replaces,
  fromParagraph: from,
  toParagraph: to,
  note: null,
});

describe('attendance intervals', () => {
  const numbers = [20, 21, 22, 23, 24];
  const order = numbers.map((n) => ({ id: `p${n}`, number: n }));

  it('follow their § when one is removed', () => {
    const rows = [row('a', 'member', 22, 24), row('b', 'member', 21, 21), row('c', 'member', null, 21)];
    const mapping = new Map<string, number | null>([
      ['p20', 20],
      ['p21', null],
      ['p22', 21],
      ['p23', 22],
      ['p24', 23],
    ]);
    expect(remapAttendance(rows, order, mapping)).toEqual([row('a', 'member', 21, 23), row('c', 'member', null, 20)]);
  });

  it('follow their § when §§ move', () => {
    const mapping = new Map<string, number | null>([
      ['p20', 24],
      ['p21', 20],
      ['p22', 21],
      ['p23', 22],
      ['p24', 23],
    ]);
    expect(remapAttendance([row('a', 'substitute', 20, 20, 'x')], order, mapping)).toEqual([row('a', 'substitute', 24, 24, 'x')]);
  });

  it('split a present substitute for one § of jäv and join again when it is withdrawn', () => {
    const rows = [row('m', 'member'), row('s', 'present')];
    const inside = stepIn(rows, 's', 'm', 22, numbers);
    expect(inside).toEqual([row('m', 'member'), row('s', 'present', null, 21), row('s', 'substitute', 22, 22, 'm'), row('s', 'present', 23, null)]);
    expect(stepOut(inside, 's', 22, numbers)).toEqual(rows);
    const first = stepIn(rows, 's', 'm', 20, numbers);
    expect(first).toEqual([row('m', 'member'), row('s', 'substitute', 20, 20, 'm'), row('s', 'present', 21, null)]);
    expect(stepOut(first, 's', 20, numbers)).toEqual(rows);
  });

  it('stepIn then stepOut gives back any single interval (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 4 }), fc.integer({ min: 0, max: 4 }), fc.integer({ min: 0, max: 4 }), (a, b, k) => {
        const [lo, hi] = [Math.min(a, b), Math.max(a, b)];
        if (k < lo || k > hi) return;
        const from = lo === 0 ? null : (numbers[lo] as number);
        const to = hi === 4 ? null : (numbers[hi] as number);
        const rows = [row('s', 'present', from, to)];
        const n = numbers[k] as number;
        expect(stepOut(stepIn(rows, 's', 'm', n, numbers), 's', n, numbers)).toEqual(rows);
      }),
    );
  });

  it('merges adjacent intervals of the same kind only', () => {
    expect(mergeAdjacent([row('a', 'present', null, 21), row('a', 'present', 22, null)], numbers)).toEqual([row('a', 'present')]);
    expect(mergeAdjacent([row('a', 'present', null, 21), row('a', 'present', 23, null)], numbers)).toHaveLength(2);
    expect(mergeAdjacent([row('a', 'present', null, 21), row('a', 'member', 22, null)], numbers)).toHaveLength(2);
  });

  it('proposes the personal substitute for a member with jäv, else by party and order', () => {
    const roster: Member[] = [
      { person: 'lena', role: 'ledamot', party: 'S', termStart: '2019-01-01', termEnd: '2022-12-31' },
      { person: 'sven', role: 'ledamot', party: 'C', termStart: '2019-01-01', termEnd: '2022-12-31' },
      { person: 'anna', role: 'ersattare', party: 'M', substituteOrder: 1, termStart: '2019-01-01', termEnd: '2022-12-31' },
      { person: 'carl', role: 'ersattare', party: 'C', substituteOrder: 2, termStart: '2019-01-01', termEnd: '2022-12-31' },
      { person: 'johan', role: 'ersattare', party: 'MP', substituteFor: 'lena', termStart: '2019-01-01', termEnd: '2022-12-31' },
    ];
    const rows = [row('lena', 'member'), row('sven', 'member'), row('anna', 'present'), row('carl', 'present'), row('johan', 'present')];
    expect(proposeJavSubstitute(roster, rows, 'lena', 22)).toBe('johan');
    expect(proposeJavSubstitute(roster, rows, 'sven', 22)).toBe('carl');
    expect(
      proposeJavSubstitute(
        roster,
        rows.filter((r) => r.personId !== 'carl'),
        'sven',
        22,
      ),
    ).toBe('anna');
    expect(proposeJavSubstitute(roster, [row('sven', 'member')], 'sven', 22)).toBeNull();
  });
});

describe('search queries', () => {
  it.each([
    ['nyckel', '"nyckel"*'],
    ['  Luleå   KOMMUN ', '"Luleå"* "KOMMUN"*'],
    ['"§ 20" OR (x', '"20"* "OR"* "(x"*'],
    ['e-nämnd 2019/258', '"e-nämnd"* "2019/258"*'],
  ])('%j → %s', (input, out) => expect(ftsQuery(input)).toBe(out));

  it('gives no query for input without letters or digits', () => {
    expect(ftsQuery('')).toBeNull();
    expect(ftsQuery(' " * - ')).toBeNull();
  });
});

describe('canonical rich text', () => {
  const inline = fc.record({ text: fc.string({ maxLength: 6 }), bold: fc.option(fc.boolean(), { nil: undefined }), italic: fc.option(fc.boolean(), { nil: undefined }) });
  const paragraph = fc.record({ type: fc.constant('paragraph' as const), content: fc.array(inline, { maxLength: 4 }) });
  const block: fc.Arbitrary<Block> = fc.oneof(
    paragraph,
    fc.record({ type: fc.constant('heading' as const), text: fc.string({ maxLength: 5 }) }),
    fc.record({ type: fc.constant('bullets' as const), items: fc.array(fc.array(paragraph, { maxLength: 2 }), { minLength: 1, maxLength: 3 }) }),
  );

  it('is idempotent and never keeps empty paragraphs or unset marks (property)', () => {
    fc.assert(
      fc.property(fc.array(block, { maxLength: 5 }), (blocks) => {
        const once = normalizeRichText(blocks);
        expect(normalizeRichText(once)).toEqual(once);
        const json = JSON.stringify(once);
        expect(json).not.toContain('"bold":false');
        expect(json).not.toContain('"content":[]');
        expect(json).not.toContain('"text":""');
      }),
    );
  });

  it('merges runs with the same marks and trims the edges of a paragraph', () => {
    expect(normalizeRichText([{ type: 'paragraph', content: [{ text: '  A' }, { text: 'b', bold: false }, { text: 'c', bold: true }, { text: 'd ', bold: true }] }])).toEqual([
      { type: 'paragraph', content: [{ text: 'Ab' }, { text: 'cd', bold: true }] },
    ]);
  });
});
