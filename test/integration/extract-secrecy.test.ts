// Safe protokollsutdrag: recipients per § (the same name in two §§ is never merged), and a §
// with secrets masked with its OSL provision unless the caller leaves it out or chooses an
// unmasked extract to named recipients with the reason they are entitled to it — enforced by the
// back end for every entrance, recorded with the extract and in the audit log; pdftotext judges
// the files.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readAudit } from '../../db/repos/audit';
import { pdfText, tempDir } from '../documents/helpers/pdf-tools';
import { rejection } from '../helpers/backend';
import { ADJUSTED_23_26, anslagFixture, type AnslagFixture, type ReferenceDoc } from './anslag-fixture';

let f: AnslagFixture;

/** § 24 secret as a whole (OSL 31 kap. 16 §), § 25 with a secret passage (21 kap. 7 §), both with "Sökanden" as recipient. */
const secrets = (doc: ReferenceDoc) => {
  const p = (n: number) => doc.paragraphs.find((x) => x.number === n) as Record<string, unknown>;
  p(24).confidential = { provision: '31 kap. 16 §' };
  p(24).distribution = ['Sökanden', 'Ekonomikontoret'];
  p(25).distribution = ['Sökanden'];
  p(25).body = [
    { type: 'paragraph', content: [{ text: 'Öppen text om dataskyddsombudet.' }] },
    { type: 'confidential', provision: '21 kap. 7 §', blocks: [{ type: 'paragraph', content: [{ text: 'Hemlig hälsouppgift om Kalle.' }] }] },
  ];
};

async function textOf(versionId: string): Promise<string> {
  const pdf = Buffer.from((await f.api.call('anslag.document', { versionId })).pdfBase64, 'base64');
  const dir = tempDir();
  try {
    return pdfText(dir.file('x.pdf', pdf)).replace(/\s+/g, ' ');
  } finally {
    dir.remove();
  }
}

beforeAll(async () => {
  f = await anslagFixture({ adjusted: [undefined, ADJUSTED_23_26], now: '2020-11-12T10:00:00+01:00', edit: secrets });
}, 60_000);
afterAll(() => f.dispose());

describe('safe extracts', () => {
  it('proposes recipients per §, never merged across §§, and names the secret §§ with their provisions', async () => {
    const p = await f.api.call('extracts.propose', { meetingId: f.meetingId });
    expect(p.perParagraph.map((x) => [x.number, x.recipients, x.provisions])).toEqual([
      [23, [], []],
      [24, ['Sökanden', 'Ekonomikontoret'], ['31 kap. 16 §']],
      [25, ['Sökanden'], ['21 kap. 7 §']],
      [26, [], []],
    ]);
    expect(p.confidential).toEqual([24, 25]);
    expect(p).not.toHaveProperty('recipients');
  });

  it('masks a secret § by default, whatever the entrance, with the provision in the file and in the record', async () => {
    const title = 'Beslut om inköp av diarie-enhet';
    const r = await f.api.call('extracts.create', { meetingId: f.meetingId, paragraphs: [24], recipients: ['Ekonomikontoret'] });
    const text = await textOf(r.document.id);
    expect(text).toContain('Sekretess enligt 31 kap. 16 § OSL');
    expect(text).not.toContain(title);
    expect(text).toContain('Maskerat § 24: uppgifter omfattas av sekretess enligt 31 kap. 16 § OSL');
    const listed = (await f.api.call('documents.list', { meetingId: f.meetingId })).meetings[0]?.documents.find((d) => d.versionId === r.document.id);
    expect(listed?.withheld).toEqual([{ paragraph: 24, provision: '31 kap. 16 § OSL', masked: true }]);
    expect(readAudit(f.backend.db, { entity: 'extract' }).at(-1)?.details).toMatchObject({ secrecy: [{ paragraph: 24, treatment: 'mask', entitlement: null }] });

    // A secret passage is masked, the open text stays.
    const passage = await f.api.call('extracts.create', { meetingId: f.meetingId, paragraphs: [25], recipients: ['Sökanden'] });
    const t25 = await textOf(passage.document.id);
    expect(t25).toContain('Öppen text om dataskyddsombudet.');
    expect(t25).toContain('Sekretess enligt 21 kap. 7 § OSL');
    expect(t25).not.toContain('Hemlig hälsouppgift');
  });

  it('sends a secret § unmasked only to named recipients with the reason, and records that choice', async () => {
    const noReason = await rejection(f.api.call('extracts.create', { meetingId: f.meetingId, paragraphs: [25], recipients: ['Sökanden'], secrecy: [{ paragraph: 25, treatment: 'unmasked' }] }));
    expect(noReason.code).toBe('validation');
    expect(noReason.message).toContain('Ange varför mottagaren har rätt att ta del av uppgifterna i § 25 (21 kap. 7 § OSL)');
    const noOne = await rejection(
      f.api.call('extracts.create', { meetingId: f.meetingId, paragraphs: [25], recipients: [], secrecy: [{ paragraph: 25, treatment: 'unmasked', entitlement: 'part i ärendet' }] }),
    );
    expect(noOne.message).toContain('måste ha en mottagare');
    const before = (await f.api.call('extracts.list', { meetingId: f.meetingId })).length;

    const r = await f.api.call('extracts.create', {
      meetingId: f.meetingId,
      paragraphs: [25],
      recipients: ['Sökanden'],
      secrecy: [{ paragraph: 25, treatment: 'unmasked', entitlement: 'part i ärendet, 10 kap. 3 § OSL' }],
    });
    expect(before).toBe((await f.api.call('extracts.list', { meetingId: f.meetingId })).length - 1);
    expect(await textOf(r.document.id)).toContain('Hemlig hälsouppgift om Kalle.');
    expect(readAudit(f.backend.db, { entity: 'extract' }).at(-1)?.details).toMatchObject({
      recipients: ['Sökanden'],
      secrecy: [{ paragraph: 25, provisions: ['21 kap. 7 §'], treatment: 'unmasked', entitlement: 'part i ärendet, 10 kap. 3 § OSL' }],
    });
  });

  it('leaves a secret § out of a longer extract, says so in the certification, and refuses choices that do not fit', async () => {
    const r = await f.api.call('extracts.create', { meetingId: f.meetingId, paragraphs: [23, 24], recipients: ['Kommunrevisionen'], secrecy: [{ paragraph: 24, treatment: 'omit' }] });
    expect(r.extract.paragraphs).toEqual([23]);
    const text = await textOf(r.document.id);
    expect(text).toContain('Utelämnat § 24: paragrafen omfattas av sekretess enligt 31 kap. 16 § OSL');
    expect(text).not.toContain('Beslut om inköp av diarie-enhet');

    const all = await rejection(f.api.call('extracts.create', { meetingId: f.meetingId, paragraphs: [24], recipients: ['X'], secrecy: [{ paragraph: 24, treatment: 'omit' }] }));
    expect(all.message).toContain('utdraget blir tomt');
    const open = await rejection(f.api.call('extracts.create', { meetingId: f.meetingId, paragraphs: [23], recipients: ['X'], secrecy: [{ paragraph: 23, treatment: 'mask' }] }));
    expect(open.message).toContain('§ 23 innehåller inga uppgifter med sekretess');
    const stray = await rejection(f.api.call('extracts.create', { meetingId: f.meetingId, paragraphs: [23], recipients: ['X'], secrecy: [{ paragraph: 24, treatment: 'omit' }] }));
    expect(stray.message).toContain('§ 24 ingår inte i utdraget');
    const twice = await rejection(
      f.api.call('extracts.create', {
        meetingId: f.meetingId,
        paragraphs: [24],
        recipients: ['X'],
        secrecy: [
          { paragraph: 24, treatment: 'mask' },
          { paragraph: 24, treatment: 'omit' },
        ],
      }),
    );
    expect(twice.message).toContain('två val');
    const unknown = await rejection(f.api.call('extracts.create', { meetingId: f.meetingId, paragraphs: [24], recipients: ['X'], secrecy: [{ paragraph: 24, treatment: 'visa' as 'mask' }] }));
    expect(unknown.code).toBe('validation');
    expect(unknown.message).toContain('Välj maskera, utelämna eller omaskerat');
  });
});
