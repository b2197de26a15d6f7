// Archive packages through the contract (archive.export, archive.verify): the one dispatch behind
// the app (IPC), the loopback host and the CLI. The reference meeting with §§ 20–22 frozen and
// signed by the secretary and the chair. Bad input is refused in Swedish before anything is
// written, with the same answer in process and over HTTP; the export is audited; verify takes the
// trust store's roots and any given with the call, and says what each problem is about without
// the package's internal ids (the file's kind and the meeting's date).
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiError, createClient, type ApiClient } from '../../core/api/client';
import type { Result } from '../../core/api/errors';
import { createBackend, type Backend } from '../../electron/backend';
import { main } from '../../electron/cli/main';
import { startHost, type Host } from '../../electron/host';
import { parseMets } from '../../electron/services/archive';
import { counterIds } from '../helpers/backend';
import { issue, makeTestPki, pem, trustCa, writeP12 } from '../signing/helpers/pki';

const PASSWORD = 'hemligt-lösenord';
let dir: string;
let backend: Backend;
let api: ApiClient;
let host: Host;
let boardId: string;
let caDer: Uint8Array;
let otherCaDer: Uint8Array;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'justera-archive-api-'));
  let now = new Date('2020-11-05T10:35:00+01:00');
  backend = createBackend({ databasePath: join(dir, 'justera.db'), clock: { now: () => now }, ids: counterIds(), actor: 'arkivarie' });
  api = createClient((m, i) => backend.dispatch(m, i));
  const demo = await api.call('demo.load', {});
  boardId = demo.boardId;
  const pki = await makeTestPki();
  caDer = pki.ca.certDer;
  otherCaDer = (await issue({ commonName: 'En annan kommuns rot-CA', isCa: true })).certDer;
  await trustCa(api, pki.ca);
  const p12 = (id: typeof pki.robert) => readFileSync(writeP12(dir, id, [pki.ca], `${id.commonName.replace(/\W/g, '_')}.p12`, { password: PASSWORD })).toString('base64');
  const frozen = await api.call('justering.freeze', { meetingId: demo.meetingId, groupIndex: 0 });
  now = new Date('2020-11-05T10:40:00+01:00');
  await api.call('justering.sign', { versionId: frozen.version.id, field: 'sig-sekreterare', credential: { kind: 'p12', p12Base64: p12(pki.robert), password: PASSWORD } });
  now = new Date('2020-11-05T10:45:00+01:00');
  await api.call('justering.sign', { versionId: frozen.version.id, field: 'sig-ordforande', credential: { kind: 'p12', p12Base64: p12(pki.anders), password: PASSWORD } });
  now = new Date('2021-02-01T09:00:00+01:00');
  host = await startHost({ dispatch: (m, i) => backend.dispatch(m, i), staticDir: dir, token: 'arkiv-token' });
}, 90_000);

afterAll(async () => {
  await host?.close();
  backend?.close();
  rmSync(dir, { recursive: true, force: true });
});

/** The same call over the loopback host, as the browser makes it. */
function overHttp(method: string, input: unknown): Promise<Result<unknown>> {
  const body = JSON.stringify(input);
  return new Promise((ok, fail) => {
    const req = request(
      {
        host: '127.0.0.1',
        port: host.port,
        path: `/api/call/${method}`,
        method: 'POST',
        headers: { Host: `127.0.0.1:${host.port}`, 'X-Justera-Token': 'arkiv-token', 'Content-Type': 'application/json' },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => ok(JSON.parse(Buffer.concat(chunks).toString('utf8')) as Result<unknown>));
      },
    );
    req.on('error', fail);
    req.end(body);
  });
}

async function refusal(method: 'archive.export' | 'archive.verify', input: unknown): Promise<{ code: string; message: string }> {
  const r = await backend.dispatch(method, input);
  if (r.ok) throw new Error(`${method} tog emot ${JSON.stringify(input)}`);
  // One validation path: the loopback host answers exactly the same.
  expect(await overHttp(method, input)).toEqual(r);
  return { code: r.error.code, message: r.error.message };
}

const b64 = (b: Uint8Array | string) => Buffer.from(b).toString('base64');

describe('archive.export', () => {
  it('writes the package through the API and audits it', async () => {
    const target = join(dir, 'arkiv-2020');
    const r = await api.call('archive.export', { boardId, year: 2020, directory: target });
    expect(r).toMatchObject({ dir: target, objId: `urn:justera:arkiv:${boardId}:2020`, meetings: 1, signedPdfs: 1 });
    const mets = parseMets(readFileSync(join(target, 'METS.xml'), 'utf8'));
    expect(r.files).toBe(mets.files.length + 2);
    expect(mets.files.every((f) => f.meetingDate === '2020-11-05')).toBe(true);
    const audit = backend.db.$client.prepare("SELECT entity, entity_id AS entityId, actor, details FROM audit_log WHERE action = 'archive.exported'").all() as {
      entity: string;
      entityId: string;
      actor: string;
      details: string;
    }[];
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ entity: 'board', entityId: boardId, actor: 'arkivarie' });
    expect(JSON.parse(audit[0]?.details ?? '{}')).toEqual({ year: 2020, directory: target, meetings: 1, files: r.files, signedPdfs: 1 });
  });

  it('refuses a partial path, ".." and control characters in Swedish, the same over HTTP, and writes nothing', async () => {
    const before = readdirSync(dir).sort();
    const cases: [unknown, RegExp][] = [
      ['arkiv-2020', /^Ange hela sökvägen till mappen som arkivpaketet ska skrivas till/],
      ['./arkiv', /^Ange hela sökvägen/],
      [`${dir}/../utanför`, /får inte innehålla "\.\."/],
      [`${dir}/a/../../b`, /får inte innehålla "\.\."/],
      ['C:\\Arkiv\\..\\Windows', /får inte innehålla "\.\."/],
      [`${dir}/ny\u0000mapp`, /kontrolltecken/],
      [`${dir}/ny\nmapp`, /kontrolltecken/],
      ['', /^Ange mappen som arkivpaketet ska skrivas till\./],
      ['   ', /^Ange mappen/],
      [42, /^Ange mappen/],
    ];
    for (const [directory, message] of cases) {
      const e = await refusal('archive.export', { boardId, year: 2020, directory });
      expect(e.code, String(directory)).toBe('validation');
      expect(e.message, String(directory)).toMatch(message);
    }
    expect(readdirSync(dir).sort()).toEqual(before);
  });

  it('refuses a year that is not four digits, an unknown board and unknown fields', async () => {
    for (const year of [20, 20200, 2020.5, Number.NaN, '2020', null]) {
      const e = await refusal('archive.export', { boardId, year, directory: join(dir, 'år') });
      expect(e, String(year)).toMatchObject({ code: 'validation' });
      expect(e.message, String(year)).toContain('Ange året med fyra siffror, t.ex. 2020.');
    }
    expect(await refusal('archive.export', { boardId: 'finns-inte', year: 2020, directory: join(dir, 'x') })).toMatchObject({
      code: 'not_found',
      message: expect.stringMatching(/^Nämnden finns inte\./),
    });
    expect(await refusal('archive.export', { boardId, year: 2019, directory: join(dir, 'x') })).toMatchObject({ code: 'not_found', message: expect.stringContaining('inga sammanträden år 2019') });
    expect((await refusal('archive.export', { boardId, year: 2020, directory: join(dir, 'x'), overwrite: true })).code).toBe('validation');
    expect(existsSync(join(dir, 'år'))).toBe(false);
    expect(existsSync(join(dir, 'x'))).toBe(false);
  });

  it('never writes into a folder that has files, nor over a file', async () => {
    const busy = join(dir, 'upptagen');
    mkdirSync(busy);
    writeFileSync(join(busy, 'annat.txt'), 'någon annans fil');
    const e = await refusal('archive.export', { boardId, year: 2020, directory: busy });
    expect(e).toMatchObject({ code: 'conflict', message: expect.stringContaining('är inte tom') });
    expect(readdirSync(busy)).toEqual(['annat.txt']);
    const file = join(dir, 'en-fil');
    writeFileSync(file, 'x');
    expect(await refusal('archive.export', { boardId, year: 2020, directory: file })).toMatchObject({ code: 'conflict', message: expect.stringContaining('är inte en mapp') });
    expect(readFileSync(file, 'utf8')).toBe('x');
  });

  it("the CLI goes through the same contract: its message for a bad year is the API's", async () => {
    const out: string[] = [];
    const err: string[] = [];
    const io = { out: (t: string) => out.push(t), err: (t: string) => err.push(t), cwd: dir, today: () => '2021-02-01', now: () => new Date('2021-02-01T09:00:00+01:00') };
    // The CLI opens the database file itself (WAL: beside this test's connection).
    expect(await main(['archive', 'export', boardId, '20x0', 'cli-arkiv', '--db', 'justera.db'], io)).toBe(1);
    expect(err.join('')).toContain('Ange året med fyra siffror, t.ex. 2020.');
    expect(await main(['archive', 'export', boardId, '2020', 'cli-arkiv', '--db', 'justera.db'], io)).toBe(0);
    expect(existsSync(join(dir, 'cli-arkiv', 'METS.xml'))).toBe(true);
    expect(out.join('')).toMatch(/^Arkivpaketet är skrivet till /);
    const audit = backend.db.$client.prepare("SELECT actor FROM audit_log WHERE action = 'archive.exported' ORDER BY rowid").all() as { actor: string }[];
    expect(audit.map((a) => a.actor)).toEqual(['arkivarie', 'cli']);
  });
});

describe('archive.verify', () => {
  const pkg = () => join(dir, 'arkiv-2020');

  it('accepts the untouched package against the trust store', async () => {
    const r = await api.call('archive.verify', { directory: pkg() });
    expect(r).toMatchObject({ ok: true, trustAssessed: true, mets: { valid: true, problems: [] }, files: { bad: [] }, signatures: { valid: 1, invalid: [] } });
  });

  it('without a trust store only the roots given with the call count; junk is refused in Swedish', async () => {
    const fresh = createBackend({ databasePath: ':memory:', clock: { now: () => new Date('2021-02-01T09:00:00+01:00') }, ids: counterIds(), actor: 'arkivarie' });
    const freshApi = createClient((m, i) => fresh.dispatch(m, i));
    try {
      const unjudged = await freshApi.call('archive.verify', { directory: pkg() });
      expect(unjudged.ok).toBe(false);
      expect(unjudged.trustAssessed).toBe(false);
      expect(unjudged.signatures.invalid).toEqual([
        { path: expect.stringMatching(/-signerad\.pdf$/), problem: expect.stringMatching(/^Tillit ej bedömd/), reason: 'not-assessed', use: 'signed-pdf', meetingDate: '2020-11-05' },
      ]);
      // PEM or DER, as the trust store reads them.
      expect(await freshApi.call('archive.verify', { directory: pkg(), trustAnchorsBase64: [b64(pem('CERTIFICATE', caDer))] })).toMatchObject({ ok: true, trustAssessed: true });
      expect(await freshApi.call('archive.verify', { directory: pkg(), trustAnchorsBase64: [b64(caDer)] })).toMatchObject({ ok: true });
      // Another root: the signatures do not chain to it, said per signature by role (never the field's id).
      const untrusted = await freshApi.call('archive.verify', { directory: pkg(), trustAnchorsBase64: [b64(otherCaDer)] });
      expect(untrusted).toMatchObject({ ok: false, trustAssessed: true, signatures: { valid: 0 } });
      expect(untrusted.signatures.invalid).toEqual([{ path: expect.stringMatching(/-signerad\.pdf$/), problem: expect.any(String), reason: 'invalid', use: 'signed-pdf', meetingDate: '2020-11-05' }]);
      const problem = untrusted.signatures.invalid[0]?.problem ?? '';
      expect(problem).toMatch(/Sekreterare: .*betrott rotcertifikat/);
      expect(problem).toMatch(/Ordförande: .*betrott rotcertifikat/);
      expect(problem).not.toContain('sig-');
      const bad = async (input: unknown) => {
        const r = await fresh.dispatch('archive.verify', input);
        return r.ok ? null : r.error;
      };
      expect(await bad({ directory: pkg(), trustAnchorsBase64: ['inte base64!'] })).toMatchObject({ code: 'validation', message: 'Rotcertifikatet måste skickas base64-kodat.' });
      expect(await bad({ directory: pkg(), trustAnchorsBase64: [b64('inget certifikat')] })).toMatchObject({
        code: 'validation',
        message: expect.stringMatching(/^Filen innehåller inget certifikat/),
      });
      expect(await bad({ directory: pkg(), crlsBase64: [''] })).toMatchObject({ code: 'validation' });
      expect(await bad({ directory: 'arkiv-2020' })).toMatchObject({ code: 'validation', message: expect.stringMatching(/^Ange hela sökvägen till arkivpaketets mapp/) });
    } finally {
      fresh.close();
    }
  });

  it('names a changed file by what it is and its meeting, and a folder that is no package', async () => {
    const target = join(dir, 'andrad');
    await api.call('archive.export', { boardId, year: 2020, directory: target });
    const data = parseMets(readFileSync(join(target, 'METS.xml'), 'utf8')).files.find((f) => f.use === 'meeting-data')?.path ?? '';
    writeFileSync(join(target, data), '{}\n');
    writeFileSync(join(target, 'extra.txt'), 'x');
    const r = await api.call('archive.verify', { directory: target });
    expect(r.ok).toBe(false);
    expect(r.files.bad).toEqual(
      expect.arrayContaining([
        { path: data, problem: expect.stringMatching(/^Fel storlek/), use: 'meeting-data', meetingDate: '2020-11-05' },
        { path: 'extra.txt', problem: 'Filen finns i mappen men inte i METS.xml.' },
      ]),
    );
    const none = await refusal('archive.verify', { directory: join(dir, 'finns-inte') });
    expect(none).toMatchObject({ code: 'not_found', message: expect.stringContaining('METS.xml saknas') });
  });

  it('refuses through the typed client with ApiError', async () => {
    await expect(api.call('archive.verify', { directory: '../etc' })).rejects.toBeInstanceOf(ApiError);
  });
});
