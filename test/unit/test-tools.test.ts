// The test helper that turns "tool missing, skip" into a failure on CI (test/helpers/tools.ts).
import { describe, expect, it } from 'vitest';
import { firstExisting, hasTool, onCi, requiredOnCi } from '../helpers/tools';

describe('tools required on CI', () => {
  it('a missing dependency skips locally but throws when CI is set', () => {
    expect(requiredOnCi('x', false, {})).toBe(false);
    expect(requiredOnCi('x', false, { CI: 'false' })).toBe(false);
    expect(() => requiredOnCi('Verktyget y', false, { CI: 'true' })).toThrow(/Verktyget y saknas, men CI är satt/);
    expect(() => requiredOnCi('y', false, { CI: '1' })).toThrow(/saknas/);
    expect(requiredOnCi('x', true, { CI: 'true' })).toBe(true);
    expect(onCi({ CI: 'true' })).toBe(true);
    expect(onCi({ CI: '' })).toBe(false);
  });

  it('finds a tool on PATH and does not run a name as shell code', () => {
    expect(hasTool('sh')).toBe(true);
    if (!onCi()) expect(hasTool('no-such-tool-$(touch /tmp/justera-pwned)')).toBe(false);
    if (!onCi()) expect(firstExisting('x', ['/no/such/file'])).toBeUndefined();
    expect(firstExisting('x', ['/no/such/file', '/bin/sh'])).toBe('/bin/sh');
  });
});
