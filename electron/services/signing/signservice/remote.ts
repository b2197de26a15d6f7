// A RemoteSigner over a central signing service: sends the document digest as PAdES signed
// attributes in a signed DSS SignRequest, lets `exchange` carry it through the user's browser,
// and accepts the SignResponse only after every check in response.ts.
import type { KeyObject } from 'node:crypto';
import { signedAttributesForService } from '../cms';
import type { RemoteSigner } from '../signer';
import { buildSignRequest, type BuiltSignRequest, type SignServiceConfig } from './request';
import { checkSignResponse } from './response';

/** Carries the request to the service through the browser and brings back the response XML. */
export type SignServiceExchange = (request: BuiltSignRequest) => Promise<string>;

export interface SignServiceSignerOptions {
  config: SignServiceConfig;
  requesterKey: KeyObject;
  requesterCertificate: Uint8Array;
  personnummer: string;
  signMessage: string;
  /** Loopback URL the response is posted to. */
  returnUrl: string;
  anchors: Uint8Array[];
  now: () => Date;
  exchange: SignServiceExchange;
}

/** Room for a service-issued chain (leaf + issuing CA + root, RSA up to 4096 bits) and the attributes. */
const CONTENTS_SIZE = 24 * 1024;

export function signServiceSigner(options: SignServiceSignerOptions): RemoteSigner {
  return {
    kind: 'remote',
    contentsSize: CONTENTS_SIZE,
    async signDigest(contentDigest) {
      const requestTime = options.now();
      const request = buildSignRequest({
        config: options.config,
        requesterKey: options.requesterKey,
        requesterCertificate: options.requesterCertificate,
        personnummer: options.personnummer,
        signMessage: options.signMessage,
        toBeSigned: signedAttributesForService(contentDigest),
        returnUrl: options.returnUrl,
        now: requestTime,
      });
      const xml = await options.exchange(request);
      const checked = checkSignResponse(xml, {
        config: options.config,
        requestId: request.requestId,
        signTaskId: request.signTaskId,
        requestTime,
        now: options.now(),
        personnummer: options.personnummer,
        contentDigest,
        anchors: options.anchors,
      });
      return { chain: checked.chain, keyAlgorithm: checked.keyAlgorithm, signedAttributes: checked.signedAttributes, signature: checked.signature };
    },
  };
}
