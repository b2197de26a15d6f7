// A signing package that is not verified is explained in words a justerare understands (issue 16,
// item 9): the reasons and the message name signature fields by their role ("justerare 1",
// "ordförande"), never by their internal name (sig-justerare-1), and come as data (`problems`) that
// the package page words in the chosen language.
import { describe, expect, it } from 'vitest';
import { manifestMismatches, packageAuthenticity } from '../../core/app/justering/package-check';
import type { PackageManifest, SignatureCheck } from '../../core/app/justering/types';

const manifest = (field: string, role: string): PackageManifest => ({
  meeting: { id: 'm', date: '2020-11-05' },
  board: 'Norrbottens e-nämnd',
  date: '2020-11-05',
  paragraphs: [20, 21],
  paragraphsLabel: '§§ 20-21',
  versionId: 'v',
  versionNo: 1,
  versionSha256: '0'.repeat(64),
  baseSha256: '0'.repeat(64),
  field,
  expectedSigner: { name: 'Sara Lundberg', role },
  createdAt: '2020-11-05T10:00:00.000Z',
});

const signature = (field: string, trusted: boolean): SignatureCheck => ({ field, valid: true, trusted, certificateSubject: 'X' }) as unknown as SignatureCheck;

const facts = { text: 'Norrbottens e-nämnd 2020-11-05 § 20 § 21 Sara Lundberg', fields: [{ name: 'sig-sekreterare', signed: true }] };

describe('packageAuthenticity', () => {
  it('names fields by role, never by internal name, and lists its problems as data', () => {
    const a = packageAuthenticity(manifest('sig-justerare-1', 'ordförande'), [signature('sig-ordforande', false), signature('sig-justerare-2', false)], facts, true);
    expect(a.verified).toBe(false);
    const words = [a.message ?? '', ...a.reasons].join('\n');
    expect(words).not.toMatch(/sig-[a-z]/);
    expect(words).toContain('underskrifterna som ordförande, justerare 2 leder inte till något betrott rotcertifikat');
    expect(words).toContain('protokollet har inget underskriftsfält för justerare 1');
    expect(words).toContain('underskriftsfältet för justerare 1 hör inte till rollen ordförande');
    expect(a.problems.map((p) => p.kind)).toEqual(['noSecretary', 'untrusted', 'manifest', 'manifest']);
    expect(a.problems[1]).toEqual({ kind: 'untrusted', fields: ['sig-ordforande', 'sig-justerare-2'] });
  });

  it('an empty trust list is a problem of its own', () => {
    const a = packageAuthenticity(manifest('sig-sekreterare', 'sekreterare'), [], facts, false);
    expect(a.problems).toEqual([{ kind: 'noTrust' }]);
  });
});

describe('manifestMismatches: § numbers from the file are numbers, never patterns', () => {
  // The package-fuzz property found '(' among the paragraphs: it was put into a regular expression,
  // which threw (an internal error for the signer); '.*' matched any § and so hid a false claim.
  it('a § that is not a whole number is not found in the protocol, and nothing throws', () => {
    for (const odd of ['(', '.*', '20|99', '\\d+', { n: 20 }, null, 20.5]) {
      const m = { ...manifest('sig-sekreterare', 'sekreterare'), paragraphs: [20, odd] as unknown as number[] };
      const reasons = manifestMismatches(m, facts);
      expect(reasons).toHaveLength(1);
      expect(reasons[0]).toMatch(/^§ .+ finns inte i protokollet$/);
      expect(reasons[0]).not.toMatch(/^§ 20[, ]/);
    }
    expect(manifestMismatches(manifest('sig-sekreterare', 'sekreterare'), facts)).toEqual([]);
    expect(manifestMismatches({ ...manifest('sig-sekreterare', 'sekreterare'), paragraphs: [20, 2] }, facts)).toEqual(['§ 2 finns inte i protokollet']);
  });
});
