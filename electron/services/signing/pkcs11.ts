// A Signer on a PKCS#11 token (SITHS card via its middleware, or SoftHSM in tests). pkcs11js is a
// native module, loaded lazily so that everything else works where it is not built.
import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import type * as P11 from 'pkcs11js';
import { isAppError } from '../../../core/api/errors';
import { certificateInfo, orderChain, publicKeyDer, type CertificateInfo } from './certificates';
import { signingError } from './errors';
import { toHex } from './pdf-text';
import { ecdsaRawToDer, type KeyAlgorithm, type Signer } from './signer';

type Pkcs11Lib = typeof P11;
type Handle = Buffer;

export interface Pkcs11TokenInfo {
  slotIndex: number;
  slotId: string;
  slotDescription: string;
  tokenLabel: string;
  manufacturer: string;
  model: string;
  serialNumber: string;
}

export interface Pkcs11SignerOptions {
  /** Path to the PKCS#11 library, e.g. the SITHS middleware or /usr/lib/softhsm/libsofthsm2.so. */
  modulePath: string;
  /** Which token; may be left out when exactly one is present. */
  tokenLabel?: string;
  tokenSerial?: string;
  pin: string;
  /** Which key (CKA_ID as hex, or CKA_LABEL); else the one whose certificate is meant for signing. */
  keyId?: string;
  keyLabel?: string;
  /** Issuer certificates not on the token (e.g. the SITHS CA chain shipped with the app). */
  extraCertificates?: Uint8Array[];
}

export interface Pkcs11Signer extends Signer {
  certificate: CertificateInfo;
  tokenLabel: string;
  close(): Promise<void>;
}

// The package folder to load pkcs11js from instead of node_modules (whose addon is built for
// Node): the Electron main process in development names its own build, .electron-native/<abi>/
// node_modules/pkcs11js (see electron/native.ts). Its index.js loads the addon beside it.
let pkcs11jsPackage: string | undefined;

/** Where pkcs11js is loaded from from now on; undefined returns to node_modules. */
export function usePkcs11js(packageDir: string | undefined): void {
  pkcs11jsPackage = packageDir;
}

async function loadLib(): Promise<Pkcs11Lib> {
  try {
    const mod: unknown = pkcs11jsPackage === undefined ? await import('pkcs11js') : createRequire(import.meta.url)(pkcs11jsPackage);
    const withDefault = mod as { default?: Pkcs11Lib };
    return withDefault.default ?? (mod as Pkcs11Lib);
  } catch (e) {
    throw signingError('signature', 'pkcs11_unavailable', 'Stöd för kortläsare (PKCS#11) saknas i den här installationen. Installera om Justera, eller signera med en certifikatfil.', {
      cause: e instanceof Error ? e.message : String(e),
    });
  }
}

interface LoadedModule {
  lib: Pkcs11Lib;
  p11: P11.PKCS11;
  users: number;
}
// C_Initialize is per process and library; share it between signers and finalise with the last one.
const modules = new Map<string, LoadedModule>();

function pkcs11Code(e: unknown): string {
  return e instanceof Error && /^CKR_/.test(e.message) ? e.message : '';
}

function translate(e: unknown, what: string): Error {
  if (isAppError(e)) return e;
  const code = pkcs11Code(e);
  switch (code) {
    case 'CKR_PIN_INCORRECT':
    case 'CKR_PIN_INVALID':
    case 'CKR_PIN_LEN_RANGE':
      return signingError('signature', 'wrong_pin', 'Fel PIN-kod. Försök igen; efter flera felaktiga försök spärras kortet.');
    case 'CKR_PIN_LOCKED':
      return signingError('signature', 'pin_locked', 'PIN-koden är spärrad efter för många felaktiga försök. Lås upp kortet med PUK-koden eller kontakta den som administrerar e-tjänstekorten.');
    case 'CKR_TOKEN_NOT_PRESENT':
    case 'CKR_DEVICE_REMOVED':
    case 'CKR_TOKEN_NOT_RECOGNIZED':
      return signingError('signature', 'token_missing', 'Kortet hittas inte. Sätt i kortet i kortläsaren och försök igen.');
    default:
      return signingError('signature', 'pkcs11_error', `Kortläsaren svarade med ett fel när ${what} (${code || (e instanceof Error ? e.message : String(e))}).`, {
        code,
      });
  }
}

async function acquire(modulePath: string): Promise<LoadedModule> {
  const existing = modules.get(modulePath);
  if (existing) {
    existing.users++;
    return existing;
  }
  const lib = await loadLib();
  const p11 = new lib.PKCS11();
  try {
    p11.load(modulePath);
  } catch (e) {
    throw signingError('signature', 'pkcs11_unavailable', `Programvaran för kortläsaren (${modulePath}) kunde inte laddas. Kontrollera att kortläsarprogrammet är installerat.`, {
      cause: e instanceof Error ? e.message : String(e),
    });
  }
  try {
    p11.C_Initialize();
  } catch (e) {
    if (pkcs11Code(e) !== 'CKR_CRYPTOKI_ALREADY_INITIALIZED') throw translate(e, 'kortläsaren startades');
  }
  const loaded = { lib, p11, users: 1 };
  modules.set(modulePath, loaded);
  return loaded;
}

function release(modulePath: string): void {
  const m = modules.get(modulePath);
  if (!m || --m.users > 0) return;
  modules.delete(modulePath);
  try {
    m.p11.C_Finalize();
  } finally {
    m.p11.close();
  }
}

const trim = (s: string): string => s.replace(/\0/g, '').trim();

/** Slots holding an initialised token (SoftHSM and some middleware also show an empty one). */
function tokens(m: LoadedModule): (Pkcs11TokenInfo & { handle: Handle })[] {
  return m.p11.C_GetSlotList(true).flatMap((handle, slotIndex) => {
    const token = m.p11.C_GetTokenInfo(handle);
    if ((token.flags & m.lib.CKF_TOKEN_INITIALIZED) === 0) return [];
    const slot = m.p11.C_GetSlotInfo(handle);
    return {
      handle,
      slotIndex,
      slotId: toHex(handle),
      slotDescription: trim(slot.slotDescription),
      tokenLabel: trim(token.label),
      manufacturer: trim(token.manufacturerID),
      model: trim(token.model),
      serialNumber: trim(token.serialNumber),
    };
  });
}

/** Lists slots that hold a token, with labels to show in a "choose card" dialog. */
export async function listPkcs11Tokens(modulePath: string): Promise<Pkcs11TokenInfo[]> {
  const m = await acquire(modulePath);
  try {
    return tokens(m).map(({ handle: _handle, ...info }) => info);
  } catch (e) {
    throw translate(e, 'korten listades');
  } finally {
    release(modulePath);
  }
}

export interface Pkcs11SlotInfo {
  slotIndex: number;
  slotDescription: string;
  tokenLabel: string;
  tokenSerial: string;
  manufacturer: string;
  /** A present, initialised token. */
  hasToken: boolean;
}

// CK_SLOT_INFO flag (PKCS#11 §3.2); pkcs11js does not export the slot flags.
const CKF_TOKEN_PRESENT = 0x1;

/** Every slot of the module (also empty card readers), for a "choose card" dialog. */
export async function listPkcs11Slots(modulePath: string): Promise<Pkcs11SlotInfo[]> {
  const m = await acquire(modulePath);
  try {
    return m.p11.C_GetSlotList(false).map((handle, slotIndex) => {
      const slot = m.p11.C_GetSlotInfo(handle);
      const present = (slot.flags & CKF_TOKEN_PRESENT) !== 0;
      const token = present ? m.p11.C_GetTokenInfo(handle) : undefined;
      const ready = token !== undefined && (token.flags & m.lib.CKF_TOKEN_INITIALIZED) !== 0;
      return {
        slotIndex,
        slotDescription: trim(slot.slotDescription),
        tokenLabel: ready ? trim(token.label) : '',
        tokenSerial: ready ? trim(token.serialNumber) : '',
        manufacturer: trim(token?.manufacturerID ?? slot.manufacturerID),
        hasToken: ready,
      };
    });
  } catch (e) {
    throw translate(e, 'kortplatserna listades');
  } finally {
    release(modulePath);
  }
}

interface TokenObject {
  handle: Handle;
  id: string;
  label: string;
}

function findObjects(m: LoadedModule, session: Handle, objectClass: number, extra: number[]): (TokenObject & { values: Buffer[] })[] {
  const { p11, lib } = m;
  p11.C_FindObjectsInit(session, [{ type: lib.CKA_CLASS, value: objectClass }]);
  const handles: Handle[] = [];
  try {
    for (;;) {
      const batch = p11.C_FindObjects(session, 32);
      if (batch.length === 0) break;
      handles.push(...batch);
    }
  } finally {
    p11.C_FindObjectsFinal(session);
  }
  return handles.map((handle) => {
    const attrs = p11.C_GetAttributeValue(session, handle, [{ type: lib.CKA_ID }, { type: lib.CKA_LABEL }, ...extra.map((type) => ({ type }))]);
    return {
      handle,
      id: toHex(attrs[0]?.value ?? Buffer.alloc(0)),
      label: (attrs[1]?.value ?? Buffer.alloc(0)).toString('utf8'),
      values: attrs.slice(2).map((a) => a.value),
    };
  });
}

// DigestInfo prefix for SHA-256, for tokens that only offer raw CKM_RSA_PKCS.
const SHA256_DIGEST_INFO = Buffer.from('3031300d060960864801650304020105000420', 'hex');

export async function openPkcs11Signer(options: Pkcs11SignerOptions): Promise<Pkcs11Signer> {
  const m = await acquire(options.modulePath);
  const { p11, lib } = m;
  let session: Handle | undefined;
  try {
    const present = tokens(m);
    const wanted = present.filter((t) => (options.tokenLabel === undefined || t.tokenLabel === options.tokenLabel) && (options.tokenSerial === undefined || t.serialNumber === options.tokenSerial));
    const token = wanted[0];
    if (!token || (wanted.length > 1 && options.tokenLabel === undefined && options.tokenSerial === undefined)) {
      throw signingError(
        'signature',
        'token_missing',
        present.length === 0 ? 'Inget kort hittades i kortläsaren. Sätt i kortet och försök igen.' : `Välj vilket kort som ska användas (${present.map((t) => t.tokenLabel).join(', ')}).`,
        { tokens: present.map((t) => t.tokenLabel) },
      );
    }
    session = p11.C_OpenSession(token.handle, lib.CKF_SERIAL_SESSION);
    try {
      p11.C_Login(session, lib.CKU_USER, options.pin);
    } catch (e) {
      if (pkcs11Code(e) !== 'CKR_USER_ALREADY_LOGGED_IN') throw translate(e, 'PIN-koden kontrollerades');
    }
    const keys = findObjects(m, session, lib.CKO_PRIVATE_KEY, [lib.CKA_KEY_TYPE]);
    const certs = findObjects(m, session, lib.CKO_CERTIFICATE, [lib.CKA_VALUE]).map((c) => ({ ...c, der: new Uint8Array(c.values[0] ?? []) }));
    const candidates = keys
      .filter((k) => (options.keyId === undefined || k.id === options.keyId.toLowerCase()) && (options.keyLabel === undefined || k.label === options.keyLabel))
      .flatMap((k) => certs.filter((c) => c.id === k.id && c.der.length > 0).map((c) => ({ key: k, cert: c, ku: certificateInfo(c.der).keyUsage })));
    // SITHS cards carry an authentication and a signing certificate; prefer the signing one.
    const rank = (ku: string[] | null): number => (ku === null ? 1 : ku.includes('nonRepudiation') ? 0 : ku.includes('digitalSignature') ? 2 : 3);
    candidates.sort((a, b) => rank(a.ku) - rank(b.ku));
    const chosen = candidates[0];
    if (!chosen) {
      throw signingError('signature', 'key_missing', 'Kortet har ingen nyckel med tillhörande certifikat för underskrift. Kontrollera att rätt kort sitter i läsaren.');
    }
    const keyType = chosen.key.values[0]?.readUIntLE(0, Math.min(6, chosen.key.values[0].length)) ?? -1;
    const keyAlgorithm: KeyAlgorithm | undefined = keyType === lib.CKK_RSA ? 'RSA' : keyType === lib.CKK_EC ? 'ECDSA' : undefined;
    if (!keyAlgorithm) throw signingError('signature', 'unsupported_key', 'Nyckeltypen på kortet stöds inte; RSA eller ECDSA krävs.');
    const mechanisms = new Set(p11.C_GetMechanismList(token.handle));
    const chain = orderChain(chosen.cert.der, [...certs.filter((c) => c !== chosen.cert).map((c) => c.der), ...(options.extraCertificates ?? [])]);
    const openSession = session;
    const keyHandle = chosen.key.handle;
    publicKeyDer(chosen.cert.der); // fails early on an unreadable certificate

    const sign = async (data: Uint8Array): Promise<Uint8Array> => {
      try {
        if (keyAlgorithm === 'ECDSA') {
          const hash = createHash('sha256').update(data).digest();
          p11.C_SignInit(openSession, { mechanism: lib.CKM_ECDSA }, keyHandle);
          return ecdsaRawToDer(new Uint8Array(p11.C_Sign(openSession, hash, Buffer.alloc(256))));
        }
        if (mechanisms.has(lib.CKM_SHA256_RSA_PKCS)) {
          p11.C_SignInit(openSession, { mechanism: lib.CKM_SHA256_RSA_PKCS }, keyHandle);
          return new Uint8Array(p11.C_Sign(openSession, Buffer.from(data), Buffer.alloc(1024)));
        }
        const digestInfo = Buffer.concat([SHA256_DIGEST_INFO, createHash('sha256').update(data).digest()]);
        p11.C_SignInit(openSession, { mechanism: lib.CKM_RSA_PKCS }, keyHandle);
        return new Uint8Array(p11.C_Sign(openSession, digestInfo, Buffer.alloc(1024)));
      } catch (e) {
        throw translate(e, 'underskriften gjordes');
      }
    };
    let closed = false;
    return {
      keyAlgorithm,
      tokenLabel: token.tokenLabel,
      certificate: certificateInfo(chosen.cert.der),
      certificateChain: () => Promise.resolve(chain),
      sign,
      close: () => {
        if (closed) return Promise.resolve();
        closed = true;
        try {
          p11.C_Logout(openSession);
        } catch {
          // already logged out (card removed): closing the session is what matters
        }
        try {
          p11.C_CloseSession(openSession);
        } finally {
          release(options.modulePath);
        }
        return Promise.resolve();
      },
    };
  } catch (e) {
    if (session) {
      try {
        p11.C_CloseSession(session);
      } catch {
        // the original error is the one to report
      }
    }
    release(options.modulePath);
    throw translate(e, 'kortet användes');
  }
}
