// Benchmark: sign (three signers in turn) and verify the reference protocol and a ~100-page one,
// and one signature made by poppler's `pdfsig -add-signature` (NSS) as a peer, against one
// Justera signature by the same RSA key on the same file.
//   npx tsx test/bench/signing.ts [--quick]
//
// Why the peer uses an RSA key: poppler 22.12 reserves room for the CMS by signing once with a
// dummy and then writes the real one into that room; an ECDSA signature's DER length varies by
// a byte or two between signings, so about half the runs fail with "signDocument: unable
// update signature". That has nothing to do with our files: with an RSA key (fixed length)
// pdfsig signs our rendered files every time, with and without the prepared empty fields and
// with or without object streams.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { buildProtocolData } from '../../core/documents';
import { addEmptySignatureFields, keyObjectSigner, signPdf, verifyPdf } from '../../electron/services/signing';
import { renderProtocol } from '../../templates/render';
import { generatedMeeting } from '../fixtures/documents/generate';
import { referenceMeeting } from '../documents/helpers/reference';
import { makeTestPki, writeP12, type Identity } from '../signing/helpers/pki';

const AT = '2020-11-05T12:00:00+01:00';
const quick = process.argv.includes('--quick');
const runs = quick ? 3 : 10;

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? NaN;
}

async function prepared(label: string, data: ReturnType<typeof buildProtocolData>): Promise<{ label: string; pdf: Uint8Array; pages: number }> {
  const r = await renderProtocol(data);
  return { label, pdf: await addEmptySignatureFields(r.pdf, r.signatureFields), pages: r.pageCount };
}

async function main(): Promise<void> {
  const pki = await makeTestPki();
  const signers: [string, Identity][] = [
    ['sig-sekreterare', pki.robert],
    ['sig-ordforande', pki.anders],
    ['sig-justerare-1', pki.sara],
  ];
  const docs = [await prepared('Referensprotokollet', buildProtocolData(referenceMeeting(), { generatedAt: AT }))];
  if (!quick) docs.push(await prepared('~100 sidor', buildProtocolData(generatedMeeting({ paragraphs: 20, textParagraphs: 330, wordsPerTextParagraph: 150, seed: 42 }), { generatedAt: AT })));

  const rows: string[] = [
    '| document | pages | size (kB) | sign, median per signature (ms) | verify 3 signatures, median (ms) | one RSA signature: Justera (ms) | pdfsig -add-signature (ms) | ratio Justera/pdfsig |',
    '|---|---|---|---|---|---|---|---|',
  ];
  const dir = mkdtempSync(join(tmpdir(), 'justera-bench-sign-'));
  try {
    const peerId = pki.sara; // RSA: see the note at the top
    const peer = setUpPdfsig(dir, peerId, pki.ca);
    for (const d of docs) {
      const signTimes: number[] = [];
      const verifyTimes: number[] = [];
      let signed = d.pdf;
      for (let i = 0; i < runs; i += 1) {
        let state = d.pdf;
        let clock = new Date('2020-11-06T08:00:00Z').getTime();
        for (const [field, id] of signers) {
          clock += 60_000;
          const s = performance.now();
          state = (await signPdf(state, { fieldName: field, signer: keyObjectSigner(id.privateKey, [id.certDer, pki.ca.certDer]), role: 'Bench', signingTime: new Date(clock) })).pdf;
          signTimes.push(performance.now() - s);
        }
        signed = state;
        const v = performance.now();
        const report = await verifyPdf(state, { trustAnchors: [pki.ca.certDer] });
        verifyTimes.push(performance.now() - v);
        if (!report.valid) throw new Error('signatures did not verify');
      }
      // Like for like: the first signature on the same prepared file (with its empty fields), the
      // same RSA key and SHA-256. pdfsig adds a field of its own (it cannot fill a prepared one)
      // and its time includes starting the process and opening the NSS database.
      const oneRsa: number[] = [];
      for (let i = 0; i < runs; i += 1) {
        const s = performance.now();
        await signPdf(d.pdf, {
          fieldName: 'sig-sekreterare',
          signer: keyObjectSigner(peerId.privateKey, [peerId.certDer, pki.ca.certDer]),
          role: 'Bench',
          signingTime: new Date('2020-11-06T08:00:00Z'),
        });
        oneRsa.push(performance.now() - s);
      }
      const peerMs = peer ? peer(d.pdf) : NaN;
      const ours = median(oneRsa);
      const na = Number.isNaN(peerMs);
      rows.push(
        `| ${d.label} | ${d.pages} | ${(signed.length / 1024).toFixed(0)} | ${median(signTimes).toFixed(1)} | ${median(verifyTimes).toFixed(1)} | ${ours.toFixed(1)} | ${na ? 'n/a' : peerMs.toFixed(1)} | ${na ? 'n/a' : (ours / peerMs).toFixed(2)} |`,
      );
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  rows.push(
    '',
    'Sign: three signers in turn (two ECDSA P-256 keys and one RSA 2048), median per signature; verify: all three with the chain, median. ' +
      'Peer: the same rendered file with its empty signature fields, signed once by the same RSA 2048 key (SHA-256) by Justera in-process and by ' +
      "`pdfsig -add-signature` (poppler, NSS database made in the run, new field of its own, adbe.pkcs7.detached), median; pdfsig's time includes " +
      'process start and NSS start-up. RSA because poppler 22.12 fails on about half of ECDSA signings ("unable update signature": the DER length varies).',
  );
  console.log(rows.join('\n'));
}

/** An NSS database holding the secretary's key, for poppler's pdfsig; null when tools are missing. */
function setUpPdfsig(dir: string, id: Identity, ca: Identity): ((pdf: Uint8Array) => number) | null {
  const has = (t: string) => spawnSync('which', [t]).status === 0;
  if (!has('pdfsig') || !has('certutil') || !has('pk12util')) return null;
  const nss = join(dir, 'nss');
  execFileSync('mkdir', ['-p', nss]);
  execFileSync('certutil', ['-N', '-d', `sql:${nss}`, '--empty-password']);
  const p12 = writeP12(dir, id, [ca], 'peer.p12', { password: 'bench' });
  execFileSync('pk12util', ['-i', p12, '-d', `sql:${nss}`, '-W', 'bench'], { stdio: 'pipe' });
  const nick = execFileSync('certutil', ['-L', '-d', `sql:${nss}`], { encoding: 'utf8' })
    .split('\n')
    .find((l) => /u,u,u/.test(l))
    ?.replace(/\s+u,u,u\s*$/, '')
    .trim();
  if (!nick) return null;
  return (pdf) => {
    const input = join(dir, 'peer-in.pdf');
    writeFileSync(input, pdf);
    const times: number[] = [];
    for (let i = 0; i < runs; i += 1) {
      const s = performance.now();
      const r = spawnSync('pdfsig', ['-add-signature', '-nssdir', `sql:${nss}`, '-nick', nick, '-digest', 'SHA256', '-reason', 'Bench', input, join(dir, 'peer-out.pdf')], { encoding: 'utf8' });
      times.push(performance.now() - s);
      if (r.status !== 0) throw new Error(`pdfsig -add-signature failed (${r.status}): ${r.stderr.trim()}`);
    }
    return median(times);
  };
}

void main();
