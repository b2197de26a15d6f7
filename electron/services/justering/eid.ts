// JusteringServices.startEid: a PAdES signature through a central signing service (Sweden Connect
// DSS profile). Reads the municipality's requester key, checks that the service can be reached
// at all (else the computer is offline: say so, the package route still works), starts the
// one-time loopback, and signs the field with a RemoteSigner whose response is checked completely
// (signservice/response.ts) before any CMS is made. Failures become AppErrors with a stable
// details.reason the renderer turns into its catalogue's words.
import { X509Certificate } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { connect } from 'node:net';
import { AppError } from '../../../core/api/errors';
import type { EidSession, EidSignInput } from '../../../core/app/justering/ports';
import { openPkcs12Key } from '../signing/p12';
import { signPdf } from '../signing';
import { openLoopback, SignServiceCancelled } from '../signing/signservice/loopback';
import { LOA } from '../signing/signservice/names';
import { signServiceSigner } from '../signing/signservice/remote';
import type { SignServiceConfig } from '../signing/signservice/request';
import { SignServiceError } from '../signing/signservice/response';
import { timestampOutcome } from './timestamp';

const TIME_ZONE = 'Europe/Stockholm';
const TSA_TIMEOUT_MS = 10_000;
const REACH_TIMEOUT_MS = 5_000;

export const UNREACHABLE_MESSAGE =
  'Signeringstjänsten kan inte nås — datorn verkar vara utan nätverk. Använd underskriftspaket i stället: exportera paketet och skriv under det på en dator med nätverk, eller försök igen när nätverket fungerar.';

export interface EidOptions {
  /** Opens the loopback page in the system browser (the desktop app: shell.openExternal). */
  openExternal?: ((url: string) => Promise<void>) | undefined;
}

/** Whether a TCP connection to the service's host and port opens within a few seconds. */
function reachable(url: URL): Promise<boolean> {
  const port = url.port !== '' ? Number(url.port) : url.protocol === 'https:' ? 443 : 80;
  const host = url.hostname.replace(/^\[|\]$/g, '');
  return new Promise((resolve) => {
    const socket = connect({ host, port });
    const done = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(REACH_TIMEOUT_MS, () => done(false));
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
  });
}

function pemToDer(pem: string, what: string): Uint8Array {
  try {
    return new Uint8Array(new X509Certificate(pem).raw);
  } catch {
    throw new AppError('validation', `${what} kan inte läsas. Klistra in certifikatet på nytt under Inställningar → Underskriftstjänster.`, { reason: 'eid_settings' });
  }
}

async function requesterKey(service: EidSignInput['service']) {
  let p12: Uint8Array;
  let password: string;
  try {
    p12 = new Uint8Array(await readFile(service.requesterP12Path));
    password = (await readFile(service.requesterPasswordFile, 'utf8')).replace(/\r?\n$/, '');
  } catch {
    throw new AppError(
      'io',
      `Kommunens signeringsnyckel för ${service.name} kan inte läsas (${service.requesterP12Path} och lösenordsfilen ${service.requesterPasswordFile}). Kontrollera sökvägarna under Inställningar → Underskriftstjänster, eller kontakta IT-supporten.`,
      { reason: 'eid_settings' },
    );
  }
  try {
    const { key, chain } = await openPkcs12Key(p12, password);
    if (key.asymmetricKeyType !== 'rsa') throw new Error('rsa');
    return { key, certificate: chain[0] as Uint8Array };
  } catch {
    throw new AppError(
      'validation',
      `Kommunens signeringsnyckel för ${service.name} (${service.requesterP12Path}) kan inte öppnas med lösenordet i ${service.requesterPasswordFile}, eller är ingen RSA-nyckel. Kontrollera filerna, eller kontakta IT-supporten.`,
      { reason: 'eid_settings' },
    );
  }
}

/** A refusal of the response or a closed loopback, as the AppError the use case passes on. */
export function eidError(e: unknown): unknown {
  if (e instanceof SignServiceError) {
    return new AppError('signature', e.message, { reason: `eid_${e.failure}`, ...(e.serviceMessage === null ? {} : { serviceMessage: e.serviceMessage }) });
  }
  if (e instanceof SignServiceCancelled) {
    return e.reason === 'timeout'
      ? new AppError('signature', 'Inget svar kom från signeringstjänsten i tid. Inget har sparats; försök igen.', { reason: 'eid_timeout' })
      : new AppError('signature', 'Underskriften med e-legitimation avbröts. Inget har sparats.', { reason: 'eid_cancelled' });
  }
  return e;
}

export async function startEid(input: EidSignInput, options: EidOptions): Promise<EidSession> {
  const s = input.service;
  const config: SignServiceConfig = {
    signServiceEntityId: s.signServiceEntityId,
    signServiceUrl: s.signServiceUrl,
    serviceCertificate: pemToDer(s.serviceCertificatePem, `Certifikatet för ${s.name}`),
    identityProvider: s.identityProvider,
    requesterEntityId: s.requesterEntityId,
    loa: LOA[s.loa],
  };
  const requester = await requesterKey(s);
  if (!(await reachable(new URL(s.signServiceUrl)))) {
    throw new AppError('signature', UNREACHABLE_MESSAGE, { reason: 'eid_unreachable', service: s.name });
  }
  let ready: (url: string) => void = () => {};
  const opened = new Promise<string>((resolve) => {
    ready = resolve;
  });
  const session = await openLoopback(
    s.signServiceUrl,
    async (url) => {
      ready(url);
      if (options.openExternal) await options.openExternal(url);
    },
    input.timeoutMs,
  );
  const result = signPdf(input.pdf, {
    fieldName: input.field,
    role: input.role,
    signerName: input.signerName,
    signingTime: input.signingTime,
    reason: input.reason,
    timeZone: TIME_ZONE,
    ...(input.tsaUrl === null ? {} : { tsa: { url: input.tsaUrl, optional: true, timeoutMs: TSA_TIMEOUT_MS } }),
    signer: signServiceSigner({
      config,
      requesterKey: requester.key,
      requesterCertificate: requester.certificate,
      personnummer: input.personnummer,
      signMessage: input.signMessage,
      returnUrl: session.returnUrl,
      anchors: input.trustAnchors,
      now: input.now,
      exchange: (request) => session.exchange(request),
    }),
  })
    .then((r) => ({ pdf: r.pdf, timestamp: timestampOutcome(input.tsaUrl, r.level, r.timestampFailure), certificateSha256: r.certificate.sha256 }))
    .catch((e: unknown) => {
      throw eidError(e);
    })
    .finally(() => session.close());
  // Handled by the caller; this only keeps an early failure from counting as unhandled meanwhile.
  result.catch(() => {});
  // The page is served only once the request exists; a failure before that (the field, the PDF)
  // is the start's own error.
  const url = await Promise.race([opened, result.then(() => session.startUrl)]);
  return { url, opened: options.openExternal !== undefined, result, cancel: () => session.close('cancel') };
}
