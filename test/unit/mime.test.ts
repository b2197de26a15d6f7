// core/format/mime.ts by our own strict reading: ASCII with CRLF, line lengths, encoded-words
// and RFC 2231 names that decode back to the text, base64 that decodes to the bytes.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildMessage, encodeWords, fileNameParameter, isValidMailAddress, quotedPrintable, rfc5322Date, stockholmOffsetMinutes, type MailMessage } from '../../core/format/mime';
import { strictProblems } from '../helpers/eml';

const dec = new TextDecoder('utf-8', { fatal: true });

/** Decodes one RFC 2047 B word (the test's own reading, not the writer's). */
function decodeWord(w: string): Uint8Array {
  const m = /^=\?UTF-8\?B\?([A-Za-z0-9+/=]*)\?=$/.exec(w);
  if (m === null) throw new Error(`inte ett encoded-word: ${w}`);
  return Uint8Array.from(atob(m[1] ?? ''), (c) => c.charCodeAt(0));
}

function decodeQp(qp: string): string {
  const bytes: number[] = [];
  const lines = qp.split('\r\n');
  lines.forEach((line, i) => {
    const soft = line.endsWith('=');
    const body = soft ? line.slice(0, -1) : line;
    for (let j = 0; j < body.length; j += 1) {
      if (body[j] === '=') {
        bytes.push(parseInt(body.slice(j + 1, j + 3), 16));
        j += 2;
      } else bytes.push(body.charCodeAt(j));
    }
    if (!soft && i < lines.length - 1) bytes.push(13, 10);
  });
  return dec.decode(Uint8Array.from(bytes));
}

const base: MailMessage = {
  from: { name: '', address: 'sekreterare@kommun.se' },
  to: [{ name: 'Åsa Öberg-Ärlig', address: 'asa.oberg@kommun.se' }],
  subject: 'Kallelse till sammanträde med Byggnadsnämnden i Åre 2027-03-17',
  date: new Date('2027-03-10T08:12:00Z'),
  utcOffsetMinutes: 60,
  messageId: 'kallelse.1@kommun.se',
  text: 'Hej!\n\nDu kallas till sammanträde.',
  attachments: [{ fileName: 'Kallelse Byggnadsnämnden i Åre 2027-03-17.pdf', contentType: 'application/pdf', data: new Uint8Array([37, 80, 68, 70, 45, 0, 255]) }],
  draft: true,
};

describe('the message as written', () => {
  it('is 7-bit ASCII with CRLF line ends, short lines and each required header once', () => {
    const eml = buildMessage(base);
    expect(strictProblems(eml)).toEqual([]);
    expect(eml.startsWith('Date: Wed, 10 Mar 2027 09:12:00 +0100\r\n')).toBe(true);
    expect(eml).toContain('\r\nMessage-ID: <kallelse.1@kommun.se>\r\n');
    expect(eml).toContain('\r\nX-Unsent: 1\r\n');
    expect(eml).toContain("\r\nContent-Disposition: attachment;\r\n filename*0*=UTF-8''Kallelse%20Byggnadsn%C3%A4mnden%20i%20%C3%85re%202027;\r\n filename*1*=-03-17.pdf\r\n");
  });

  it('keeps the strict reading for any subject, names, file names and bytes', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: 'grapheme', maxLength: 120 }),
        fc.array(fc.string({ unit: 'grapheme', maxLength: 60 }), { minLength: 1, maxLength: 5 }),
        fc.string({ unit: 'grapheme', minLength: 1, maxLength: 140 }),
        fc.uint8Array({ maxLength: 400 }),
        fc.string({ unit: 'grapheme', maxLength: 300 }),
        (subject, names, fileName, data, text) => {
          const eml = buildMessage({
            ...base,
            subject,
            text,
            to: names.map((name, i) => ({ name, address: `person${i}@kommun.se` })),
            attachments: [{ fileName, contentType: 'application/pdf', data }],
          });
          expect(strictProblems(eml)).toEqual([]);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('splits encoded-words between whole characters, each at most 75 long, decoding back to the text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 200 }), (s) => {
        const words = encodeWords(s);
        for (const w of words) expect(w.length).toBeLessThanOrEqual(75);
        // Each word is valid UTF-8 on its own (RFC 2047 6.3: no character split across words).
        expect(words.map((w) => dec.decode(decodeWord(w))).join('')).toBe(s);
      }),
    );
  });

  it('writes quoted-printable lines of at most 76 that decode back to the text with CRLF', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 500 }), (s) => {
        const qp = quotedPrintable(s);
        for (const l of qp.split('\r\n')) {
          expect(l.length).toBeLessThanOrEqual(76);
          expect(l).not.toMatch(/[ \t]$/);
        }
        expect(decodeQp(qp)).toBe(s.replace(/\r\n?|\n/g, '\r\n'));
      }),
    );
  });

  it('continues long RFC 2231 names without splitting a %XX escape', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', minLength: 1, maxLength: 200 }), (name) => {
        const params = fileNameParameter('filename', name);
        let joined = '';
        params.forEach((p, i) => {
          const m = /^filename(?:\*(\d+))?(\*)?=(.*)$/.exec(p);
          expect(m).not.toBeNull();
          if (params.length > 1) expect(m?.[1]).toBe(String(i));
          joined += m?.[3] ?? '';
          expect(p.length).toBeLessThanOrEqual(76);
        });
        if (params.length === 1 && !params[0]?.includes('*=')) {
          expect(joined).toBe(`"${name}"`);
        } else {
          expect(joined.startsWith("UTF-8''")).toBe(true);
          expect(decodeURIComponent(joined.slice(7))).toBe(name);
        }
      }),
    );
  });
});

describe('addresses and dates', () => {
  it('accepts plain addresses and refuses names, spaces, header injection and missing parts', () => {
    for (const ok of ['a@b.se', 'anna.andersson@kommun.se', 'x+y@sub.domain.example']) expect(isValidMailAddress(ok)).toBe(true);
    for (const bad of ['', 'a', 'a@b', '@b.se', 'a b@c.se', 'Anna <a@b.se>', 'a@b.se\r\nBcc: x@y.se', 'å@kommun.se', 'a@-b.se', 'a..b@c.se', `${'a'.repeat(65)}@b.se`]) {
      expect(isValidMailAddress(bad)).toBe(false);
    }
    expect(() => buildMessage({ ...base, to: [{ name: 'X', address: 'x@y.se\r\nBcc: z@w.se' }] })).toThrow();
  });

  it('writes Swedish winter and summer time with their offsets', () => {
    const winter = new Date('2027-01-15T08:00:00Z');
    const summer = new Date('2027-07-15T08:00:00Z');
    expect(stockholmOffsetMinutes(winter)).toBe(60);
    expect(stockholmOffsetMinutes(summer)).toBe(120);
    expect(rfc5322Date(winter, 60)).toBe('Fri, 15 Jan 2027 09:00:00 +0100');
    expect(rfc5322Date(summer, 120)).toBe('Thu, 15 Jul 2027 10:00:00 +0200');
    // The night summer time starts: 01:59:59 UTC is 03:59:59 CEST.
    expect(stockholmOffsetMinutes(new Date('2027-03-28T00:59:59Z'))).toBe(60);
    expect(stockholmOffsetMinutes(new Date('2027-03-28T01:00:00Z'))).toBe(120);
  });
});
