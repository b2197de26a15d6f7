// Certificate revocation lists made at test time with pkijs (RFC 5280 § 5), signed with a test
// CA's key — or with another key, for a CRL that claims an issuer it is not from. Test code only.
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import type { Identity } from './pki';

export interface CrlOptions {
  thisUpdate: Date;
  /** null leaves nextUpdate out. */
  nextUpdate: Date | null;
  revoked?: { cert: Identity; at: Date; reason?: number }[];
  /** The key the CRL is signed with (default: the issuer's own). */
  signedBy?: Identity;
  /** A delta CRL (deltaCRLIndicator). */
  delta?: boolean;
  crlNumber?: number;
}

const time = (d: Date) => new pkijs.Time({ type: d.getUTCFullYear() < 2050 ? 0 : 1, value: d });

export async function makeCrl(issuer: Identity, o: CrlOptions): Promise<Uint8Array> {
  const crl = new pkijs.CertificateRevocationList();
  crl.version = 1;
  crl.issuer = pkijs.Certificate.fromBER(new Uint8Array(issuer.certDer)).subject;
  crl.thisUpdate = time(o.thisUpdate);
  if (o.nextUpdate !== null) crl.nextUpdate = time(o.nextUpdate);
  if (o.revoked && o.revoked.length > 0) {
    crl.revokedCertificates = o.revoked.map(
      (r) =>
        new pkijs.RevokedCertificate({
          userCertificate: pkijs.Certificate.fromBER(new Uint8Array(r.cert.certDer)).serialNumber,
          revocationDate: time(r.at),
          ...(r.reason === undefined
            ? {}
            : { crlEntryExtensions: new pkijs.Extensions({ extensions: [new pkijs.Extension({ extnID: '2.5.29.21', extnValue: new asn1js.Enumerated({ value: r.reason }).toBER(false) })] }) }),
        }),
    );
  }
  const extensions = [new pkijs.Extension({ extnID: '2.5.29.20', extnValue: new asn1js.Integer({ value: o.crlNumber ?? 1 }).toBER(false) })];
  if (o.delta) extensions.push(new pkijs.Extension({ extnID: '2.5.29.27', critical: true, extnValue: new asn1js.Integer({ value: 0 }).toBER(false) }));
  crl.crlExtensions = new pkijs.Extensions({ extensions });
  await crl.sign((o.signedBy ?? issuer).cryptoKey, 'SHA-256');
  return new Uint8Array(crl.toSchema(true).toBER(false));
}
