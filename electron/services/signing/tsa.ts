// RFC 3161 time stamps: asks a TSA to stamp the signature value (PAdES B-T) and checks tokens.
import { createHash, randomBytes } from 'node:crypto';
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { isAppError } from '../../../core/api/errors';
import { certificateInfo, timeStampingCertificateProblems } from './certificates';
import { checkCms } from './cms-verify';
import { signingError } from './errors';
import { OID, hashNames } from './oids';
import { owned, toHex } from './pdf-text';

export interface TsaOptions {
  url: string;
  /** When true, an unreachable TSA yields a B-B signature and a warning instead of an error. */
  optional?: boolean;
  timeoutMs?: number;
}

export interface TimestampCheck {
  time?: Date;
  tsaSubject?: string;
  imprintMatches: boolean;
  signatureValid: boolean;
  certificates: Uint8Array[];
  signerCertificate?: Uint8Array;
  problems: string[];
}

function readTstInfo(eContent: Uint8Array | undefined): pkijs.TSTInfo | undefined {
  if (!eContent) return undefined;
  try {
    return pkijs.TSTInfo.fromBER(owned(eContent));
  } catch {
    return undefined;
  }
}

/** Checks that `token` is a validly signed time stamp over `stampedData` (the signature value). */
export function checkTimestampToken(token: Uint8Array, stampedData: Uint8Array): TimestampCheck {
  const cms = checkCms(token);
  // Anyone with a certificate can sign a TSTInfo: only a time-stamping certificate's token proves a time.
  const unfit = cms.signerCertificate ? timeStampingCertificateProblems(cms.signerCertificate) : [];
  const out: TimestampCheck = {
    imprintMatches: false,
    signatureValid: cms.signatureValid && cms.messageDigestMatches && cms.contentTypeMatches && !cms.weakDigest && cms.signerCount === 1 && unfit.length === 0,
    certificates: cms.certificates,
    signerCertificate: cms.signerCertificate,
    problems: [...cms.problems, ...unfit],
  };
  const tst = cms.eContentType === OID.tstInfo ? readTstInfo(cms.eContent) : undefined;
  if (!tst) {
    out.problems.push('Tidsstämpeln saknar läsbar TSTInfo.');
    return out;
  }
  out.time = tst.genTime;
  const hashName = hashNames[tst.messageImprint.hashAlgorithm.algorithmId];
  const expected = hashName ? createHash(hashName).update(stampedData).digest('hex') : '';
  out.imprintMatches = hashName !== undefined && hashName !== 'sha1' && toHex(tst.messageImprint.hashedMessage.valueBlock.valueHexView) === expected;
  if (hashName === 'sha1') out.problems.push('Tidsstämpeln stämplar en SHA-1-summa, som inte längre är säker; minst SHA-256 krävs.');
  else if (!out.imprintMatches) out.problems.push('Tidsstämpeln gäller inte den här signaturen.');
  if (cms.signerCertificate) out.tsaSubject = certificateInfo(cms.signerCertificate).subject;
  return out;
}

function isStaleConnection(e: unknown): boolean {
  const cause = e instanceof Error ? (e.cause as { code?: unknown } | undefined) : undefined;
  return cause?.code === 'ECONNRESET' || cause?.code === 'UND_ERR_SOCKET';
}

function unreachable(url: string, why: string) {
  return signingError(
    'signature',
    'tsa_unreachable',
    `Tidsstämpeltjänsten ${url} svarar inte (${why}). Kontrollera nätverket och försök igen, eller signera utan tidsstämpel om rutinerna tillåter det.`,
    { url, why },
  );
}

function rejected(url: string, why: string) {
  return signingError('signature', 'tsa_rejected', `Tidsstämpeltjänsten ${url} gav inget giltigt svar (${why}). Kontrollera adressen till tidsstämpeltjänsten eller kontakta IT-supporten.`, {
    url,
    why,
  });
}

/**
 * The request's nonce from random bytes: a positive INTEGER in minimal DER. A first byte of 0x00
 * (or one ≥ 0x80) would need padding or make it negative, and strict TSAs (OpenSSL's) reject a
 * padded INTEGER as a malformed request, about one request in 256 before this.
 */
export function nonceFrom(random: Uint8Array): Uint8Array {
  const nonce = new Uint8Array(random);
  nonce[0] = 0x40 | ((nonce[0] ?? 0) & 0x3f);
  return nonce;
}

/** Requests a token over SHA-256(stampedData); returns the TimeStampToken (ContentInfo) DER. */
export async function requestTimestampToken(url: string, stampedData: Uint8Array, timeoutMs = 15_000): Promise<Uint8Array> {
  const nonce = nonceFrom(randomBytes(8));
  const req = new pkijs.TimeStampReq({
    version: 1,
    messageImprint: new pkijs.MessageImprint({
      hashAlgorithm: new pkijs.AlgorithmIdentifier({ algorithmId: OID.sha256 }),
      hashedMessage: new asn1js.OctetString({ valueHex: createHash('sha256').update(stampedData).digest() }),
    }),
    nonce: new asn1js.Integer({ valueHex: nonce }),
    certReq: true,
  });
  let body: Uint8Array;
  const der = new Uint8Array(req.toSchema().toBER());
  const signal = AbortSignal.timeout(timeoutMs);
  const post = () => fetch(url, { method: 'POST', headers: { 'Content-Type': 'application/timestamp-query' }, body: der, signal });
  try {
    let res: Response;
    try {
      res = await post();
    } catch (e) {
      // A kept-alive connection the server closed while idle fails at once with ECONNRESET, before
      // anything was answered (seen with a TSA between two signatures on a busy machine). The query
      // is the same bytes and nothing was stamped yet, so it is sent once more on a new connection.
      if (!isStaleConnection(e)) throw e;
      res = await post();
    }
    if (!res.ok) throw rejected(url, `HTTP ${res.status}`);
    body = new Uint8Array(await res.arrayBuffer());
  } catch (e) {
    if (isAppError(e)) throw e;
    const cause = e instanceof Error && e.cause instanceof Error ? e.cause.message : e instanceof Error ? e.message : String(e);
    throw unreachable(url, cause);
  }
  const asn1 = asn1js.fromBER(body);
  if (asn1.offset === -1 || !(asn1.result instanceof asn1js.Sequence)) throw rejected(url, 'svaret är inte ett tidsstämpelsvar');
  let resp: pkijs.TimeStampResp;
  try {
    resp = new pkijs.TimeStampResp({ schema: asn1.result });
  } catch {
    throw rejected(url, 'svaret är inte ett tidsstämpelsvar');
  }
  const status = resp.status.status;
  const tokenSchema = asn1.result.valueBlock.value[1];
  if ((status !== 0 && status !== 1) || !tokenSchema) {
    const text = resp.status.statusStrings?.map((s) => s.valueBlock.value).join('; ') ?? '';
    throw rejected(url, `status ${status}${text ? `: ${text}` : ''}`);
  }
  const token = new Uint8Array(tokenSchema.valueBeforeDecodeView);
  const check = checkTimestampToken(token, stampedData);
  const tst = readTstInfo(checkCms(token).eContent);
  const nonceOk = tst?.nonce !== undefined && toHex(tst.nonce.valueBlock.valueHexView).replace(/^(00)+/, '') === toHex(nonce).replace(/^(00)+/, '');
  if (!check.imprintMatches || !check.signatureValid || !nonceOk) {
    throw rejected(url, [...check.problems, ...(nonceOk ? [] : ['fel nonce'])].join(' '));
  }
  return token;
}
