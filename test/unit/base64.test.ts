// The one base64 helper core and the renderer share (core/format/base64.ts), against Node's Buffer.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { base64ToBytes, bytesToBase64 } from '../../core/format/base64';

describe('base64', () => {
  it('agrees with Buffer both ways, also for files larger than one chunk', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 64 }), fc.integer({ min: 0x8000 - 2, max: 0x8000 * 2 + 3 }), fc.integer({ min: 0, max: 255 }), (small, size, fill) => {
        for (const bytes of [small, new Uint8Array(size).map((_, i) => (i * 31 + fill) & 0xff)]) {
          const text = bytesToBase64(bytes);
          expect(text).toBe(Buffer.from(bytes).toString('base64'));
          expect(Buffer.compare(base64ToBytes(text), bytes)).toBe(0);
        }
      }),
      { numRuns: 40 },
    );
  });

  it('refuses text that is not base64', () => {
    expect(() => base64ToBytes('inte base64!')).toThrow();
  });
});
