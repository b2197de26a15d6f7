// The public version PDF: the reference protocol plus a confidential §, a confidential passage,
// personnummer and an attached file. What is masked must be absent from pdftotext's output and
// from the raw bytes of the file, also after decompressing every stream with qpdf.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { afterEach, describe, expect, it } from 'vitest';
import { ApiError } from '../../core/api/client';
import { main } from '../../electron/cli/main';
import type { CliIo } from '../../electron/cli/types';
import { readAudit } from '../../db/repos/audit';
import { listSignatureFields } from '../../electron/services/signing';
import { pdfText, tempDir } from '../documents/helpers/pdf-tools';
import { ADJUSTED_20_22, anslagFixture, type AnslagFixture, type ReferenceDoc } from './anslag-fixture';

let f: AnslagFixture | undefined;
afterEach(() => {
  f?.dispose();
  f = undefined;
});

/** Strings that must never reach the public file, in every spelling they were given. */
const SECRETS = [
  'Hemligt personalärende Qvarnström',
  'Qvarnström',
  'Åsa Öberg-Tvärsnitt',
  'Tvärsnitt',
  'HEMLIGBILAGA',
  '19121212-1212',
  '121212-1212',
  '191212121212',
  '20080808-2382',
  'Dnr HEMLIG 2020/99',
  'skyddad adress Gröntegelvägen',
];

async function secretPdf(): Promise<string> {
  const pdf = await PDFDocument.create();
  const font = await pdf.embedFont(StandardFonts.Helvetica);
  pdf.addPage([300, 200]).drawText('HEMLIGBILAGA om 19121212-1212', { x: 20, y: 100, size: 12, font });
  return Buffer.from(await pdf.save()).toString('base64');
}

type Doc = ReferenceDoc;

async function withSecrets(doc: Doc): Promise<void> {
  const para = (text: string) => ({ type: 'paragraph', content: [{ text }] });
  doc.paragraphs.push({
    number: 27,
    title: 'Hemligt personalärende Qvarnström',
    caseNumber: 'Dnr HEMLIG 2020/99',
    decision: { numbered: false, points: [[para('Nämnden beslutar att Åsa Öberg-Tvärsnitt (19121212-1212) omplaceras.')]] },
    summary: [para('Ärendet gäller Åsa Öberg-Tvärsnitt, skyddad adress Gröntegelvägen.')],
    confidential: { provision: '39 kap. 3 §' },
  });
  const p24 = doc.paragraphs.find((p) => p.number === 24) as Record<string, unknown>;
  p24.description = [
    para('Diarie-enheten används av e-nämnden.'),
    { type: 'confidential', provision: '21 kap. 3 §', blocks: [para('Kontaktpersonen bor på skyddad adress Gröntegelvägen.')] },
    para('Kontakt: handläggare med personnummer 20080808-2382 och 191212121212.'),
  ];
  p24.attachments = [{ kind: 'file', title: 'Underlag', filename: 'underlag.pdf', mediaType: 'application/pdf', data: await secretPdf() }];
  const groups = (doc as unknown as { adjustmentGroups: { paragraphs: number[] }[] }).adjustmentGroups;
  groups[1]?.paragraphs.push(27);
}

function bytesContain(haystack: Buffer, needle: string): boolean {
  const utf16be = Buffer.from(needle, 'utf16le').swap16();
  const hex16 = utf16be.toString('hex');
  return (
    haystack.includes(Buffer.from(needle, 'utf8')) ||
    haystack.includes(Buffer.from(needle, 'latin1')) ||
    haystack.includes(utf16be) ||
    haystack.toString('latin1').toLowerCase().includes(hex16) ||
    haystack.toString('latin1').toLowerCase().includes(Buffer.from(needle, 'utf8').toString('hex'))
  );
}

function expectNoSecrets(file: string, dir: string): void {
  const text = pdfText(file);
  const flat = text.replace(/\s+/g, ' ');
  for (const s of SECRETS) expect(flat.includes(s), `pdftotext visar "${s}"`).toBe(false);
  const raw = readFileSync(file);
  const qdf = join(dir, 'qdf.pdf');
  // qpdf exits 3 for warnings; the decompressed file is still written.
  try {
    execFileSync('qpdf', ['--qdf', '--object-streams=disable', '--decode-level=all', file, qdf]);
  } catch (e) {
    if ((e as { status?: number }).status !== 3) throw e;
  }
  const decompressed = readFileSync(qdf);
  for (const s of SECRETS) {
    expect(bytesContain(raw, s), `råa byte innehåller "${s}"`).toBe(false);
    expect(bytesContain(decompressed, s), `dekomprimerade byte innehåller "${s}"`).toBe(false);
  }
}

describe('the public version', () => {
  it('masks the confidential §, the passage and personnummer; keeps the rest; lists signatures as text', async () => {
    f = await anslagFixture({ now: '2020-11-12T10:00:00+01:00', edit: withSecrets });
    const dir = tempDir();
    try {
      const r = await f.api.call('anslag.publicVersion', { meetingId: f.meetingId });
      expect(r.paragraphs).toEqual([20, 21, 22, 23, 24, 25, 26, 27]);
      expect(r.reused).toBe(false);
      expect(r.document).toMatchObject({ kind: 'public', versionNo: 1, isCurrent: true, fileName: 'protokoll-offentlig-version-norrbottens-e-namnd-2020-11-05-p20-27-v1.pdf' });
      const pdf = Buffer.from(r.pdfBase64, 'base64');
      const file = dir.file('offentlig.pdf', pdf);
      expectNoSecrets(file, dir.path);

      const text = pdfText(file).replace(/\s+/g, ' ');
      expect(text).toContain('SAMMANTRÄDESPROTOKOLL – KOPIA');
      expect(text).toContain('Offentlig version Kopia av det justerade protokollet för publicering.');
      expect(text).toContain('[Sekretess enligt 39 kap. 3 § OSL]');
      expect(text).toContain('[Sekretess enligt 21 kap. 3 § OSL]');
      expect(text).toContain('[personnummer borttaget]');
      expect(text).toContain('Diarie-enheten används av e-nämnden.');
      expect(text).toContain('E-nämnden beslutar att anta leverantör Swedlock AB');
      expect(text).toContain('Bilagan (underlag.pdf) ingår inte i den offentliga versionen');
      expect(text).toContain('Justerat digitalt av Anders Lundkvist, ordförande, 2020-11-11');
      expect(text).toContain('Justerat digitalt av Sara Lundberg, justerare, 2020-11-11');
      expect(text).toContain('Justering: §§ 20-22 justerade 2020-11-05, §§ 23-27 justerade 2020-11-11.');
      // A copy carries no fields to sign.
      expect(await listSignatureFields(new Uint8Array(pdf))).toEqual([]);

      // Nothing secret in what is stored either.
      const stored = f.backend.db.$client.prepare("SELECT snapshot FROM document_versions WHERE kind = 'public'").get() as { snapshot: string };
      for (const s of SECRETS) expect(stored.snapshot).not.toContain(s);

      // Same source → the stored version is reused (same bytes); audit has one creation.
      const again = await f.api.call('anslag.publicVersion', { meetingId: f.meetingId });
      expect(again.reused).toBe(true);
      expect(again.document.id).toBe(r.document.id);
      expect(again.pdfBase64).toBe(r.pdfBase64);
      expect(readAudit(f.backend.db, { entity: 'document_version' }).map((a) => a.action)).toEqual(['public_version.created']);
    } finally {
      dir.remove();
    }
  });

  it('covers only adjusted §§, and is refused while nothing is adjusted', async () => {
    f = await anslagFixture({ adjusted: [ADJUSTED_20_22, undefined], now: '2020-11-06T10:00:00+01:00' });
    const first = await f.api.call('anslag.publicVersion', { meetingId: f.meetingId });
    expect(first.paragraphs).toEqual([20, 21, 22]);
    const dir = tempDir();
    try {
      const text = pdfText(dir.file('p.pdf', Buffer.from(first.pdfBase64, 'base64'))).replace(/\s+/g, ' ');
      expect(text).toContain('§ 22');
      expect(text).not.toContain('Beslut om tillfällig arbetsgrupp');
      expect(text).toContain('Justerat digitalt av Robert Karlsson, sekreterare, 2020-11-05');
    } finally {
      dir.remove();
    }
    // Once §§ 23-26 are adjusted the public version is made anew, and the first is kept.
    f.at('2020-11-12T10:00:00+01:00');
    f.adjust(1, '2020-11-11T15:00:00+01:00');
    const second = await f.api.call('anslag.publicVersion', { meetingId: f.meetingId });
    expect(second.paragraphs).toEqual([20, 21, 22, 23, 24, 25, 26]);
    expect(second.document.versionNo).toBe(2);
    const all = await f.api.call('anslag.documents', { meetingId: f.meetingId, kind: 'public' });
    expect(all.map((d) => [d.versionNo, d.isCurrent])).toEqual([
      [2, true],
      [1, false],
    ]);

    f.dispose();
    f = await anslagFixture({ adjusted: [undefined, undefined] });
    try {
      await f.api.call('anslag.publicVersion', { meetingId: f.meetingId });
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(ApiError);
      expect((e as ApiError).message).toContain('Inga paragrafer i sammanträdet är justerade ännu');
    }
  });

  it('lists the signatures recorded on the protocol by the justering step, each with its own day', async () => {
    f = await anslagFixture({ now: '2020-11-12T10:00:00+01:00' });
    const db = f.backend.db.$client;
    const sign = (versionId: string, field: string, role: string, name: string, at: string) =>
      db
        .prepare("INSERT INTO signatures (id, version_id, field, role, signer_name, signed_at, pdf, sha256) VALUES (?, ?, ?, ?, ?, ?, x'25504446', 'x')")
        .run(`${versionId}-${field}`, versionId, field, role, name, at);
    f.groupIds.forEach((groupId, i) => {
      db.prepare(
        "INSERT INTO document_versions (id, meeting_id, group_id, kind, version_no, snapshot, pdf, sha256, is_current, created_at) VALUES (?, ?, ?, 'protocol', 1, '{}', x'25504446', 'x', 1, '2020-11-05T10:00:00Z')",
      ).run(`pv${i}`, f?.meetingId, groupId);
    });
    sign('pv0', 'sig-sekreterare', 'Sekreterare', 'Robert Karlsson', '2020-11-05T10:20:00+01:00');
    sign('pv0', 'sig-ordforande', 'Ordförande', 'Anders Lundkvist', '2020-11-05T10:25:00+01:00');
    sign('pv0', 'sig-justerare-1', 'Justerare', 'Sara Lundberg', '2020-11-05T10:30:00+01:00');
    sign('pv1', 'sig-sekreterare', 'Sekreterare', 'Robert Karlsson', '2020-11-09T16:00:00+01:00');
    sign('pv1', 'sig-ordforande', 'Ordförande', 'Anders Lundkvist', '2020-11-10T08:00:00+01:00');
    sign('pv1', 'sig-justerare-1', 'Justerare', 'Sara Lundberg', '2020-11-11T15:00:00+01:00');
    const r = await f.api.call('anslag.publicVersion', { meetingId: f.meetingId });
    const dir = tempDir();
    try {
      const text = pdfText(dir.file('p.pdf', Buffer.from(r.pdfBase64, 'base64'))).replace(/\s+/g, ' ');
      expect(text).toContain(
        [
          'Justerat digitalt av Robert Karlsson, sekreterare, 2020-11-05',
          'Justerat digitalt av Anders Lundkvist, ordförande, 2020-11-05',
          'Justerat digitalt av Sara Lundberg, justerare, 2020-11-05',
          'Justerat digitalt av Robert Karlsson, sekreterare, 2020-11-09',
          'Justerat digitalt av Anders Lundkvist, ordförande, 2020-11-10',
          'Justerat digitalt av Sara Lundberg, justerare, 2020-11-11',
          'Justering: §§ 20-22 justerade 2020-11-05, §§ 23-26 justerade 2020-11-11.',
        ].join(' '),
      );
    } finally {
      dir.remove();
    }
  });

  it('control: the same checks find the secrets in the unmasked protocol (so they would catch a leak)', async () => {
    f = await anslagFixture({ now: '2020-11-12T10:00:00+01:00', edit: withSecrets });
    const dir = tempDir();
    const io: CliIo = { out: () => undefined, err: () => undefined, cwd: dir.path, today: () => '2020-11-12', now: () => new Date('2020-11-12T10:00:00+01:00') };
    try {
      expect(await main(['render', 'protocol', f.meetingId, '-o', 'original.pdf', '--db', f.dbPath], io)).toBe(0);
      const file = join(dir.path, 'original.pdf');
      expect(pdfText(file).replace(/\s+/g, ' ')).toContain('Hemligt personalärende Qvarnström');
      execFileSync('qpdf', ['--qdf', '--object-streams=disable', '--decode-level=all', file, join(dir.path, 'qdf.pdf')]);
      // The attached PDF's text sits in a content stream: visible only once decompressed.
      expect(bytesContain(readFileSync(join(dir.path, 'qdf.pdf')), 'HEMLIGBILAGA')).toBe(true);
      expect(() => expectNoSecrets(file, dir.path)).toThrow();
    } finally {
      dir.remove();
    }
  });

  it('`justera render public` writes the same masked PDF', async () => {
    f = await anslagFixture({ now: '2020-11-12T10:00:00+01:00', edit: withSecrets });
    const meetingId = f.meetingId;
    const dbPath = f.dbPath;
    const out: string[] = [];
    const err: string[] = [];
    const dir = tempDir();
    const io: CliIo = {
      out: (t) => out.push(t),
      err: (t) => err.push(t),
      cwd: dir.path,
      today: () => '2020-11-12',
      now: () => new Date('2020-11-12T10:00:00+01:00'),
    };
    try {
      const code = await main(['render', 'public', meetingId, '-o', 'offentlig.pdf', '--db', dbPath, '--json'], io);
      expect(err).toEqual([]);
      expect(code).toBe(0);
      expect(JSON.parse(out.join(''))).toMatchObject({ kind: 'public', paragraphs: [20, 21, 22, 23, 24, 25, 26, 27], reused: false });
      expectNoSecrets(join(dir.path, 'offentlig.pdf'), dir.path);
      expect(pdfText(join(dir.path, 'offentlig.pdf'))).toContain('[personnummer borttaget]');

      const missing = await main(['render', 'public', meetingId, '--db', dbPath], io);
      expect(missing).toBe(1);
      expect(err.join('\n')).toContain('Ange filen som PDF:en ska skrivas till med -o FIL.');
    } finally {
      dir.remove();
    }
  });
});
