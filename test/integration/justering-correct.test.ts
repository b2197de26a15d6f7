// Rättelse after justering: §§ 20–22 of the reference meeting are adjusted through three
// signatures; a direct change is still refused by the database; justering.correct with a reason
// records the correction, stores version 2 (current) next to version 1, and version 2 is signed
// again by the same three people while the group's justering stands.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createClient, type ApiClient } from '../../core/api/client';
import { readAudit } from '../../db/repos/audit';
import { createBackend, type Backend } from '../../electron/backend';
import { main } from '../../electron/cli/main';
import type { CliIo } from '../../electron/cli/types';
import { pdfText } from '../documents/helpers/pdf-tools';
import { counterIds, rejection } from '../helpers/backend';
import { makeTestPki, writeP12, trustCa } from '../signing/helpers/pki';
import { hasTool, pdfsig } from '../signing/helpers/tools';

const PASSWORD = 'hemligt-lösenord';

let dir: string;
let backend: Backend;
let api: ApiClient;
let now = new Date('2020-11-05T10:35:00+01:00');
let meetingId: string;
let v1: string;
const p12: Record<string, string> = {};
const sql = () => backend.db.$client;
const SIGNERS = [
  ['sig-sekreterare', 'robert'],
  ['sig-ordforande', 'anders'],
  ['sig-justerare-1', 'sara'],
] as const;

async function signAll(versionId: string): Promise<boolean> {
  let adjusted = false;
  for (const [field, who] of SIGNERS) {
    now = new Date(now.getTime() + 60_000);
    const r = await api.call('justering.sign', { versionId, field, credential: { kind: 'p12', p12Base64: p12[who] as string, password: PASSWORD } });
    adjusted = r.groupAdjusted;
  }
  return adjusted;
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'justera-correct-'));
  backend = createBackend({ databasePath: join(dir, 'justera.db'), clock: { now: () => now }, ids: counterIds(), actor: 'sekreterare' });
  api = createClient((m, i) => backend.dispatch(m, i));
  meetingId = (await api.call('demo.load', {})).meetingId;
  const pki = await makeTestPki();
  await trustCa(api, pki.ca);
  for (const [who, id] of [
    ['robert', pki.robert],
    ['anders', pki.anders],
    ['sara', pki.sara],
  ] as const) {
    p12[who] = readFileSync(writeP12(dir, id, [pki.ca], `${who}.p12`, { password: PASSWORD })).toString('base64');
  }
  v1 = (await api.call('justering.freeze', { meetingId, groupIndex: 0 })).version.id;
  expect(await signAll(v1)).toBe(true);
}, 90_000);

afterAll(() => {
  backend.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('rättelse of an adjusted § (justering.correct)', () => {
  const adjustedAt = () => sql().prepare('SELECT status, adjusted_at FROM adjustment_groups WHERE meeting_id = ? AND position = 0').get(meetingId) as { status: string; adjusted_at: string };
  let before: { status: string; adjusted_at: string };
  let v2: string;

  it('a direct change of an adjusted § is still refused, and so are forged correction rows', () => {
    before = adjustedAt();
    expect(before.status).toBe('adjusted');
    const p21 = sql().prepare('SELECT id, group_id FROM paragraphs WHERE meeting_id = ? AND number = 21').get(meetingId) as { id: string; group_id: string };
    expect(() => sql().prepare("UPDATE paragraphs SET title = 'Ändrad' WHERE id = ?").run(p21.id)).toThrow(/JUSTERA_LOCKED: paragraph/);
    // A correction row must be pending when inserted, and is never deleted or rewritten.
    expect(() =>
      sql()
        .prepare("INSERT INTO corrections (id, group_id, paragraph_id, reason, before, after, pending, created_at, actor) VALUES ('x', ?, ?, 'r', '{}', '{}', 0, 'now', 'a')")
        .run(p21.group_id, p21.id),
    ).toThrow(/JUSTERA_LOCKED: correction/);
  });

  it('without a reason: a Swedish validation error, nothing stored', async () => {
    const e = await rejection(api.call('justering.correct', { meetingId, groupIndex: 0, paragraphNumber: 21, patch: { title: 'Rättad rubrik' } }));
    expect(e.code).toBe('validation');
    expect(e.message).toContain('Ange skälet till rättelsen');
    const blank = await rejection(api.call('justering.correct', { meetingId, groupIndex: 0, paragraphNumber: 21, patch: { title: 'Rättad rubrik' }, reason: '  ' }));
    expect(blank.code).toBe('validation');
    const notInGroup = await rejection(api.call('justering.correct', { meetingId, groupIndex: 0, paragraphNumber: 23, patch: { title: 'X' }, reason: 'Skrivfel' }));
    expect(notInGroup.message).toContain('ingår inte');
    const open = await rejection(api.call('justering.correct', { meetingId, groupIndex: 1, paragraphNumber: 23, patch: { title: 'X' }, reason: 'Skrivfel' }));
    expect(open.code).toBe('conflict');
    expect((sql().prepare('SELECT count(*) AS n FROM corrections').get() as { n: number }).n).toBe(0);
  });

  it('with a reason: the title changes, version 2 is current, version 1 is kept, the justering stands', async () => {
    const oldTitle = (sql().prepare('SELECT title FROM paragraphs WHERE meeting_id = ? AND number = 21').get(meetingId) as { title: string }).title;
    now = new Date('2020-11-10T09:00:00+01:00');
    const r = await api.call('justering.correct', {
      meetingId,
      groupIndex: 0,
      paragraphNumber: 21,
      patch: { title: 'Rättad rubrik för § 21' },
      reason: 'Stavfel i rubriken',
    });
    v2 = r.version.id;
    expect(r).toMatchObject({ paragraph: 21, reason: 'Stavfel i rubriken', before: { title: oldTitle }, after: { title: 'Rättad rubrik för § 21' } });
    expect(r.version).toMatchObject({ versionNo: 2, isCurrent: true, reason: 'Rättelse av § 21: Stavfel i rubriken' });

    const doc = await api.call('meetings.export', { meetingId });
    expect(doc.paragraphs.find((p) => p.number === 21)?.title).toBe('Rättad rubrik för § 21');
    const st = await api.call('justering.status', { meetingId });
    const g = st.groups[0];
    expect(g?.status).toBe('adjusted');
    expect(g?.adjustedAt).toBe(before.adjusted_at);
    expect(g?.versions.map((v) => [v.versionNo, v.isCurrent, v.complete, v.reason])).toEqual([
      [1, false, true, null],
      [2, true, false, 'Rättelse av § 21: Stavfel i rubriken'],
    ]);
    // Version 1, signed, is still available, with the old title.
    const old = await api.call('justering.currentPdf', { versionId: v1 });
    expect(old.complete).toBe(true);
    const oldFile = join(dir, 'v1.pdf');
    writeFileSync(oldFile, Buffer.from(old.pdfBase64, 'base64'));
    expect(pdfText(oldFile).replace(/\s+/g, ' ')).toContain(oldTitle);
    const newFile = join(dir, 'v2-unsigned.pdf');
    writeFileSync(newFile, Buffer.from((await api.call('justering.currentPdf', { versionId: v2 })).pdfBase64, 'base64'));
    const text = pdfText(newFile).replace(/\s+/g, ' ');
    expect(text).toContain('Rättad rubrik för § 21');
    expect(text).toContain('Stavfel i rubriken');
    expect(text).toContain('RÄTTELSE');

    const row = sql().prepare('SELECT pending, version_id, reason, actor FROM corrections').get() as { pending: number; version_id: string; reason: string; actor: string };
    expect(row).toEqual({ pending: 0, version_id: v2, reason: 'Stavfel i rubriken', actor: 'sekreterare' });
    expect(() => sql().prepare('DELETE FROM corrections').run()).toThrow(/JUSTERA_LOCKED: correction/);
    expect(() => sql().prepare("UPDATE corrections SET reason = 'annat'").run()).toThrow(/JUSTERA_LOCKED: correction/);
    expect(() => sql().prepare("UPDATE paragraphs SET title = 'Igen' WHERE meeting_id = ? AND number = 21").run(meetingId)).toThrow(/JUSTERA_LOCKED: paragraph/);
    expect(readAudit(backend.db, { entity: 'correction' }).map((a) => a.action)).toEqual(['justering.correct']);
  }, 60_000);

  it('version 1 can no longer be signed; version 2 is signed by the three signers and pdfsig shows them valid', async () => {
    const next = await rejection(api.call('justering.correct', { meetingId, groupIndex: 0, paragraphNumber: 22, patch: { title: 'Ny' }, reason: 'Skrivfel' }));
    expect(next.message).toContain('väntar fortfarande på underskrifter');
    const superseded = await rejection(api.call('justering.exportPackage', { versionId: v1, field: 'sig-sekreterare' }));
    expect(superseded.message).toContain('har ersatts av en nyare version');
    expect(await signAll(v2)).toBe(false);
    const st = await api.call('justering.status', { meetingId });
    expect(st.groups[0]?.versions.map((v) => v.complete)).toEqual([true, true]);
    expect(st.groups[0]?.adjustedAt).toBe(before.adjusted_at);
    expect(readAudit(backend.db, { entity: 'adjustment_group' }).map((a) => a.action)).toContain('justering.correctionSigned');
    const file = join(dir, 'v2.pdf');
    writeFileSync(file, Buffer.from((await api.call('justering.currentPdf', { versionId: v2 })).pdfBase64, 'base64'));
    if (hasTool('pdfsig')) {
      expect(pdfsig(file).signatures.map((s) => [s.fieldName, s.commonName, s.validation])).toEqual([
        ['sig-sekreterare', 'Robert Karlsson', 'Signature is Valid.'],
        ['sig-ordforande', 'Anders Lundkvist', 'Signature is Valid.'],
        ['sig-justerare-1', 'Sara Lundberg', 'Signature is Valid.'],
      ]);
    }
  }, 90_000);

  it('CLI: justera justering correct (reason required)', async () => {
    const out: string[] = [];
    const err: string[] = [];
    const io: CliIo = { out: (t) => out.push(t), err: (t) => err.push(t), cwd: dir, today: () => '2020-11-12', now: () => now };
    const db = join(dir, 'justera.db');
    expect(await main(['justering', 'correct', meetingId, '--group', '1', '--paragraph', '22', '--title', 'Rättad § 22', '--db', db], io)).toBe(1);
    expect(err.join('\n')).toContain('Ange skälet till rättelsen');
    expect(await main(['justering', 'correct', meetingId, '--group', '1', '--paragraph', '22', '--reason', 'Felskrivet ord', '--title', 'Rättad § 22', '--db', db], io)).toBe(0);
    expect(out.join('\n')).toContain('Ny version 3');
  }, 60_000);
});
