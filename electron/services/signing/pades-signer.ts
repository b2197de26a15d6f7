// Our Signer for @signpdf/signpdf (its documented extension point, @signpdf/utils' Signer): the
// library finds the placeholder, computes the byte range, hands us the signed bytes and embeds what
// we return. We return a PAdES CMS (pkijs, cms.ts): signing-certificate-v2 and no signing-time,
// which @signpdf/signer-p12 does not write; the key is any key source (PKCS#12 file, PKCS#11 card).
import { createHash } from 'node:crypto';
import { Signer as SignPdfSigner } from '@signpdf/utils';
import { isAppError } from '../../../core/api/errors';
import { assertUsableForSigning, type CertificateInfo } from './certificates';
import { assembleCms, attributesOf, prepareSignedAttributes } from './cms';
import { checkCms } from './cms-verify';
import { signingError } from './errors';
import type { RemoteSigner, Signer } from './signer';
import { requestTimestampToken, type TsaOptions } from './tsa';

/** Why a time stamp that was asked for is missing: the service did not answer, or answered wrongly. */
export interface TimestampFailure {
  reason: 'tsa_unreachable' | 'tsa_rejected';
  /** The cause in the service's or the network's words, e.g. "HTTP 500" or "ECONNREFUSED". */
  why: string;
}

export class PadesCmsSigner extends SignPdfSigner {
  /** Set when a time stamp was asked for and could not be added (B-B instead of B-T). */
  readonly warnings: string[] = [];
  /** Why the optional time stamp is missing, as data (tsa.ts' reason and cause), or null. */
  timestampFailure: TimestampFailure | null = null;
  timestamped = false;

  constructor(
    private readonly key: Signer,
    private readonly chain: Uint8Array[],
    protected readonly tsa?: TsaOptions,
  ) {
    super();
  }

  /** `signedContent`: the file without the /Contents hex string, as the byte range covers it. */
  override async sign(signedContent: Buffer): Promise<Buffer> {
    const [leaf] = this.chain;
    if (!leaf) throw signingError('signature', 'key_missing', 'Inget certifikat hittades för underskriften.');
    const digest = new Uint8Array(createHash('sha256').update(signedContent).digest());
    const { attributes, toSign } = prepareSignedAttributes(leaf, digest);
    const signature = await this.key.sign(toSign);
    return this.finish(signedContent, { chain: this.chain, keyAlgorithm: this.key.keyAlgorithm, attributes, signature });
  }

  protected async finish(signedContent: Buffer, made: Omit<Parameters<typeof assembleCms>[0], 'timeStampToken'>): Promise<Buffer> {
    const { signature } = made;
    const token = await this.timestampFor(signature);
    this.timestamped = token !== undefined;
    const cms = assembleCms({ ...made, timeStampToken: token });
    // A key that does not belong to the certificate must never produce a file.
    const self = checkCms(cms, [signedContent]);
    if (!self.signatureValid || !self.messageDigestMatches || !self.signerCertificate) {
      throw signingError(
        'signature',
        'signature_self_check',
        'Underskriften kunde inte kontrolleras direkt efter att den skapats; nyckeln hör troligen inte till certifikatet. Välj rätt certifikat och försök igen.',
        { problems: self.problems },
      );
    }
    return Buffer.from(cms);
  }

  private async timestampFor(signature: Uint8Array): Promise<Uint8Array | undefined> {
    if (!this.tsa) return undefined;
    try {
      return await requestTimestampToken(this.tsa.url, signature, this.tsa.timeoutMs);
    } catch (e) {
      if (!this.tsa.optional || !isAppError(e)) throw e;
      this.warnings.push(`Signaturen saknar tidsstämpel (nivå B-B): ${e.message}`);
      const details = (e.details ?? {}) as { reason?: unknown; why?: unknown };
      this.timestampFailure = { reason: details.reason === 'tsa_unreachable' ? 'tsa_unreachable' : 'tsa_rejected', why: typeof details.why === 'string' ? details.why : e.message };
      return undefined;
    }
  }
}

/**
 * The same for a remote signer (a central signing service): the certificate exists only once the
 * service has signed, so the signed attributes and the chain come back with the signature.
 */
export class RemotePadesCmsSigner extends PadesCmsSigner {
  /** The issued certificate, known after sign(). */
  certificate: CertificateInfo | undefined;

  constructor(
    private readonly remote: RemoteSigner,
    private readonly signingTime: Date,
    tsa?: TsaOptions,
  ) {
    super({ keyAlgorithm: 'RSA', certificateChain: () => Promise.resolve([]), sign: () => Promise.reject(new Error('remote')) }, [], tsa);
  }

  override async sign(signedContent: Buffer): Promise<Buffer> {
    const digest = new Uint8Array(createHash('sha256').update(signedContent).digest());
    const r = await this.remote.signDigest(digest);
    const [leaf] = r.chain;
    const attributes = attributesOf(r.signedAttributes);
    if (!leaf || !attributes) throw signingError('signature', 'key_missing', 'Underskriftstjänsten returnerade inget användbart certifikat.');
    this.certificate = assertUsableForSigning(leaf, this.signingTime);
    return this.finish(signedContent, { chain: r.chain, keyAlgorithm: r.keyAlgorithm, attributes, signature: r.signature });
  }
}
