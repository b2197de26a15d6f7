// The Dokument view's back end (documents.list, documents.verify): every document version of a
// meeting or of a board's year, with its state and signers, so nothing the clerk produced is
// only reachable right after it was made. Signatures are real (PAdES, generated test PKI).
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTestPki, writeP12, trustCa } from '../signing/helpers/pki';
import { anslagFixture, ADJUSTED_23_26, type AnslagFixture } from './anslag-fixture';
import { rejection } from '../helpers/backend';

const PASSWORD = 'hemligt-lösenord';

let f: AnslagFixture;
let lisa: string;

beforeAll(async () => {
  // §§ 20–22 still open (to be frozen here), §§ 23–26 adjusted and posted.
  f = await anslagFixture({ adjusted: [undefined, ADJUSTED_23_26], now: '2020-11-12T09:00:00+01:00' });
  const pki = await makeTestPki();
  await trustCa(f.api, pki.ca);
  const lisaId = await pki.issue('Lisa Lundgren', 'RSA');
  lisa = readFileSync(writeP12(f.dir, lisaId, [pki.ca], 'lisa.p12', { password: PASSWORD })).toString('base64');
  await f.api.call('justering.freeze', { meetingId: f.meetingId, groupIndex: 0 });
  await f.api.call('anslag.post', { groupId: f.groupIds[1] as string });
  await f.api.call('extracts.create', { meetingId: f.meetingId, paragraphs: [23, 24], recipients: ['Swedlock AB', 'Kommunrevisionen'] });
}, 60_000);

afterAll(() => f.dispose());

describe('documents.list', () => {
  it('lists the protocol version with its signers, the notice, the anslagsbevis and the extract with recipients', async () => {
    const { meetings } = await f.api.call('documents.list', { meetingId: f.meetingId });
    expect(meetings).toHaveLength(1);
    const m = meetings[0];
    expect(m).toMatchObject({ meetingId: f.meetingId, boardName: 'Norrbottens e-nämnd', date: '2020-11-05' });
    const kinds = m?.documents.map((d) => `${d.kind} ${d.label} v${d.versionNo}`);
    expect(kinds).toEqual(['protocol §§ 20-22 v1', 'notice §§ 23-26 v1', 'anslagsbevis §§ 23-26 v1', 'extract §§ 23-24 v1']);

    const protocol = m?.documents.find((d) => d.kind === 'protocol');
    expect(protocol).toMatchObject({ signing: 'unsigned', isCurrent: true, nextSignature: null, recipients: null });
    expect(protocol?.signers.map((s) => [s.role, s.signedAt])).toEqual([
      ['Sekreterare', null],
      ['Ordförande', null],
      ['Justerare', null],
    ]);
    expect(protocol?.signers.every((s) => s.name.length > 0)).toBe(true);

    const extract = m?.documents.find((d) => d.kind === 'extract');
    expect(extract).toMatchObject({ recipients: ['Swedlock AB', 'Kommunrevisionen'], sentOn: '2020-11-12', signing: 'unsigned', paragraphs: [23, 24] });
    expect(extract?.nextSignature).toMatchObject({ field: 'sig-utdragsbestyrkande', role: 'Sekreterare', name: 'Robert Karlsson', signedAt: null });
    expect(extract?.fileName).toBe('protokollsutdrag-norrbottens-e-namnd-2020-11-05-p23-24-v1.pdf');

    const notice = m?.documents.find((d) => d.kind === 'notice');
    expect(notice?.nextSignature).toMatchObject({ role: 'Anslag', name: 'Lisa Lundgren' });
  });

  it('shows a signature once it is given, and verifies the signed file', async () => {
    const before = await f.api.call('documents.list', { meetingId: f.meetingId });
    const bevis = before.meetings[0]?.documents.find((d) => d.kind === 'anslagsbevis');
    const unsigned = await rejection(f.api.call('documents.verify', { versionId: bevis?.versionId ?? '' }));
    expect(unsigned.code).toBe('validation');
    expect(unsigned.message).toContain('inte underskrivet');

    await f.api.call('documents.sign', { versionId: bevis?.versionId ?? '', field: 'sig-anslagsbevis', credential: { kind: 'p12', p12Base64: lisa, password: PASSWORD } });
    const after = await f.api.call('documents.list', { meetingId: f.meetingId });
    const signed = after.meetings[0]?.documents.find((d) => d.versionId === bevis?.versionId);
    expect(signed).toMatchObject({ signing: 'complete', nextSignature: null });
    expect(signed?.signers[0]).toMatchObject({ name: 'Lisa Lundgren', role: 'Anslagsbevis' });
    expect(signed?.signers[0]?.signedAt).toMatch(/^2020-11-12T/);

    const check = await f.api.call('documents.verify', { versionId: bevis?.versionId ?? '' });
    expect(check).toMatchObject({ valid: true, kind: 'anslagsbevis', modifiedAfterLastSignature: false });
    expect(check.signatures).toHaveLength(1);
  }, 60_000);

  it('keeps an earlier anslagsbevis listed, not current, after a later posting', async () => {
    f.adjust(0, '2020-11-12T08:00:00+01:00');
    await f.api.call('anslag.post', { groupId: f.groupIds[0] as string });
    const { meetings } = await f.api.call('documents.list', { meetingId: f.meetingId });
    const bevis = meetings[0]?.documents.filter((d) => d.kind === 'anslagsbevis') ?? [];
    expect(bevis.map((d) => [d.versionNo, d.isCurrent])).toEqual([
      [2, true],
      [1, false],
    ]);
    // The signed first version keeps its signature.
    expect(bevis[1]?.signing).toBe('complete');
  }, 60_000);

  it('lists a board year, newest meeting first, and nothing for a year without meetings', async () => {
    const boardId = (await f.api.call('meetings.list', {}))[0]?.boardId ?? '';
    const year = await f.api.call('documents.list', { boardId, year: 2020 });
    expect(year.meetings.map((m) => m.meetingId)).toEqual([f.meetingId]);
    expect((await f.api.call('documents.list', { boardId, year: 2019 })).meetings).toEqual([]);
  });

  it('refuses an input without a meeting or a board year, and unknown ids, in Swedish', async () => {
    const none = await rejection(f.api.call('documents.list', {}));
    expect(none.code).toBe('validation');
    expect(none.message).toContain('Välj ett sammanträde, eller en nämnd och ett år.');
    const halfway = await rejection(f.api.call('documents.list', { boardId: 'x' }));
    expect(halfway.code).toBe('validation');
    expect((await rejection(f.api.call('documents.list', { meetingId: 'finns-inte' }))).code).toBe('not_found');
    expect((await rejection(f.api.call('documents.list', { boardId: 'finns-inte', year: 2020 }))).code).toBe('not_found');
    expect((await rejection(f.api.call('documents.verify', { versionId: 'finns-inte' }))).code).toBe('not_found');
  });
});
