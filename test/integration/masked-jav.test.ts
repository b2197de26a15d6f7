// A confidential § with jäv, where a substitute served in the jävig member's seat: the public
// version and a masked protokollsutdrag mask who had jäv (issue 15), and must not name them through
// the substitution either. Walking a new board, the public version printed "Maja Lund (V) tjänstgör
// från och med § 90 i stället för Margareta Öhman (S)" in the masked § and "Ersätter Margareta
// Öhman; § 90" in the närvarolista. Here: § 24 of the reference meeting, Lena Goldkuhl jävig,
// Johan Johansson serving for her on § 24 only; the PDFs are read back with pdftotext.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pdfText } from '../documents/helpers/pdf-tools';
import { hasTool } from '../helpers/tools';
import { anslagFixture, type AnslagFixture } from './anslag-fixture';

let f: AnslagFixture;

beforeAll(async () => {
  f = await anslagFixture({
    edit: (doc) => {
      const p24 = doc.paragraphs.find((p) => p.number === 24) as { confidential?: { provision: string }; jav: { person: string; note?: string }[] };
      p24.confidential = { provision: '26 kap. 1 §' };
      p24.jav = [{ person: 'lena-goldkuhl', note: 'Släkt med den enskilde.' }];
      const attendance = doc.attendance as { person: string; capacity: string; replaces?: string; fromParagraph?: number; toParagraph?: number }[];
      const i = attendance.findIndex((a) => a.person === 'johan-johansson');
      attendance.splice(
        i,
        1,
        { person: 'johan-johansson', capacity: 'present', toParagraph: 23 },
        { person: 'johan-johansson', capacity: 'substitute', replaces: 'lena-goldkuhl', fromParagraph: 24, toParagraph: 24 },
        { person: 'johan-johansson', capacity: 'present', fromParagraph: 25 },
      );
    },
  });
}, 60_000);

afterAll(() => f.dispose());

function text(pdfBase64: string, name: string): string {
  const file = join(f.dir, name);
  writeFileSync(file, Buffer.from(pdfBase64, 'base64'));
  return pdfText(file).replace(/\s+/g, ' ');
}

describe.skipIf(!hasTool('pdftotext'))('a masked § with jäv and a substitute for it', () => {
  it('the public version names neither the jäv nor the substitution; the närvarolista keeps the substitute present', async () => {
    const pub = text((await f.api.call('anslag.publicVersion', { meetingId: f.meetingId })).pdfBase64, 'offentlig.pdf');
    expect(pub).toContain('[Sekretess enligt 26 kap. 1 § OSL]');
    expect(pub).not.toContain('i stället för Lena Goldkuhl');
    expect(pub).not.toContain('Ersätter Lena Goldkuhl');
    expect(pub).not.toContain('Johan Johansson (MP) tjänstgör');
    expect(pub).not.toContain('Släkt med den enskilde');
    expect(pub).toContain('Johan Johansson');
  });

  it('a masked extract of § 24 does not either; an unmasked one states both', async () => {
    const masked = await f.api.call('extracts.create', { meetingId: f.meetingId, paragraphs: [24], recipients: ['Kommunstyrelsen'] });
    const maskedText = text((await f.api.call('anslag.document', { versionId: masked.document.id })).pdfBase64, 'utdrag-maskerat.pdf');
    expect(maskedText).toContain('Maskerat § 24');
    expect(maskedText).not.toContain('Ersätter Lena Goldkuhl');
    expect(maskedText).not.toContain('Jäv');

    const open = await f.api.call('extracts.create', {
      meetingId: f.meetingId,
      paragraphs: [24],
      recipients: ['Den enskilde'],
      secrecy: [{ paragraph: 24, treatment: 'unmasked', entitlement: 'part i ärendet, 10 kap. 3 § OSL' }],
    });
    const openText = text((await f.api.call('anslag.document', { versionId: open.document.id })).pdfBase64, 'utdrag-omaskerat.pdf');
    expect(openText).toContain('Ersätter Lena Goldkuhl');
    expect(openText).toContain('Lena Goldkuhl (S) anmäler jäv');
  });
});
