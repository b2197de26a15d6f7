// The identity rule every signing path uses (core/domain/eid): an e-ID identifier, when the
// person has one, decides; else the single CN must be the name ("endast namnkontroll"), unless
// the board requires identifiers.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { matchSigner, parseEidIdentifier, personnummerOfSerial, type CertificateIdentity, type EidIdentifier } from '../../core/domain/eid';
import { luhnValid } from '../../core/domain/personnummer';

const PNR = '198001010001';
const cert = (over: Partial<CertificateIdentity> = {}): CertificateIdentity => ({ commonNames: ['Sara Lundberg'], serialNumbers: [], sha256: 'a'.repeat(64), ...over });
const pnr = (value: string): EidIdentifier => ({ kind: 'personnummer', value });

describe('parsing identifiers', () => {
  it('normalises a personnummer with or without dash, "SE" or "PNOSE-" and refuses bad dates and check digits', () => {
    for (const raw of ['19800101-0001', '198001010001', 'SE198001010001', 'PNOSE-198001010001', ' 19800101 0001 ']) {
      expect(parseEidIdentifier('personnummer', raw)).toEqual(pnr(PNR));
    }
    for (const raw of ['8001010001', '19800101-0002', '19801301-0001', '19800230-0007', 'abc']) {
      expect(parseEidIdentifier('personnummer', raw)).toHaveProperty('error');
    }
  });

  it('infers the century of a 10-digit personnummer from the day: under 100 years old, "+" for 100 or older', () => {
    const today = new Date('2020-11-05T12:00:00Z');
    expect(parseEidIdentifier('personnummer', '800101-0001', { today })).toEqual(pnr(PNR));
    expect(parseEidIdentifier('personnummer', '8001010001', { today })).toEqual(pnr(PNR));
    expect(parseEidIdentifier('personnummer', '800101+0001', { today })).toEqual(pnr('188001010001'));
    // Born 2020-11-04 (yesterday) is 2020; 2020-11-06 would be tomorrow, so 1920.
    expect(parseEidIdentifier('personnummer', '201104-0009', { today })).toHaveProperty('value', expect.stringMatching(/^2020/));
    expect(parseEidIdentifier('personnummer', '201106-0007', { today })).toHaveProperty('value', expect.stringMatching(/^1920/));
    // Without a day to count from, the century must be written.
    expect(parseEidIdentifier('personnummer', '800101-0001')).toHaveProperty('error');
  });

  it('property: the 10-digit form of a personnummer under 100 years old parses to the 12-digit form', () => {
    const today = new Date('2026-06-15T12:00:00Z');
    const born = fc.date({ min: new Date('1926-06-16T00:00:00Z'), max: new Date('2026-06-14T00:00:00Z'), noInvalidDate: true });
    fc.assert(
      fc.property(born, fc.integer({ min: 0, max: 999 }), fc.boolean(), (d, n, samordning) => {
        const ymd = d.toISOString().slice(0, 10).replace(/-/g, '');
        const day = Number(ymd.slice(6, 8)) + (samordning ? 60 : 0);
        const stem = `${ymd.slice(2, 6)}${String(day).padStart(2, '0')}${String(n).padStart(3, '0')}`;
        const check = [...Array(10).keys()].find((c) => luhnValid(`${stem}${c}`)) ?? 0;
        const twelve = `${ymd.slice(0, 2)}${stem}${check}`;
        const ten = `${stem.slice(0, 6)}-${stem.slice(6)}${check}`;
        const parsed = parseEidIdentifier('personnummer', ten, { today });
        return 'value' in parsed && parsed.value === twelve;
      }),
    );
  });

  it('normalises HSA-ids and fingerprints', () => {
    expect(parseEidIdentifier('hsa', 'se2321000016-1003')).toEqual({ kind: 'hsa', value: 'SE2321000016-1003' });
    expect(parseEidIdentifier('hsa', '2321000016')).toHaveProperty('error');
    expect(parseEidIdentifier('fingerprint', 'AB:'.repeat(32).slice(0, -1))).toEqual({ kind: 'fingerprint', value: 'ab'.repeat(32) });
    expect(parseEidIdentifier('fingerprint', 'ab')).toHaveProperty('error');
  });

  it('reads the personnummer of a certificate serialNumber in the forms used in practice', () => {
    expect(personnummerOfSerial('198001010001')).toBe(PNR);
    expect(personnummerOfSerial('SE198001010001')).toBe(PNR);
    expect(personnummerOfSerial('PNOSE-198001010001')).toBe(PNR);
    expect(personnummerOfSerial('SE2321000016-1003')).toBeNull();
  });
});

describe('matching a certificate to a person', () => {
  it('with an identifier: the identifier decides, the name does not', () => {
    const sara = { name: 'Sara Lundberg', identifiers: [pnr(PNR)] };
    expect(matchSigner(sara, cert({ serialNumbers: ['PNOSE-198001010001'] }))).toEqual({ status: 'identifier', kind: 'personnummer' });
    // Another person's certificate with the same name.
    expect(matchSigner(sara, cert({ serialNumbers: ['SE197505050109'] })).status).toBe('mismatch');
    // No serialNumber at all.
    expect(matchSigner(sara, cert()).status).toBe('mismatch');
    // A name typed differently is fine when the identifier matches (the certificate says who).
    expect(matchSigner(sara, cert({ commonNames: ['SARA LUNDBERG'], serialNumbers: ['198001010001'] })).status).toBe('identifier');
  });

  it('matches HSA-id and a registered certificate fingerprint', () => {
    expect(matchSigner({ name: 'Sara Lundberg', identifiers: [{ kind: 'hsa', value: 'SE2321000016-1003' }] }, cert({ serialNumbers: ['se2321000016-1003'] })).status).toBe('identifier');
    expect(matchSigner({ name: 'Sara Lundberg', identifiers: [{ kind: 'fingerprint', value: 'a'.repeat(64) }] }, cert()).status).toBe('identifier');
    expect(matchSigner({ name: 'Sara Lundberg', identifiers: [{ kind: 'fingerprint', value: 'b'.repeat(64) }] }, cert()).status).toBe('mismatch');
  });

  it('without an identifier: the name only, shown as such, and refused when the board requires identifiers', () => {
    const sara = { name: 'Sara  Lundberg', identifiers: [] };
    expect(matchSigner(sara, cert())).toEqual({ status: 'name-only' });
    expect(matchSigner(sara, cert({ commonNames: ['Sara Lundgren'] })).status).toBe('mismatch');
    expect(matchSigner(sara, cert(), { requireIdentifier: true }).status).toBe('mismatch');
  });

  it('refuses a certificate with two CNs or none, whatever else matches', () => {
    const sara = { name: 'Sara Lundberg', identifiers: [pnr(PNR)] };
    expect(matchSigner(sara, cert({ commonNames: ['Sara Lundberg', 'Mallory'], serialNumbers: [PNR] })).status).toBe('mismatch');
    expect(matchSigner({ name: 'Sara Lundberg', identifiers: [] }, cert({ commonNames: [] })).status).toBe('mismatch');
  });

  it('property: a valid personnummer matches exactly the certificates carrying it, in any of the three forms', () => {
    const valid = fc
      .record({ y: fc.integer({ min: 1900, max: 2020 }), m: fc.integer({ min: 1, max: 12 }), d: fc.integer({ min: 1, max: 28 }), n: fc.integer({ min: 0, max: 999 }) })
      .map(({ y, m, d, n }) => {
        const stem = `${String(y % 100).padStart(2, '0')}${String(m).padStart(2, '0')}${String(d).padStart(2, '0')}${String(n).padStart(3, '0')}`;
        const check = [...Array(10).keys()].find((c) => luhnValid(`${stem}${c}`)) ?? 0;
        return `${String(y).slice(0, 2)}${stem}${check}`;
      });
    fc.assert(
      fc.property(valid, valid, fc.constantFrom('', 'SE', 'PNOSE-'), (mine, other, prefix) => {
        const parsed = parseEidIdentifier('personnummer', mine);
        if ('error' in parsed) return false;
        const who = { name: 'X Y', identifiers: [parsed] };
        const own = matchSigner(who, cert({ commonNames: ['Z'], serialNumbers: [`${prefix}${mine}`] })).status === 'identifier';
        const theirs = matchSigner(who, cert({ commonNames: ['X Y'], serialNumbers: [`${prefix}${other}`] })).status;
        return own && (other === mine ? theirs === 'identifier' : theirs === 'mismatch');
      }),
    );
  });
});
