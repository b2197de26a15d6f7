// Reading member lists from CSV: encodings, separators, quoting, Swedish headings and role words.
import { describe, expect, it } from 'vitest';
import { decodeText, detectSeparator, parseCsv, parseRole, readMemberCsv } from '../../core/app/workspace/csv';

const latin1 = (s: string) => Uint8Array.from([...s].map((c) => c.charCodeAt(0)));
const utf8 = (s: string) => new TextEncoder().encode(s);

describe('decoding', () => {
  it('reads UTF-8 with and without BOM, and Windows-1252', () => {
    expect(decodeText(utf8('\ufeffÅsa Öberg'))).toBe('Åsa Öberg');
    expect(decodeText(utf8('Åsa Öberg'))).toBe('Åsa Öberg');
    expect(decodeText(latin1('Åsa Öberg'))).toBe('Åsa Öberg');
    expect(decodeText(Uint8Array.from([0xc5, 0x73, 0x61, 0x20, 0x96, 0x20, 0x92]))).toBe('Åsa – ’');
  });
});

describe('parsing', () => {
  it('detects the separator from the heading line', () => {
    expect(detectSeparator('Namn;Roll;Parti\nA, B;Ledamot;S')).toBe(';');
    expect(detectSeparator('Namn,Roll,Parti')).toBe(',');
    expect(detectSeparator('"Namn;x",Roll,Parti')).toBe(',');
    expect(detectSeparator('Namn\tRoll')).toBe('\t');
  });

  it('handles quotes, doubled quotes, separators and line breaks inside quotes, CRLF and blank lines', () => {
    const rows = parseCsv('Namn;Anm\r\n"Nilsson; Märta";"Sa ""hej""\r\nigen"\r\n\r\nBo;x\r\n', ';');
    expect(rows).toEqual([
      { line: 1, cells: ['Namn', 'Anm'] },
      { line: 2, cells: ['Nilsson; Märta', 'Sa "hej"\r\nigen'] },
      { line: 5, cells: ['Bo', 'x'] },
    ]);
  });

  it('knows the Swedish role words', () => {
    expect(parseRole(' Ordförande ')).toBe('ordforande');
    expect(parseRole('1:e vice ordförande')).toBe('vice_ordforande');
    expect(parseRole('2:e vice ordförande')).toBe('andre_vice_ordforande');
    expect(parseRole('LEDAMOT')).toBe('ledamot');
    expect(parseRole('Ersättare')).toBe('ersattare');
    expect(parseRole('Kassör')).toBeNull();
  });
});

describe('member lists', () => {
  it('reads a complete file', () => {
    const r = readMemberCsv(
      utf8(
        'Namn;Roll;Parti;Representerar;Mandat från;Mandat till;Ersättarordning;Ersättare för\nÅsa Öberg;Ordförande;S;Piteå;2023-01-01;2026-12-31;;\nBo Ek;Ersättare;M;;2023-01-01;2026-12-31;2;Åsa Öberg\n',
      ),
      {},
    );
    expect(r.issues).toEqual([]);
    expect(r.members).toEqual([
      {
        line: 2,
        name: 'Åsa Öberg',
        role: 'ordforande',
        party: 'S',
        represents: 'Piteå',
        termStart: '2023-01-01',
        termEnd: '2026-12-31',
        substituteOrder: null,
        substituteFor: null,
        email: null,
        identifiers: [],
      },
      {
        line: 3,
        name: 'Bo Ek',
        role: 'ersattare',
        party: 'M',
        represents: null,
        termStart: '2023-01-01',
        termEnd: '2026-12-31',
        substituteOrder: 2,
        substituteFor: 'Åsa Öberg',
        email: null,
        identifiers: [],
      },
    ]);
  });

  it('accepts English headings and takes the term from the form', () => {
    const r = readMemberCsv(utf8('name,role,party\nAnna,member,S\n'), { termStart: '2023-01-01', termEnd: '2026-12-31' });
    expect(r.issues).toEqual([]);
    expect(r.members[0]).toMatchObject({ name: 'Anna', role: 'ledamot', termStart: '2023-01-01' });
  });

  it('reports every problem with its line and column', () => {
    const r = readMemberCsv(
      utf8(
        'Namn;Roll;Mandat från;Mandat till;Ersättarordning\nAnna;Ledamot;2023-01-01;2022-12-31;\nAnna;Ledamot;2023-01-01;2026-12-31;\nBo;Ledamot;2023-01-01;2026-12-31;3\n;Ersättare;2023-01-01;2026-12-31;x\n',
      ),
      {},
    );
    expect(r.issues.map((i) => [i.line, i.column])).toEqual([
      [2, 'Mandat till'],
      [3, 'Namn'],
      [4, 'Ersättarordning'],
      [5, 'Namn'],
      [5, 'Ersättarordning'],
    ]);
  });

  it('refuses unknown and missing columns before reading any row', () => {
    expect(readMemberCsv(utf8('Namn;Telefon\nAnna;123\n'), {}).issues.map((i) => i.message)).toEqual([
      expect.stringContaining('Okänd kolumn "Telefon"'),
      expect.stringContaining('Kolumnen Roll saknas'),
      expect.stringContaining('Kolumnen Mandat från saknas'),
      expect.stringContaining('Kolumnen Mandat till saknas'),
    ]);
    expect(readMemberCsv(utf8(''), {}).issues[0]?.message).toContain('Filen är tom');
  });
});
