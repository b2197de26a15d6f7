// The name a wrongly signed package file is saved under always says it cannot be used, and never
// equals (or ends like) the name of a usable signed file.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { unusableFileName } from '../../renderer/features/justering/format';

describe('unusableFileName', () => {
  it('marks the file as not usable, keeps .pdf, and differs from the usable name', () => {
    expect(unusableFileName('protokoll-2020-11-05-20-v1.pdf')).toBe('protokoll-2020-11-05-20-v1-EJ-ANVANDBAR-fel-underskrift.pdf');
    fc.assert(
      fc.property(fc.string({ minLength: 1, maxLength: 40 }), (stem) => {
        const usable = `${stem}.pdf`;
        const name = unusableFileName(usable);
        expect(name).not.toBe(usable);
        expect(name).toMatch(/-EJ-ANVANDBAR-fel-underskrift\.pdf$/);
        expect(name.startsWith(stem)).toBe(true);
      }),
    );
  });
});
