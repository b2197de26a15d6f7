// Personnummer detection (Luhn, dates, samordningsnummer) and the masked public version.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { findIdentityNumbers, luhnValid, removeIdentityNumbers } from '../../core/domain/personnummer';
import { confidentialityNotice, publicVersion, withoutMaskedJavSubstitutes } from '../../core/domain/masking';
import { narvarolista, servingOn } from '../../core/domain/presence';
import { peopleOf } from '../../core/documents/people';
import { presenceNotes } from '../../core/documents/presence-notes';
import { meetingDocumentSchema, type MeetingDocument } from '../../core/format/meeting';
import { plainText } from '../../core/format/richtext';
import reference from '../../core/reference/e-namnden-2020-11-05.json' with { type: 'json' };

/** Makes a valid 10-digit number from 9 digits by computing the Luhn check digit. */
function withCheckDigit(nine: string): string {
  for (let d = 0; d <= 9; d += 1) if (luhnValid(`${nine}${d}`)) return `${nine}${d}`;
  throw new Error('unreachable');
}

describe('personnummer', () => {
  it.each([
    ['Sökande 19121212-1212 har', ['19121212-1212']],
    ['pnr 121212-1212.', ['121212-1212']],
    ['191212121212', ['191212121212']],
    ['1212121212', ['1212121212']],
    ['hundraåring 121212+1212', ['121212+1212']],
    ['samordningsnummer 701063-2391', ['701063-2391']],
  ])('finds %s', (text, expected) => {
    expect(findIdentityNumbers(text).map((m) => m.text)).toEqual(expected);
  });

  it.each([
    'Swedlock AB (org nr: 556746-5843)',
    'Visma Consulting AB (org.nr 556117-7543)',
    'wrong check digit 19121212-1213',
    'no such date 19120230-1234',
    'Per 2020-09-30 redovisar nämnden ett överskott på 132 092 SEK',
    'telefon 0920-45 30 00',
  ])('leaves %s alone', (text) => {
    expect(findIdentityNumbers(text)).toEqual([]);
  });

  it('knows samordningsnummer from the day + 60', () => {
    expect(findIdentityNumbers('701063-2391')[0]?.kind).toBe('samordningsnummer');
    expect(findIdentityNumbers('121212-1212')[0]?.kind).toBe('personnummer');
  });

  it('removes every generated valid number, whatever the writing', () => {
    const date = fc.date({ min: new Date('1900-01-01'), max: new Date('2029-12-31'), noInvalidDate: true });
    fc.assert(
      fc.property(date, fc.integer({ min: 0, max: 999 }), fc.constantFrom('-', '', '+'), fc.boolean(), fc.boolean(), (d, serial, sep, century, coord) => {
        const iso = d.toISOString();
        const yy = iso.slice(2, 4);
        const mm = iso.slice(5, 7);
        const dd = String(Number(iso.slice(8, 10)) + (coord ? 60 : 0)).padStart(2, '0');
        const ten = withCheckDigit(`${yy}${mm}${dd}${String(serial).padStart(3, '0')}`);
        const written = `${century ? iso.slice(0, 2) : ''}${ten.slice(0, 6)}${sep}${ten.slice(6)}`;
        const out = removeIdentityNumbers(`Uppgift: ${written}, slut.`);
        expect(out).toBe('Uppgift: [personnummer borttaget], slut.');
      }),
    );
  });
});

describe('public version', () => {
  const doc = () => meetingDocumentSchema.parse(structuredClone(reference));

  it('replaces a confidential § and a confidential passage with the provision, and the text is gone', () => {
    const d = doc();
    const p24 = d.paragraphs.find((p) => p.number === 24);
    if (!p24) throw new Error('§ 24 missing');
    p24.confidential = { provision: '21 kap. 7 §' };
    const p25 = d.paragraphs.find((p) => p.number === 25);
    p25?.summary?.push({ type: 'confidential', provision: '39 kap. 3 §', blocks: [{ type: 'paragraph', content: [{ text: 'Hemlig personalutredning om Kerstin.' }] }] });
    p25?.summary?.push({ type: 'paragraph', content: [{ text: 'Sökanden har personnummer 19121212-1212.' }] });

    const pub = publicVersion(d);
    const all = JSON.stringify(pub);
    expect(all).not.toContain('Evolution');
    expect(all).not.toContain('diarie-enhet');
    expect(all).not.toContain('Hemlig personalutredning');
    expect(all).not.toContain('19121212-1212');
    const q24 = pub.paragraphs.find((p) => p.number === 24);
    expect(q24?.title).toBe(confidentialityNotice('21 kap. 7 §'));
    expect(plainText(q24?.body ?? [])).toBe('[Sekretess enligt 21 kap. 7 § OSL]');
    const q25 = pub.paragraphs.find((p) => p.number === 25);
    expect(plainText(q25?.summary ?? [])).toContain('[Sekretess enligt 39 kap. 3 § OSL]');
    expect(plainText(q25?.summary ?? [])).toContain('Sökanden har personnummer [personnummer borttaget].');
    // Untouched paragraphs keep their text.
    expect(pub.paragraphs.find((p) => p.number === 20)).toEqual(d.paragraphs.find((p) => p.number === 20));
  });

  it('catches a number split across formatting runs', () => {
    const d = doc();
    d.paragraphs[0]?.summary?.push({ type: 'paragraph', content: [{ text: 'Pnr 19121212-' }, { text: '1212' }] });
    expect(JSON.stringify(publicVersion(d))).not.toMatch(/19121212|1212"/);
  });
});

describe('personnummer written with Unicode dashes and spaces (issue 15)', () => {
  const dashes = ['-', '+', '\u2010', '\u2011', '\u2012', '\u2013', '\u2014', '\u2212'];
  const spaces = [' ', '\u00A0', '\u2007', '\u2009', '\u202F'];
  /** Every way the separator between date and number is written: nothing, a dash, a space, or both. */
  const separator = fc.oneof(
    fc.constant(''),
    fc.constantFrom(...dashes),
    fc.constantFrom(...spaces),
    fc.tuple(fc.constantFrom('', ...spaces), fc.constantFrom(...dashes), fc.constantFrom('', ...spaces)).map(([a, d, b]) => `${a}${d}${b}`),
  );
  // A real date (day ≤ 28 so every month has it) or a samordningsnummer (day + 60); a valid check digit.
  const identity = fc
    .record({
      year: fc.integer({ min: 1900, max: 2025 }),
      month: fc.integer({ min: 1, max: 12 }),
      day: fc.integer({ min: 1, max: 28 }),
      serial: fc.integer({ min: 0, max: 999 }),
      samordning: fc.boolean(),
    })
    .map(({ year, month, day, serial, samordning }) => {
      const two = (n: number) => String(n).padStart(2, '0');
      const ten = withCheckDigit(`${two(year % 100)}${two(month)}${two(samordning ? day + 60 : day)}${String(serial).padStart(3, '0')}`);
      return { century: String(year).slice(0, 2), date: ten.slice(0, 6), last: ten.slice(6) };
    });

  it('removes the number with any separator, with and without century, spaces inside the date or not', () => {
    fc.assert(
      fc.property(identity, separator, fc.boolean(), fc.constantFrom('', ' ', '\u00A0'), (id, sep, withCentury, inner) => {
        const date = `${id.date.slice(0, 2)}${inner}${id.date.slice(2, 4)}${inner}${id.date.slice(4)}`;
        const written = `${withCentury ? id.century : ''}${date}${sep}${id.last}`;
        const text = `Sökande ${written} har ansökt.`;
        const out = removeIdentityNumbers(text);
        return out === 'Sökande [personnummer borttaget] har ansökt.' && !out.includes(id.last);
      }),
    );
  });

  it.each([
    ['en dash', '19121212–1212'],
    ['no-break space', '19121212\u00A01212'],
    ['space before the hyphen', '19121212 -1212'],
    ['spaces inside the date', '1912 12 12-1212'],
    ['non-breaking hyphen', '19121212\u20111212'],
    ['minus sign, no century', '121212\u22121212'],
  ])('%s: %s', (_label, written) => {
    expect(removeIdentityNumbers(`pnr ${written}.`)).toBe('pnr [personnummer borttaget].');
  });

  it('still leaves organisation numbers and other digit runs alone', () => {
    for (const text of ['org.nr 212000–2723', 'Dnr 2019/258', '2020-11-05 kl. 14.20', 'tel 0920 45 30 00']) expect(removeIdentityNumbers(text)).toBe(text);
  });
});

describe('a confidential § in the public version (issue 15)', () => {
  it('does not name who had jäv, in the § or in the närvarolista', () => {
    const doc = meetingDocumentSchema.parse(reference);
    const p24 = doc.paragraphs.find((p) => p.number === 24)!;
    p24.confidential = { provision: '26 kap. 1 §' };
    p24.jav = [{ person: 'lena-goldkuhl', note: 'Släkt med den enskilde.' }];
    const masked = publicVersion(doc).paragraphs.find((p) => p.number === 24)!;
    expect(masked.jav).toEqual([]);
    expect(JSON.stringify(masked)).not.toContain('lena-goldkuhl');
    const open = publicVersion(doc).paragraphs.find((p) => p.number === 23)!;
    expect(open.jav).toEqual([]);
  });
});

describe('the substitute for a masked jäv (walk of a new board: § 90 with the chair jävig)', () => {
  /** § 24 confidential; Lena Goldkuhl has jäv there and Johan Johansson, present all day, serves in her seat on § 24 only. */
  function withJav() {
    const doc = meetingDocumentSchema.parse(reference);
    const p24 = doc.paragraphs.find((p) => p.number === 24)!;
    p24.confidential = { provision: '26 kap. 1 §' };
    p24.jav = [{ person: 'lena-goldkuhl', note: 'Släkt med den enskilde.' }];
    doc.attendance = doc.attendance.flatMap((a) =>
      a.person !== 'johan-johansson'
        ? [a]
        : [
            { ...a, fromTime: '09:05', toParagraph: 23 },
            { person: 'johan-johansson', capacity: 'substitute' as const, replaces: 'lena-goldkuhl', fromParagraph: 24, toParagraph: 24 },
            { ...a, fromParagraph: 25, toTime: '10:20', note: 'Deltar via Teams' },
          ],
    );
    return doc;
  }
  const name = (doc: MeetingDocument) => (key: string) => doc.people.find((p) => p.key === key)?.name ?? key;

  it('the original names the jäv and the substitution', () => {
    const doc = withJav();
    expect(presenceNotes(doc, 24, peopleOf(doc))).toEqual(['Johan Johansson (MP) tjänstgör från och med § 24 i stället för Lena Goldkuhl (S).']);
    expect(narvarolista(doc, name(doc)).substitutes.find((e) => e.person === 'johan-johansson')?.remarks).toEqual(['Ersätter Lena Goldkuhl', '§ 24']);
  });

  it('the public version names neither: the substitute is present, not serving, all day, with the times and remark kept', () => {
    const doc = withJav();
    const pub = publicVersion(doc);
    for (const n of [24, 25]) expect(presenceNotes(pub, n, peopleOf(pub))).toEqual([]);
    const lists = narvarolista(pub, name(pub));
    expect(lists.substitutes.map((e) => e.person)).not.toContain('johan-johansson');
    expect(JSON.stringify(lists)).not.toContain('Lena Goldkuhl');
    expect(pub.attendance.filter((a) => a.person === 'johan-johansson')).toEqual([{ person: 'johan-johansson', capacity: 'present', fromTime: '09:05', toTime: '10:20', note: 'Deltar via Teams' }]);
    // Nobody serves twice in one seat: as many seats are filled as in the original.
    expect(servingOn(pub, 24)).toHaveLength(servingOn(doc, 24).length);
  });

  it('keeps a substitute who serves in the seat beyond the masked §, and a jäv in a § that is not masked', () => {
    const doc = withJav();
    const longer = { ...doc, attendance: doc.attendance.map((a) => (a.capacity === 'substitute' && a.person === 'johan-johansson' ? { ...a, toParagraph: 25 } : a)) };
    expect(withoutMaskedJavSubstitutes(longer, new Set([24]))).toEqual(longer.attendance);
    expect(withoutMaskedJavSubstitutes(doc, new Set([23]))).toEqual(doc.attendance);
  });
});
