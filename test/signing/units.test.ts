// Small pieces with sharp edges: PDF text strings and dates, ECDSA r||s → DER, the TrueType subset.
import { generateKeyPairSync, sign, verify } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { defaultFontPaths } from '../../electron/services/signing';
import { parsePdfDate, pdfDate, pdfTextString } from '../../electron/services/signing/pdf-text';
import { ecdsaRawToDer } from '../../electron/services/signing/signer';
import { parseTrueType } from '../../electron/services/signing/truetype';
import { firstExisting } from '../helpers/tools';

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

const fontPath = firstExisting('Ett systemtypsnitt (Liberation/DejaVu)', defaultFontPaths);
describe.skipIf(!fontPath)('TrueType subset', () => {
  it('keeps the glyphs asked for, plus composite parts, and writes a well-formed font', () => {
    const font = parseTrueType(new Uint8Array(readFileSync(fontPath!)));
    const gids = [...'Åsa Öberg'].map((c) => font.glyphFor(c.codePointAt(0)!));
    expect(gids.every((g) => g > 0)).toBe(true);
    const { bytes, newGid } = font.subset(gids);
    expect(bytes.length).toBeLessThan(40_000);
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    const tables = new Map<string, number>();
    for (let i = 0; i < view.getUint16(4); i++) tables.set(String.fromCharCode(...bytes.subarray(12 + i * 16, 16 + i * 16)), view.getUint32(20 + i * 16));
    expect([...tables.keys()].sort()).toEqual(['cvt ', 'fpgm', 'glyf', 'head', 'hhea', 'hmtx', 'loca', 'maxp', 'prep']);
    expect(view.getUint16(tables.get('maxp')! + 4)).toBe(newGid.size); // numGlyphs
    for (const g of gids) expect(view.getUint16(tables.get('hmtx')! + newGid.get(g)! * 4)).toBe(font.advance(g));
    // The table checksums and head adjustment make the whole font sum to the magic number.
    let sum = 0;
    for (let i = 0; i + 4 <= bytes.length; i += 4) sum = (sum + view.getUint32(i)) >>> 0;
    expect(sum).toBe(0xb1b0afba);
  });
});
