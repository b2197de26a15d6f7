// Reading certificate files a user hands in (a municipality's root CA, a chain): PEM with one or
// more CERTIFICATE blocks, or one DER certificate. Used by the trust store and `--trust`.
import { X509Certificate } from 'node:crypto';
import { AppError } from '../../../core/api/errors';
import type { CertificateFacts } from '../../../core/app/trust/ports';
import { certificateInfo } from './certificates';

/** PEM files may hold several certificates; DER holds one. Bytes that are neither are returned as one "DER" for the parser to refuse. */
export function pemOrDer(bytes: Uint8Array): Uint8Array[] {
  const text = Buffer.from(bytes).toString('latin1');
  const blocks = [...text.matchAll(/-----BEGIN CERTIFICATE-----([\s\S]*?)-----END CERTIFICATE-----/g)];
  if (blocks.length === 0) return [bytes];
  return blocks.map((m) => new Uint8Array(Buffer.from((m[1] ?? '').replace(/\s+/g, ''), 'base64')));
}

const unreadable = () =>
  new AppError(
    'validation',
    'Filen innehåller inget certifikat som kan läsas. Välj rotcertifikatet som en .pem-, .crt- eller .cer-fil (PEM eller DER), t.ex. SITHS e-id Root CA v2 hämtad från utfärdarens webbplats.',
  );

/** Every certificate in the file, with the facts shown before it is trusted. */
export function readCertificateFile(bytes: Uint8Array): CertificateFacts[] {
  if (bytes.length === 0) throw unreadable();
  const ders = pemOrDer(bytes);
  return ders.map((der) => {
    let x: X509Certificate;
    try {
      x = new X509Certificate(der);
    } catch {
      throw unreadable();
    }
    const info = certificateInfo(der);
    return {
      subject: info.subject,
      issuer: info.issuer,
      notBefore: info.notBefore.toISOString(),
      notAfter: info.notAfter.toISOString(),
      sha256: info.sha256,
      isCa: x.ca,
      selfSigned: x.checkIssued(x) && x.verify(x.publicKey),
      der: new Uint8Array(der),
    };
  });
}
