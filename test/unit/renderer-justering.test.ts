// The justering screens' pure wording: Swedish times, group states, the verification verdict,
// the signing order, the time-stamping address and the rättelse patch built from plain text.
import { describe, expect, it } from 'vitest';
import {
  buildCorrection,
  formatInstant,
  groupStatusText,
  joinNames,
  moveItem,
  orderText,
  parseTsaUrl,
  pointToText,
  signResultLines,
  textToPoint,
  verdictText,
} from '../../renderer/features/justering/format';
import type { SignatureCheck } from '../../core/app/justering/types';
import { para } from '../../core/format/richtext';

const sig = (valid: boolean, extra: Partial<SignatureCheck> = {}): SignatureCheck => ({
  field: 'sig-sekreterare',
  signerName: 'Robert Karlsson',
  certificateSubject: 'CN=Robert Karlsson',
  certificateSha256: 'ab',
  signedAt: '2020-11-05T09:40:00.000Z',
  claimedSigningTime: '2020-11-05T09:40:00.000Z',
  timestampTime: null,
  level: 'B-B',
  coversWholeFile: true,
  changesAfter: [],
  onlyAllowedChangesAfter: true,
  valid,
  trusted: true,
  trustAnchor: 'CN=Test-CA',
  validityTime: { at: '2020-11-05T09:45:00.000Z', source: 'verification' },
  problems: valid ? [] : ['Signaturen stämmer inte med innehållet.'],
  ...extra,
});

describe('times and names', () => {
  it('shows an instant in Swedish time, summer and winter', () => {
    expect(formatInstant('2020-11-05T09:40:00.000Z')).toBe('2020-11-05 10:40');
    expect(formatInstant('2021-06-30T22:15:00Z')).toBe('2021-07-01 00:15');
    expect(formatInstant('inte ett datum')).toBe('inte ett datum');
  });

  it('joins names the Swedish way', () => {
    expect(joinNames([])).toBe('');
    expect(joinNames(['Sara Lundberg'])).toBe('Sara Lundberg');
    expect(joinNames(['A', 'B', 'C'])).toBe('A, B och C');
  });
});

describe('states in words', () => {
  it('names each group state, the adjusted one with its time', () => {
    expect(groupStatusText('open', null)).toMatch(/^Öppen/);
    expect(groupStatusText('frozen', null)).toBe('Låst för justering');
    expect(groupStatusText('adjusted', '2020-11-05T09:50:00.000Z')).toBe('Justerad 2020-11-05 10:50');
  });

  it('gives the verdict of a report in one sentence', () => {
    const base = { valid: true, modifiedAfterLastSignature: false, trustAssessed: true, trusted: true };
    expect(verdictText({ ...base, signatures: [] }, 3)).toBe('Dokumentet har ännu inga underskrifter.');
    expect(verdictText({ ...base, signatures: [sig(true), sig(true), sig(true)] }, 0)).toMatch(/^Alla 3 underskrifter är giltiga/);
    expect(verdictText({ ...base, signatures: [sig(true)] }, 2)).toBe('Underskriften hittills är giltig och filen är oförändrad, men 2 underskrifter saknas.');
    expect(verdictText({ ...base, valid: false, signatures: [sig(false)] }, 2)).toMatch(/^Underskrifterna håller inte/);
    expect(verdictText({ ...base, modifiedAfterLastSignature: true, signatures: [sig(true)] }, 0)).toMatch(/^Underskrifterna håller inte/);
    // Valid is not enough: an empty trust store or an untrusted chain is never "giltiga".
    expect(verdictText({ ...base, trustAssessed: false, trusted: false, signatures: [sig(true, { trusted: null })] }, 0)).toMatch(/^Tillit ej bedömd/);
    expect(verdictText({ ...base, trusted: false, signatures: [sig(true, { trusted: false })] }, 0)).toMatch(/leder inte till något betrott rotcertifikat/);
  });

  it('tells who signed, who remains and the time stamp after signing', () => {
    const signature = {
      id: 's1',
      field: 'sig-sekreterare',
      role: 'Sekreterare',
      signerName: 'Robert Karlsson',
      signedAt: '2020-11-05T09:40:00.000Z',
      sha256: 'x',
      certificateSubject: null,
      via: 'app',
      identity: 'name-only' as const,
      trustAnchor: null,
    };
    const remaining = [
      { field: 'sig-ordforande', role: 'Ordförande', name: 'Anders Lundkvist', personId: 'p2' },
      { field: 'sig-justerare-1', role: 'Justerare', name: 'Sara Lundberg', personId: 'p3' },
    ];
    expect(signResultLines({ signature, groupAdjusted: false, meetingAdjusted: false, remaining, timestamp: { requested: true, added: false, message: 'Tidsstämpeltjänsten svarade inte.' } })).toEqual(
      ['Robert Karlsson har skrivit under 2020-11-05 10:40.', 'Kvar att skriva under: Anders Lundkvist (ordförande) och Sara Lundberg (justerare).', 'Tidsstämpeltjänsten svarade inte.'],
    );
    const last = signResultLines({ signature, groupAdjusted: true, meetingAdjusted: false, remaining: [], timestamp: { requested: true, added: true, message: null } });
    expect(last).toEqual([
      'Robert Karlsson har skrivit under 2020-11-05 10:40.',
      'Nu har alla skrivit under: paragraferna är justerade.',
      'Underskriften har en tidsstämpel från en betrodd tjänst (PAdES B-T), så tiden för underskriften kan styrkas.',
    ]);
    // An imported file says nothing about this machine's time-stamping setting.
    expect(signResultLines({ signature, groupAdjusted: false, meetingAdjusted: false, remaining: [], timestamp: { requested: false, added: false, message: null } }, true)).toHaveLength(1);
  });
});

describe('signing order and settings', () => {
  it('words the order and moves roles within bounds', () => {
    expect(orderText(null)).toBe('valfri ordning');
    expect(orderText(['justerare', 'ordforande', 'sekreterare'])).toBe('justerare → ordförande → sekreterare');
    expect(moveItem(['a', 'b', 'c'], 2, -1)).toEqual(['a', 'c', 'b']);
    expect(moveItem(['a', 'b', 'c'], 0, -1)).toEqual(['a', 'b', 'c']);
    expect(moveItem(['a', 'b', 'c'], 2, 1)).toEqual(['a', 'b', 'c']);
  });

  it('accepts an http(s) time-stamping address, empty for none, and refuses anything else', () => {
    expect(parseTsaUrl('  ')).toBeNull();
    expect(parseTsaUrl(' https://tsa.example.se/tsa ')).toBe('https://tsa.example.se/tsa');
    expect(parseTsaUrl('http://127.0.0.1:8080/')).toBe('http://127.0.0.1:8080/');
    expect(parseTsaUrl('ftp://tsa.example.se')).toBeUndefined();
    expect(parseTsaUrl('tsa.example.se')).toBeUndefined();
    expect(parseTsaUrl('https://tsa example.se')).toBeUndefined();
  });
});

describe('rättelse from plain text', () => {
  const decision = { numbered: true, points: [[para('Nämnden godkänner rapporten.')], [para('Första stycket.'), para('Andra stycket.')]] };

  it('reads plain decision points as text and back, and refuses formatted ones', () => {
    expect(pointToText(decision.points[1] ?? [])).toBe('Första stycket.\n\nAndra stycket.');
    expect(textToPoint('Första stycket.\n\n  \nAndra stycket.\n')).toEqual([para('Första stycket.'), para('Andra stycket.')]);
    expect(pointToText([{ type: 'paragraph', content: [{ text: 'Viktigt', bold: true }] }])).toBeNull();
    expect(pointToText([{ type: 'bullets', items: [[para('a')]] }])).toBeNull();
  });

  it('sends only what changed, and requires a change and a reason', () => {
    const original = { title: 'Rapport om e-tjänster', decision };
    const same = { title: 'Rapport om e-tjänster', points: ['Nämnden godkänner rapporten.', 'Första stycket.\n\nAndra stycket.'], reason: 'x' };
    expect(buildCorrection(original, same)).toEqual({ ok: false, field: 'title', message: 'Ändra rubriken eller beslutet: rättelsen innehåller ingen ändring.' });
    expect(buildCorrection(original, { ...same, title: 'Rapport om e-tjänster 2020', reason: '  ' })).toEqual({ ok: false, field: 'reason', message: 'Ange skälet till rättelsen.' });
    expect(buildCorrection(original, { ...same, title: ' ' })).toMatchObject({ ok: false, field: 'title' });
    expect(buildCorrection(original, { ...same, title: 'Rapport om e-tjänster 2020', reason: ' Felskriven rubrik ' })).toEqual({
      ok: true,
      patch: { title: 'Rapport om e-tjänster 2020' },
      reason: 'Felskriven rubrik',
    });
    const point = buildCorrection(original, { ...same, points: ['Nämnden godkänner rapporten för 2020.', same.points[1] ?? ''], reason: 'Årtal saknades' });
    expect(point).toEqual({
      ok: true,
      patch: { decision: { numbered: true, points: [[para('Nämnden godkänner rapporten för 2020.')], [para('Första stycket.'), para('Andra stycket.')]] } },
      reason: 'Årtal saknades',
    });
    expect(buildCorrection(original, { ...same, points: ['', same.points[1] ?? ''] })).toMatchObject({ ok: false, field: 'points' });
  });
});

describe('routes of the justering screens', () => {
  it('parses the justering page, the signing-package page and the settings, and builds the link', async () => {
    const { parseRoute, justeringHref } = await import('../../renderer/router');
    expect(parseRoute('#/meetings/m%201/justering')).toEqual({ name: 'justering', meetingId: 'm 1' });
    expect(parseRoute(justeringHref('m/2'))).toEqual({ name: 'justering', meetingId: 'm/2' });
    expect(parseRoute('#/underskrift')).toEqual({ name: 'signPackage' });
    expect(parseRoute('#/installningar')).toEqual({ name: 'settings' });
    expect(parseRoute('#/meetings/m1/p/20')).toMatchObject({ name: 'meeting', meetingId: 'm1', paragraph: 20 });
    expect(parseRoute('#/meetings/m1/justering/extra')).toEqual({ name: 'notFound' });
  });
});
