// Runs the real tools (pdfsig, openssl, qpdf, certutil) on signed files and parses what they say.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pem } from './pki';

export { hasTool } from '../../helpers/tools';

export interface PdfsigSignature {
  fieldName?: string;
  commonName?: string;
  distinguishedName?: string;
  signatureType?: string;
  validation?: string;
  certificateValidation?: string;
  totalDocumentSigned: boolean;
  /** pdfsig also lists empty signature fields ("The signature form field is not signed."). */
  signed: boolean;
  raw: string;
}

/** pdfsig exits 0 even for broken signatures, so the verdict comes from its text. */
export function pdfsig(file: string, nssDir?: string): { signatures: PdfsigSignature[]; output: string } {
  const args = nssDir ? ['-nssdir', `sql:${nssDir}`, file] : [file];
  const r = spawnSync('pdfsig', args, { encoding: 'utf8' });
  const output = `${r.stdout}${r.stderr}`;
  const blocks = output.split(/^Signature #\d+:$/m).slice(1);
  const field = (block: string, label: string) => new RegExp(`- ${label}: (.*)$`, 'm').exec(block)?.[1]?.trim();
  return {
    output,
    signatures: blocks.map((raw) => ({
      fieldName: field(raw, 'Signature Field Name'),
      commonName: field(raw, 'Signer Certificate Common Name'),
      distinguishedName: field(raw, 'Signer full Distinguished Name'),
      signatureType: field(raw, 'Signature Type'),
      validation: field(raw, 'Signature Validation'),
      certificateValidation: field(raw, 'Certificate Validation'),
      totalDocumentSigned: /- Total document signed/.test(raw),
      signed: !/form field is not signed/.test(raw),
      raw,
    })),
  };
}

export interface ExtractedSignature {
  cms: Uint8Array;
  signedContent: Uint8Array;
}

/** Pulls each /Contents and its signed bytes out by /ByteRange, independently of the library. */
export function extractSignatures(pdf: Uint8Array): ExtractedSignature[] {
  const text = Buffer.from(pdf).toString('latin1');
  const out: ExtractedSignature[] = [];
  for (const m of text.matchAll(/\/ByteRange\s*\[\s*(\d+)\s+(\d+)\s+(\d+)\s+(\d+)\s*\]/g)) {
    const [b, c, d] = [Number(m[2]), Number(m[3]), Number(m[4])];
    const hex = text.slice(b + 1, c - 1);
    if (/^0+$/.test(hex)) continue; // an unfilled placeholder
    const der = Buffer.from(hex, 'hex');
    // Strip the zero padding after the DER object.
    const len = der[1]! < 0x80 ? der[1]! + 2 : 2 + (der[1]! & 0x7f) + der.readUIntBE(2, der[1]! & 0x7f);
    out.push({
      cms: new Uint8Array(der.subarray(0, len)),
      signedContent: new Uint8Array(Buffer.concat([pdf.subarray(0, b), pdf.subarray(c, c + d)])),
    });
  }
  return out;
}

export function opensslCmsPrint(dir: string, cms: Uint8Array, name: string): string {
  const file = join(dir, `${name}.p7s`);
  writeFileSync(file, cms);
  return execFileSync('openssl', ['cms', '-cmsout', '-print', '-inform', 'DER', '-in', file], { encoding: 'utf8' });
}

export function opensslCmsVerify(dir: string, sig: ExtractedSignature, caDer: Uint8Array, name: string): string {
  const p7s = join(dir, `${name}.p7s`);
  const content = join(dir, `${name}.bin`);
  const ca = join(dir, `${name}.ca.pem`);
  writeFileSync(p7s, sig.cms);
  writeFileSync(content, sig.signedContent);
  writeFileSync(ca, pem('CERTIFICATE', caDer));
  const r = spawnSync('openssl', ['cms', '-verify', '-binary', '-inform', 'DER', '-in', p7s, '-content', content, '-CAfile', ca, '-purpose', 'any', '-out', '/dev/null'], {
    encoding: 'utf8',
  });
  return `${r.stdout}${r.stderr}`;
}

export function qpdfCheck(file: string): { ok: boolean; output: string } {
  const r = spawnSync('qpdf', ['--check', file], { encoding: 'utf8' });
  return { ok: r.status === 0, output: `${r.stdout}${r.stderr}` };
}

/** An NSS database trusting `caDer` for signatures, so pdfsig can judge the chain. */
export function nssDbTrusting(dir: string, caDer: Uint8Array): string {
  const db = join(dir, 'nssdb');
  mkdirSync(db, { recursive: true });
  const ca = join(dir, 'nss-ca.pem');
  writeFileSync(ca, pem('CERTIFICATE', caDer));
  execFileSync('certutil', ['-N', '-d', `sql:${db}`, '--empty-password']);
  execFileSync('certutil', ['-A', '-d', `sql:${db}`, '-n', 'justera-test-ca', '-t', 'CT,C,C', '-i', ca]);
  return db;
}
