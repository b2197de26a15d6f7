// Sending the kallelse: the .eml messages read back by Python's email package (the oracle), the
// attached PDF checked by qpdf and pdftotext, names with åäö, recipients without an e-mail
// address, the board's deadline rule with the late warning, the record and the audit, the CLI.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PDFDocument } from 'pdf-lib';
import { afterEach, describe, expect, it } from 'vitest';
import type { KallelseSending } from '../../core/app/kallelse';
import { readAudit } from '../../db/repos/audit';
import { main } from '../../electron/cli/main';
import type { CliIo } from '../../electron/cli/types';
import { pdfText, qpdfCheck, tempDir, type TempDir } from '../documents/helpers/pdf-tools';
import { hasPython, parseEml, strictProblems } from '../helpers/eml';
import { hasTool } from '../helpers/tools';
import { rejection } from '../helpers/backend';
import { anslagFixture, type AnslagFixture, type ReferenceDoc } from './anslag-fixture';

let f: AnslagFixture | undefined;
let dir: TempDir | undefined;
afterEach(() => {
  f?.dispose();
  dir?.remove();
  f = undefined;
  dir = undefined;
});

const tools = hasPython() && hasTool('qpdf') && hasTool('pdftotext');

async function handling(title: string): Promise<string> {
  const pdf = await PDFDocument.create();
  pdf.setTitle(title);
  pdf.addPage([200, 200]);
  return Buffer.from(await pdf.save()).toString('base64');
}

/** The reference meeting with a handling on § 20 and a secret § 23 that has one too. */
async function withHandlingar(doc: ReferenceDoc): Promise<void> {
  const p = (n: number) => doc.paragraphs.find((x) => x.number === n) as Record<string, unknown>;
  p(20).attachments = [{ kind: 'file', title: 'Tjänsteskrivelse', filename: 'Tjänsteskrivelse – ärendehantering åäö.pdf', mediaType: 'application/pdf', data: await handling('Tjänsteskrivelse') }];
  p(23).confidential = { provision: '31 kap. 16 §' };
  p(23).attachments = [{ kind: 'file', title: 'Anbud', filename: 'Anbud sekretess.pdf', mediaType: 'application/pdf', data: await handling('Anbud') }];
}

async function setup(now: string): Promise<AnslagFixture> {
  f = await anslagFixture({ adjusted: [undefined, undefined], now, edit: withHandlingar });
  return f;
}

function personId(fx: AnslagFixture, name: string): string {
  const r = fx.backend.db.$client.prepare('SELECT id FROM persons WHERE name = ?').get(name) as { id: string } | undefined;
  if (r === undefined) throw new Error(name);
  return r.id;
}

async function writeMessages(fx: AnslagFixture, sending: KallelseSending, d: TempDir): Promise<string[]> {
  const files: string[] = [];
  for (const m of sending.messages) {
    const msg = await fx.api.call('kallelse.message', { messageId: m.id });
    files.push(d.file(msg.fileName, Buffer.from(msg.emlBase64, 'base64')));
  }
  return files;
}

describe.skipIf(!tools)('kallelse by e-mail', () => {
  it('lists everyone without an address, and refuses to send when no one has one', async () => {
    const fx = await setup('2020-10-27T09:12:00+01:00');
    const s = await fx.api.call('kallelse.status', { meetingId: fx.meetingId });
    expect(s).toMatchObject({ meetingDate: '2020-11-05', daysBefore: 7, deadline: '2020-10-29', today: '2020-10-27', late: false, defaultFrom: null });
    expect(s.recipients).toHaveLength(15);
    expect(s.recipients.every((r) => r.email === null)).toBe(true);
    // Members first, then the substitutes in their order.
    expect(s.recipients.slice(-3).map((r) => r.role)).toEqual(['ersattare', 'ersattare', 'ersattare']);
    expect(s.handlingar).toEqual([
      expect.objectContaining({ paragraph: 20, fileName: 'Tjänsteskrivelse – ärendehantering åäö.pdf', attached: true }),
      expect.objectContaining({ paragraph: 23, attached: false, confidentialProvision: '31 kap. 16 §' }),
    ]);
    const e = await rejection(fx.api.call('kallelse.send', { meetingId: fx.meetingId, from: 'sekreterare@kommun.se' }));
    expect(e.message).toBe('Ingen av ledamöterna och ersättarna har en e-postadress. Lägg till e-postadresser på nämndens sida (Ändra ledamot).');
    expect(fx.backend.db.$client.prepare('SELECT count(*) AS n FROM kallelse_sendings').get()).toEqual({ n: 0 });
  });

  it('refuses addresses with a name, spaces or a second header, at every entrance', async () => {
    const fx = await setup('2020-10-27T09:12:00+01:00');
    const id = personId(fx, 'Maud Lundbäck');
    for (const bad of ['Maud <maud@kommun.se>', 'maud @kommun.se', 'maud@kommun.se\r\nBcc: x@y.se', 'maud']) {
      const e = await rejection(fx.api.call('people.setEmail', { personId: id, email: bad }));
      expect(e.message).toContain('Skriv e-postadressen som namn@exempel.se');
    }
    const e = await rejection(fx.api.call('kallelse.send', { meetingId: fx.meetingId, from: 'x y@kommun.se' }));
    expect(e.message).toContain('e-postadressen');
    expect(await fx.api.call('people.setEmail', { personId: id, email: '  maud.lundback@kommun.se ' })).toEqual({ email: 'maud.lundback@kommun.se' });
    expect(await fx.api.call('people.setEmail', { personId: id, email: '' })).toEqual({ email: null });
  });

  it('writes one message per recipient with the kallelse PDF and the handlingar (not the secret §), read back by Python', async () => {
    const fx = await setup('2020-10-27T09:12:00+01:00');
    const named = { 'Maud Lundbäck': 'maud.lundback@kommun.se', 'Ulrica Hammarström': 'ulrica@kommun.se', 'Anders Josefsson': 'anders.j@kommun.se', 'Robert Karlsson': 'robert.karlsson@kommun.se' };
    for (const [name, email] of Object.entries(named)) await fx.api.call('people.setEmail', { personId: personId(fx, name), email });
    const status = await fx.api.call('kallelse.status', { meetingId: fx.meetingId });
    expect(status.defaultFrom).toBe('robert.karlsson@kommun.se');

    const sent = await fx.api.call('kallelse.send', { meetingId: fx.meetingId, from: status.defaultFrom ?? '' });
    expect(sent).toMatchObject({ mode: 'per_recipient', late: false, deadline: '2020-10-29', sentAt: '2020-10-27T08:12:00.000Z' });
    expect(sent.recipients.map((r) => r.name)).toEqual(['Maud Lundbäck', 'Ulrica Hammarström', 'Anders Josefsson']);
    expect(sent.missing).toHaveLength(12);
    expect(sent.missing.map((m) => m.name)).toContain('Isak Utsi');
    expect(sent.files.map((x) => x.fileName)).toEqual(['Kallelse Norrbottens e-nämnd 2020-11-05.pdf', 'Tjänsteskrivelse – ärendehantering åäö.pdf']);

    dir = tempDir('justera-kallelse-');
    const files = await writeMessages(fx, sent, dir);
    expect(files).toHaveLength(3);
    for (const file of files) expect(strictProblems(readFileSync(file, 'latin1'))).toEqual([]);
    const parsed = parseEml(files);
    parsed.forEach((m, i) => {
      expect(m.defects).toEqual([]);
      expect(m.to).toEqual([{ name: sent.recipients[i]?.name, address: sent.recipients[i]?.email }]);
      expect(m.from).toEqual([{ name: '', address: 'robert.karlsson@kommun.se' }]);
      expect(m.bcc).toEqual([]);
      expect(m.subject).toBe('Kallelse till sammanträde med Norrbottens e-nämnd 2020-11-05');
      expect(m.dateIso).toBe('2020-10-27T09:12:00+01:00');
      expect(m.messageId).toMatch(/^<kallelse\.[A-Za-z0-9.-]+@kommun\.se>$/);
      expect(m.headers['X-Unsent']).toEqual(['1']);
      expect(m.contentType).toBe('multipart/mixed');
      expect(m.parts.map((p) => [p.contentType, p.disposition, p.filename])).toEqual([
        ['text/plain', null, null],
        ['application/pdf', 'attachment', 'Kallelse Norrbottens e-nämnd 2020-11-05.pdf'],
        ['application/pdf', 'attachment', 'Tjänsteskrivelse – ärendehantering åäö.pdf'],
      ]);
      for (const p of m.parts) expect(p.defects).toEqual([]);
      expect(m.parts[0]?.text).toContain('Du kallas till sammanträde med Norrbottens e-nämnd torsdag 2020-11-05 kl. 09:00–10:30, Teams.');
      expect(m.parts[0]?.text).toContain('Anmäl förhinder till sekreteraren Robert Karlsson');
    });
    // Each message's Message-ID is its own.
    expect(new Set(parsed.map((m) => m.messageId)).size).toBe(3);

    const pdfB64 = parsed[0]?.parts[1]?.dataBase64 ?? '';
    const pdfFile = dir.file('kallelse.pdf', Buffer.from(pdfB64, 'base64'));
    expect(qpdfCheck(pdfFile).status).toBe(0);
    const text = pdfText(pdfFile).replace(/\s+/g, ' ');
    expect(text).toContain('Kallelse till sammanträde med Norrbottens e-nämnd');
    expect(text).toContain('Föredragningslista');
    const handlingFile = dir.file('handling.pdf', Buffer.from(parsed[0]?.parts[2]?.dataBase64 ?? '', 'base64'));
    expect(qpdfCheck(handlingFile).status).toBe(0);
    expect((await PDFDocument.load(readFileSync(handlingFile))).getTitle()).toBe('Tjänsteskrivelse');
    // The stored sha256 is of the attached bytes.
    const { createHash } = await import('node:crypto');
    expect(createHash('sha256').update(readFileSync(pdfFile)).digest('hex')).toBe(sent.files[0]?.sha256);

    const after = await fx.api.call('kallelse.status', { meetingId: fx.meetingId });
    expect(after.sendings).toHaveLength(1);
    expect(after.sendings[0]).toMatchObject({ id: sent.id, recipients: sent.recipients, missing: sent.missing, messages: sent.messages });
    expect(readAudit(fx.backend.db, { entity: 'meeting', entityId: fx.meetingId }).filter((a) => a.action === 'kallelse.sent')).toEqual([
      expect.objectContaining({ actor: 'registrator', details: expect.objectContaining({ sendingId: sent.id, recipients: 3, missing: 12, late: false }) }),
    ]);
    // The record cannot be changed afterwards.
    expect(() => fx.backend.db.$client.prepare('UPDATE kallelse_sendings SET late = 1').run()).toThrow(/kan inte ändras/);
    expect(() => fx.backend.db.$client.prepare("UPDATE kallelse_messages SET file_name = 'x'").run()).toThrow(/kan inte ändras/);
  });

  it('writes one message to all in Bcc, to the sender, without the handlingar when asked', async () => {
    const fx = await setup('2020-10-27T09:12:00+01:00');
    await fx.api.call('people.setEmail', { personId: personId(fx, 'Maud Lundbäck'), email: 'maud@kommun.se' });
    await fx.api.call('people.setEmail', { personId: personId(fx, 'Ulrica Hammarström'), email: 'ulrica@kommun.se' });
    const sent = await fx.api.call('kallelse.send', { meetingId: fx.meetingId, from: 'namnd@kommun.se', mode: 'bcc', includeHandlingar: false });
    expect(sent.messages).toHaveLength(1);
    dir = tempDir('justera-kallelse-');
    const [m] = parseEml(await writeMessages(fx, sent, dir));
    expect(m?.to).toEqual([{ name: '', address: 'namnd@kommun.se' }]);
    expect(m?.bcc).toEqual([
      { name: 'Maud Lundbäck', address: 'maud@kommun.se' },
      { name: 'Ulrica Hammarström', address: 'ulrica@kommun.se' },
    ]);
    expect(m?.parts.map((p) => p.filename)).toEqual([null, 'Kallelse Norrbottens e-nämnd 2020-11-05.pdf']);
  });

  it('follows the board rule: warns after the deadline and records a confirmed late sending', async () => {
    const fx = await setup('2020-10-30T09:00:00+01:00');
    await fx.api.call('people.setEmail', { personId: personId(fx, 'Maud Lundbäck'), email: 'maud@kommun.se' });
    const boardId = (await fx.api.call('kallelse.status', { meetingId: fx.meetingId })).boardId;
    expect((await fx.api.call('kallelse.status', { meetingId: fx.meetingId })).late).toBe(true);
    const e = await rejection(fx.api.call('kallelse.send', { meetingId: fx.meetingId, from: 'namnd@kommun.se' }));
    expect(e.code).toBe('conflict');
    expect(e.message).toBe('Kallelsen skickas för sent: enligt nämndens regler ska den skickas senast 7 dagar före sammanträdet, dvs. senast 2020-10-29. Bekräfta att du ändå vill skicka den.');

    // The board's arbetsordning says five days: 2020-10-31 is the last day, so today is in time.
    expect((await rejection(fx.api.call('kallelse.setDaysBefore', { boardId, daysBefore: -1 }))).message).toContain('negativt');
    expect((await rejection(fx.api.call('kallelse.setDaysBefore', { boardId, daysBefore: 2.5 }))).message).toContain('heltal');
    await fx.api.call('kallelse.setDaysBefore', { boardId, daysBefore: 5 });
    expect(await fx.api.call('kallelse.status', { meetingId: fx.meetingId })).toMatchObject({ daysBefore: 5, deadline: '2020-10-31', late: false });
    await fx.api.call('kallelse.setDaysBefore', { boardId, daysBefore: 10 });
    const late = await fx.api.call('kallelse.send', { meetingId: fx.meetingId, from: 'namnd@kommun.se', acceptLate: true });
    expect(late).toMatchObject({ late: true, daysBefore: 10, deadline: '2020-10-26' });
    expect(readAudit(fx.backend.db, { entity: 'board', entityId: boardId }).map((a) => a.details)).toEqual([
      { from: 7, to: 5 },
      { from: 5, to: 10 },
    ]);
  });

  it('writes the messages and the PDF with the CLI, listing those without an address', async () => {
    const fx = await setup('2020-10-27T09:12:00+01:00');
    await fx.api.call('people.setEmail', { personId: personId(fx, 'Maud Lundbäck'), email: 'maud@kommun.se' });
    await fx.api.call('people.setEmail', { personId: personId(fx, 'Anders Josefsson'), email: 'anders@kommun.se' });
    fx.backend.close();
    dir = tempDir('justera-kallelse-cli-');
    const out: string[] = [];
    const err: string[] = [];
    const io: CliIo = { out: (t) => out.push(t), err: (t) => err.push(t), cwd: dir.path, today: () => '2020-10-27', now: () => new Date('2020-10-27T09:12:00+01:00') };
    const noFrom = await main(['kallelse', 'send', '--meeting', fx.meetingId, '--out', 'ut', '--db', fx.dbPath], io);
    expect(noFrom).not.toBe(0);
    expect(err.join('\n')).toContain('Sekreteraren har ingen e-postadress. Ange avsändaren med --from ADRESS.');
    const code = await main(['kallelse', 'send', '--meeting', fx.meetingId, '--out', 'ut', '--db', fx.dbPath, '--from', 'namnd@kommun.se'], io);
    expect(code).toBe(0);
    expect(out.join('\n')).toContain('Kallelse skickad 2020-10-27 kl. 09.12 till 2 mottagare.');
    expect(out.join('\n')).toContain('Isak Utsi: saknar e-postadress');
    const files = readdirSync(join(dir.path, 'ut')).sort();
    expect(files).toEqual(['Kallelse 2020-11-05 01 Maud Lundbäck.eml', 'Kallelse 2020-11-05 02 Anders Josefsson.eml', 'Kallelse Norrbottens e-nämnd 2020-11-05.pdf']);
    const parsed = parseEml(files.filter((x) => x.endsWith('.eml')).map((x) => join(dir?.path ?? '', 'ut', x)));
    expect(parsed.map((m) => m.to[0]?.address)).toEqual(['maud@kommun.se', 'anders@kommun.se']);
    expect(qpdfCheck(join(dir.path, 'ut', 'Kallelse Norrbottens e-nämnd 2020-11-05.pdf')).status).toBe(0);
  });
});
