// Small pieces with sharp edges: PDF text strings and dates, ECDSA r||s → DER, the TrueType subset.
import { generateKeyPairSync, sign, verify } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { defaultFontPaths } from '../../electron/services/signing';
import { parsePdfDate, pdfDate, pdfTextString } from '../../electron/services/signing/pdf-text';
import { ecdsaRawToDer } from '../../electron/services/signing/signer';
import * as fontkit from 'fontkit';
import { existsSync } from 'node:fs';
import { loadAppearanceFont } from '../../electron/services/signing/font';

describe('PDF text strings', () => {
  it('keeps plain ASCII literal, escaping what must be escaped', () => {
    expect(pdfTextString('sig-justerare-1')).toBe('(sig-justerare-1)');
    expect(pdfTextString('a(b)\\c')).toBe('(a\\(b\\)\\\\c)');
  });
  it('writes anything else as UTF-16BE with a byte order mark', () => {
    expect(pdfTextString('Åsa Öberg')).toBe('<FEFF00C50073006100200' + '0D6006200650072' + '0067>');
    expect(pdfTextString('Ordförande')).toMatch(/^<FEFF.*00F6.*>$/);
    expect(pdfTextString('😀')).toBe('<FEFFD83DDE00>'); // surrogate pair kept
  });
});

describe('PDF dates', () => {
  it('writes UTC and reads offsets', () => {
    const d = new Date('2020-11-06T13:04:05Z');
    expect(pdfDate(d)).toBe('D:20201106130405Z');
    expect(parsePdfDate('D:20201106130405Z')?.toISOString()).toBe(d.toISOString());
    expect(parsePdfDate("D:20201106140405+01'00'")?.toISOString()).toBe(d.toISOString());
    expect(parsePdfDate("D:20201106080405-05'00")?.toISOString()).toBe(d.toISOString());
    expect(parsePdfDate('inte ett datum')).toBeNull();
  });
});

describe('ECDSA raw → DER', () => {
  it('turns IEEE P1363 signatures into DER that verifies (200 random signatures)', () => {
    const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    for (let i = 0; i < 200; i++) {
      const data = Buffer.from(`protokoll ${i}`);
      const raw = sign('sha256', data, { key: privateKey, dsaEncoding: 'ieee-p1363' });
      expect(verify('sha256', data, { key: publicKey, dsaEncoding: 'der' }, ecdsaRawToDer(new Uint8Array(raw)))).toBe(true);
    }
  });
  it('handles a high bit and leading zeros', () => {
    const raw = new Uint8Array(64);
    raw[0] = 0x80;
    raw[33] = 0x01; // s = 0x01 followed by zeros after a zero byte
    const der = ecdsaRawToDer(raw);
    expect(Buffer.from(der.subarray(0, 5)).toString('hex')).toBe('3044022100'); // r: 0x00 added before the high bit
    expect(der[der.length - 31 - 1]).toBe(0x1f); // s: its leading zero dropped, 31 bytes left
  });
});

describe('the appearance font (fontkit, bundled Liberation Sans)', () => {
  it('is the bundled Liberation Sans, whatever the system has', () => {
    expect(defaultFontPaths.find((p) => existsSync(p))).toMatch(/templates[\\/]fonts[\\/]LiberationSans-Regular\.ttf$/);
    expect(loadAppearanceFont().postscriptName).toBe('LiberationSans');
  });

  it('keeps the glyphs asked for, renumbered from 1, with their widths, in a font fontkit reads back', () => {
    const font = loadAppearanceFont();
    const gids = [...'Åsa Öberg'].map((c) => font.glyphFor(c.codePointAt(0)!));
    expect(gids.every((g) => g > 0)).toBe(true);
    const { bytes, newGid, glyphCount } = font.subset(gids);
    expect(bytes.length).toBeLessThan(40_000);
    // .notdef stays 0; the others follow in order, so the appearance's CIDs are the subset's glyphs.
    expect(newGid.get(0)).toBe(0);
    expect([...newGid.values()].sort((a, b) => a - b)).toEqual(Array.from({ length: new Set([0, ...gids]).size }, (_, i) => i));
    expect(glyphCount).toBeGreaterThanOrEqual(newGid.size);
    const again = fontkit.create(Buffer.from(bytes));
    if (!('getGlyph' in again)) throw new Error('a collection');
    expect(again.numGlyphs).toBe(glyphCount);
    for (const g of gids) expect(again.getGlyph(newGid.get(g)!).advanceWidth).toBe(font.advance(g));
  });

  it('refuses what is not a TrueType font, in Swedish', () => {
    expect(() => loadAppearanceFont(new TextEncoder().encode('inget typsnitt'))).toThrow(/Typsnittet som angavs kan inte användas/);
  });
});
