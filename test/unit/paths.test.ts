// Full folder paths only: a relative path would land in the back end's working folder.
import { describe, expect, it } from 'vitest';
import { isAbsolutePath } from '../../core/domain/paths';

describe('isAbsolutePath', () => {
  it.each(['/srv/www/anslagstavla', '/', 'C:\\Anslagstavla', 'c:/www', '\\\\server\\share\\anslag'])('accepts %s', (p) => {
    expect(isAbsolutePath(p)).toBe(true);
  });
  it.each(['anslagstavla', './anslag', '../x', 'C:relative', '~/anslag', '\\\\server', 'www/anslag', ' /srv'])('refuses %s', (p) => {
    expect(isAbsolutePath(p)).toBe(false);
  });
});
