// Personnummer detection (Luhn, dates, samordningsnummer) and the masked public version.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { findIdentityNumbers, luhnValid, removeIdentityNumbers } from '../../core/domain/personnummer';
import { confidentialityNotice, publicVersion } from '../../core/domain/masking';
import { meetingDocumentSchema } from '../../core/format/meeting';
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
