// The signing credential is defined once (core/api/contracts/credential.ts): every method that
// signs takes the same `credential` and refuses the same bad ones with the same message, and the
// use cases receive it decoded by one function (openCredential) in the shape the signing port opens.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { contract } from '../../core/api/contract';
import { credentialSchema, openCredential, type Credential } from '../../core/api/contracts/credential';
import { bytesToBase64 } from '../../core/format/base64';

const SIGNING_METHODS = ['justering.sign', 'documents.sign', 'justering.signPackage'] as const;

function inputWith(method: (typeof SIGNING_METHODS)[number], credential: unknown): unknown {
  return method === 'justering.signPackage' ? { content: '{}', credential } : { versionId: 'v1', field: 'sig-ordforande', credential };
}

const moduleId = fc.oneof(fc.constantFrom('chosen', 'configured'), fc.stringMatching(/^known:[a-z0-9-]{1,12}$/));
const goodCredential: fc.Arbitrary<Credential> = fc.oneof(
  fc.record({ kind: fc.constant('p12' as const), p12Base64: fc.uint8Array({ minLength: 1, maxLength: 64 }).map(bytesToBase64), password: fc.string() }),
  fc.record(
    { kind: fc.constant('pkcs11' as const), moduleId, tokenSerial: fc.string({ minLength: 1 }), tokenLabel: fc.string({ minLength: 1 }), pin: fc.string({ minLength: 1 }) },
    { requiredKeys: ['kind', 'moduleId', 'pin'] },
  ),
);
/** Adversaries: a module path instead of an id, no kind, the old port name, text that is not base64, an empty PIN, extra keys. */
const badCredential = fc.oneof(
  fc.record({ kind: fc.constant('pkcs11'), moduleId: fc.constantFrom('/usr/lib/opensc-pkcs11.so', 'C:\\x.dll', '\\\\server\\share\\m.dll', 'known:../x'), pin: fc.constant('1234') }),
  fc.record({ p12Base64: fc.constant('AAAA'), password: fc.string() }),
  fc.record({ kind: fc.constant('pkcs12'), p12Base64: fc.constant('AAAA'), password: fc.string() }),
  fc.record({ kind: fc.constant('p12'), p12Base64: fc.constantFrom('', 'ä-not-base64', 'AA AA', 'A', 'AAA', 'AA=', 'AAAA\n', 'A===', '-_-_'), password: fc.string() }),
  fc.record({ kind: fc.constant('pkcs11'), moduleId: fc.constant('configured'), pin: fc.constant('') }),
  fc.record({ kind: fc.constant('p12'), p12Base64: fc.constant('AAAA'), password: fc.string(), modulePath: fc.constant('/tmp/m.so') }),
  fc.anything(),
);

describe('one credential for every way to sign', () => {
  it('every signing method accepts exactly what credentialSchema accepts and says the same about what it refuses', () => {
    fc.assert(
      fc.property(fc.oneof(goodCredential, badCredential), (credential) => {
        const alone = credentialSchema.safeParse(credential);
        for (const m of SIGNING_METHODS) {
          const r = contract[m].input.safeParse(inputWith(m, credential));
          expect(r.success).toBe(alone.success);
          if (!r.success && !alone.success) {
            const own = r.error.issues.filter((i) => i.path[0] === 'credential').map((i) => ({ path: i.path.slice(1), message: i.message }));
            expect(own).toEqual(alone.error.issues.map((i) => ({ path: i.path, message: i.message })));
          }
        }
      }),
      { numRuns: 300 },
    );
  });

  it('a good credential passes every method unchanged, and openCredential gives the port the file as the same bytes', () => {
    fc.assert(
      fc.property(goodCredential, (credential) => {
        for (const m of SIGNING_METHODS) {
          const r = contract[m].input.safeParse(inputWith(m, credential));
          expect(r.success && (r.data as { credential: Credential }).credential).toEqual(credential);
        }
        const opened = openCredential(credential);
        expect(opened.kind).toBe(credential.kind);
        if (credential.kind === 'p12' && opened.kind === 'p12') {
          expect(bytesToBase64(opened.p12)).toBe(credential.p12Base64);
          expect(opened.password).toBe(credential.password);
        } else {
          expect(opened).toEqual(credential);
        }
      }),
    );
  });

  it('no signing method takes a credential any other way (the flat p12Base64/password and the PKCS#11 twins are gone)', () => {
    const flat = { versionId: 'v1', field: 'sig-ordforande', p12Base64: 'AAAA', password: 'x' };
    expect(contract['justering.sign'].input.safeParse(flat).success).toBe(false);
    expect(contract['documents.sign'].input.safeParse(flat).success).toBe(false);
    expect(Object.keys(contract).filter((m) => /pkcs11/i.test(m) && /sign/i.test(m))).toEqual([]);
  });
});
