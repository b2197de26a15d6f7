// Appeal text per § (issue 16): a bygglov § appealed by förvaltningsbesvär to Länsstyrelsen and
// a § that may not be appealed. The import keeps them, the tillkännagivande (PDF, read back with
// pdftotext) and the notice board page print them, and the other §§ keep laglighetsprövning.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { buildNoticeData } from '../../core/documents/notice';
import { meetingDocumentSchema } from '../../core/format/meeting';
import { pdfText, tempDir, type TempDir } from '../documents/helpers/pdf-tools';
import { anslagFixture, type AnslagFixture, type ReferenceDoc } from './anslag-fixture';

let f: AnslagFixture | undefined;
let out: TempDir | undefined;
afterEach(() => {
  f?.dispose();
  out?.remove();
  f = undefined;
  out = undefined;
});

const BYGGLOV = { kind: 'forvaltningsbesvar', statute: '13 kap. 3 § plan- och bygglagen (2010:900)', authority: 'Länsstyrelsen i Norrbottens län', weeks: 3 };

function withAppeals(doc: ReferenceDoc): void {
  const p24 = doc.paragraphs.find((p) => p.number === 24) as Record<string, unknown>;
  p24.appeal = BYGGLOV;
  const p25 = doc.paragraphs.find((p) => p.number === 25) as Record<string, unknown>;
  p25.appeal = { kind: 'ej_overklagbart', reason: 'Beslutet är av beredande karaktär (13 kap. 2 § kommunallagen)' };
  const p26 = doc.paragraphs.find((p) => p.number === 26) as Record<string, unknown>;
  p26.appeal = { kind: 'ingen' };
}

const flat = (s: string) => s.replace(/\s+/g, ' ');

describe('appeal per § on the notice and the notice board', () => {
  it('the tillkännagivande of §§ 23-26 names each way of appealing with its §§; §§ 20-22 keep the general text', async () => {
    f = await anslagFixture({ now: '2020-11-06T09:00:00+01:00', edit: withAppeals });
    const exported = meetingDocumentSchema.parse(await f.api.call('meetings.export', { meetingId: f.meetingId }));
    expect(exported.paragraphs.find((p) => p.number === 24)?.appeal).toEqual(BYGGLOV);

    await f.api.call('anslag.post', { groupId: f.groupIds[0] as string });
    f.at('2020-11-12T09:00:00+01:00');
    const posted = await f.api.call('anslag.post', { groupId: f.groupIds[1] as string });
    const pdf = await f.api.call('anslag.document', { versionId: posted.tillkannagivande.id });
    out = tempDir();
    const text = flat(pdfText(out.file('tillkannagivande.pdf', Buffer.from(pdf.pdfBase64, 'base64'))));
    expect(text).toContain('kan överklaga beslutet i § 23 genom laglighetsprövning enligt 13 kap. kommunallagen (2017:725).');
    expect(text).toContain('Beslutet i § 24 kan överklagas genom förvaltningsbesvär enligt 13 kap. 3 § plan- och bygglagen (2010:900) hos Länsstyrelsen i Norrbottens län');
    expect(text).toContain('inom tre veckor från den dag då klaganden fick del av beslutet');
    expect(text).toContain('Beslutet i § 25 får inte överklagas. Beslutet är av beredande karaktär (13 kap. 2 § kommunallagen).');
    expect(text).not.toContain('§ 26 får inte');

    // The first group has no exceptions: its notice is worded as before.
    const first = buildNoticeData(exported, { generatedAt: '2020-11-06T09:00:00+01:00', paragraphs: [20, 21, 22], postedOn: '2020-11-06' });
    expect(first.appeal.heading).toBe('Så överklagar du (laglighetsprövning)');
    expect(first.appeal.paragraphs[0]).toContain('kan överklaga besluten genom laglighetsprövning');

    f.at('2020-11-20T08:00:00+01:00');
    const dir = join(out.path, 'anslagstavla');
    await f.api.call('noticeboard.export', { directory: dir });
    const page = readFileSync(join(dir, 'anslag/norrbottens-e-namnd-2020-11-05-23-26.html'), 'utf8');
    expect(page).toContain('Överklagas genom förvaltningsbesvär hos Länsstyrelsen i Norrbottens län inom tre veckor från delfåendet (13 kap. 3 § plan- och bygglagen (2010:900)).');
    expect(page).toContain('Beslutet i § 24 kan överklagas genom förvaltningsbesvär');
    expect(page).toContain('<h2 id="overklaga">Så överklagar du</h2>');
    const other = readFileSync(join(dir, 'anslag/norrbottens-e-namnd-2020-11-05-20-22.html'), 'utf8');
    expect(other).toContain('Så överklagar du (laglighetsprövning)');
    expect(other).not.toContain('förvaltningsbesvär');
  });

  it('import refuses a förvaltningsbesvär without its authority, naming the path', async () => {
    const bad = (doc: ReferenceDoc) => {
      (doc.paragraphs.find((p) => p.number === 24) as Record<string, unknown>).appeal = { ...BYGGLOV, authority: ' ' };
    };
    await expect(anslagFixture({ edit: bad })).rejects.toThrow(/paragraphs\[4\]\.appeal\.authority.*Ange vilken myndighet som prövar överklagandet/);
  });
});
