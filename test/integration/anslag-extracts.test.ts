// Protokollsutdrag: recipients proposed from "Expedieras till", only adjusted §§, the extract with
// its empty utdragsbestyrkande field, the record of who got which extract when, and the CLI.
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ApiError } from '../../core/api/client';
import { readAudit } from '../../db/repos/audit';
import { main } from '../../electron/cli/main';
import type { CliIo } from '../../electron/cli/types';
import { listSignatureFields } from '../../electron/services/signing';
import { pdfText, tempDir } from '../documents/helpers/pdf-tools';
import { ADJUSTED_20_22, anslagFixture, type AnslagFixture, type ReferenceDoc } from './anslag-fixture';

let f: AnslagFixture | undefined;
afterEach(() => {
  f?.dispose();
  f = undefined;
});

const withDistribution = (doc: ReferenceDoc) => {
  const p = (n: number) => doc.paragraphs.find((x) => x.number === n) as Record<string, unknown>;
  p(20).distribution = ['Swedlock AB', 'Luleå kommuns Inköp'];
  p(21).distribution = ['Luleå kommuns Inköp'];
  p(24).distribution = ['Luleå kommun, kommunledningsförvaltningen'];
};

describe('protokollsutdrag', () => {
  it('proposes recipients, produces the extract of §§ 20-22 only, with an empty certification field, and records it', async () => {
    f = await anslagFixture({ adjusted: [ADJUSTED_20_22, undefined], now: '2020-11-09T10:00:00+01:00', edit: withDistribution });
    const proposal = await f.api.call('extracts.propose', { meetingId: f.meetingId });
    expect(proposal).toMatchObject({
      meetingId: f.meetingId,
      adjusted: [20, 21, 22],
      paragraphs: [20, 21, 22],
      perParagraph: [
        { number: 20, recipients: ['Swedlock AB', 'Luleå kommuns Inköp'], provisions: [] },
        { number: 21, recipients: ['Luleå kommuns Inköp'], provisions: [] },
        { number: 22, recipients: [], provisions: [] },
      ],
      confidential: [],
    });

    const notYet = await f.api.call('extracts.create', { meetingId: f.meetingId, paragraphs: [22, 23], recipients: ['X'] }).catch((e: unknown) => e);
    expect(notYet).toBeInstanceOf(ApiError);
    expect((notYet as ApiError).message).toBe('§ 23 är inte justerad ännu. Ett protokollsutdrag kan bara bestyrkas ur ett justerat protokoll; vänta tills justeringen är klar.');
    const missing = await f.api.call('extracts.propose', { meetingId: f.meetingId, paragraphs: [19] }).catch((e: unknown) => e);
    expect((missing as ApiError).message).toContain('Paragraf 19 finns inte i sammanträdet');

    const created = await f.api.call('extracts.create', {
      meetingId: f.meetingId,
      paragraphs: [20, 21, 22],
      recipients: [...new Set(proposal.perParagraph.flatMap((p) => p.recipients))],
    });
    expect(created.extract).toMatchObject({ paragraphs: [20, 21, 22], label: '§§ 20-22', recipients: ['Swedlock AB', 'Luleå kommuns Inköp'], sentOn: '2020-11-09' });
    expect(created.document).toMatchObject({ kind: 'extract', versionNo: 1, fileName: 'protokollsutdrag-norrbottens-e-namnd-2020-11-05-p20-22-v1.pdf' });

    const pdf = Buffer.from((await f.api.call('anslag.document', { versionId: created.document.id })).pdfBase64, 'base64');
    expect(await listSignatureFields(new Uint8Array(pdf))).toEqual([expect.objectContaining({ name: 'sig-utdragsbestyrkande', signed: false })]);
    const dir = tempDir();
    try {
      const text = pdfText(dir.file('utdrag.pdf', pdf)).replace(/\s+/g, ' ');
      expect(text).toContain('PROTOKOLLSUTDRAG');
      expect(text).toContain('Utdrag ur protokollet §§ 20-22');
      expect(text).toContain('§ 22 Beslut om tilldelning av ramavtal');
      expect(text).not.toContain('Beslut om tillfällig arbetsgrupp');
      expect(text).toContain('Utdragsbestyrkande');
      expect(text).toContain('Utdraget överensstämmer med originalprotokollet.');
      expect(text).toContain('Robert Karlsson, sekreterare');
      expect(text).toContain('2020-11-09');
    } finally {
      dir.remove();
    }

    // A second extract, of § 21 only, kept next to the first.
    await f.api.call('extracts.create', { meetingId: f.meetingId, paragraphs: [21], recipients: [] });
    const list = await f.api.call('extracts.list', { meetingId: f.meetingId });
    expect(list.map((e) => [e.label, e.recipients, e.sentOn, e.document?.isCurrent])).toEqual([
      ['§§ 20-22', ['Swedlock AB', 'Luleå kommuns Inköp'], '2020-11-09', true],
      ['§ 21', [], null, true],
    ]);
    expect(readAudit(f.backend.db, { entity: 'extract' }).map((a) => a.details)).toEqual([
      expect.objectContaining({ paragraphs: [20, 21, 22], recipients: ['Swedlock AB', 'Luleå kommuns Inköp'], sentOn: '2020-11-09' }),
      expect.objectContaining({ paragraphs: [21], recipients: [], sentOn: null }),
    ]);
  });

  it('`justera render extract MÖTES-ID --paragraphs 20-22 -o FIL --db DB --to …`', async () => {
    f = await anslagFixture({ now: '2020-11-12T10:00:00+01:00', edit: withDistribution });
    const dir = tempDir();
    const lines: string[] = [];
    const errors: string[] = [];
    const io: CliIo = { out: (t) => lines.push(t), err: (t) => errors.push(t), cwd: dir.path, today: () => '2020-11-12', now: () => new Date('2020-11-12T10:00:00+01:00') };
    try {
      const code = await main(['render', 'extract', f.meetingId, '--paragraphs', '20-22', '-o', 'utdrag.pdf', '--db', f.dbPath, '--to', 'Swedlock AB', '--json'], io);
      expect(errors).toEqual([]);
      expect(code).toBe(0);
      expect(JSON.parse(lines.join(''))).toMatchObject({ kind: 'extract', paragraphs: [20, 21, 22], recipients: ['Swedlock AB'] });
      expect(pdfText(join(dir.path, 'utdrag.pdf'))).toContain('PROTOKOLLSUTDRAG');
      expect(await f.api.call('extracts.list', { meetingId: f.meetingId })).toHaveLength(1);

      expect(await main(['render', 'extract', f.meetingId, '--paragraphs', 'tjugo', '-o', 'x.pdf', '--db', f.dbPath], io)).toBe(1);
      expect(errors.join('\n')).toContain('--paragraphs ska vara paragrafnummer som "20-22"');
      expect(await main(['render', 'bilaga', f.meetingId, '-o', 'x.pdf', '--db', f.dbPath], io)).toBe(1);
      expect(errors.join('\n')).toContain('protocol, kallelse, extract, notice, public');

      // The other kinds come straight from the templates.
      errors.length = 0;
      const unposted = await main(['render', 'notice', f.meetingId, '--paragraphs', '23-26', '-o', 'notice.pdf', '--db', f.dbPath], io);
      expect(unposted).toBe(1);
      expect(errors.join('\n')).toContain('Ange det datum då anslaget om §§ 23-26 sätts upp');
      errors.length = 0;
      for (const kind of ['notice', 'kallelse']) {
        const args = ['render', kind, f.meetingId, '-o', `${kind}.pdf`, '--db', f.dbPath, ...(kind === 'notice' ? ['--paragraphs', '23-26', '--posted', '2020-11-12'] : [])];
        expect(await main(args, io), errors.join('\n')).toBe(0);
      }
      expect(pdfText(join(dir.path, 'notice.pdf')).replace(/\s+/g, ' ')).toContain('senast 2020-12-03');
      expect(pdfText(join(dir.path, 'kallelse.pdf'))).toContain('KALLELSE');
    } finally {
      dir.remove();
    }
  });
});
