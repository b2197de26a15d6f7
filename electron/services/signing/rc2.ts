// RC2-CBC decryption (RFC 2268), only to read certificate bags in PKCS#12 files written by OpenSSL 1.x
// and older Windows/macOS exports. OpenSSL 3 (and so Node) keeps RC2 in its legacy provider, which
// Node does not load, and Electron's BoringSSL may lack it: so it is done here, in a few lines.

// The RFC 2268 permutation table, based on the digits of pi.
const PITABLE = Buffer.from(
  'd978f9c419ddb5ed28e9fd794aa0d89dc67e37832b76538e624c6488448bfba2' +
    '179a59f587b34f1361456d8d09817d32bd8f40eb86b77b0bf09521225c6b4e82' +
    '54d66593ce60b21c7356c014a78cf1dc1275ca1f3bbee4d1423dd430a33cb626' +
    '6fbf0eda4669075727f21d9bbc944303f811c7f690ef3ee706c3d52fc8661ed7' +
    '08e8eade8052eef784aa72ac354d6a2a961ad2715a1549744b9fd05e0418a4ec' +
    'c2e0416e0f51cbcc2491af50a1f47039997c3a8523b8b47afc02365b25559731' +
    '2d5dfa98e38a92ae05df2910676cbac9d300e6cfe19ea82c6316013f58e289a9' +
    '0d38341bab33ffb0bb480c5fb9b1cd2ec5f3db47e5a59c770aa62068fe7fc1ad',
  'hex',
);

const pi = (i: number): number => PITABLE[i & 0xff] ?? 0;

/** RFC 2268 section 2: 64 16-bit subkeys from the key and the effective key length in bits. */
function expandKey(key: Uint8Array, effectiveBits: number): Uint16Array {
  const L = new Uint8Array(128);
  L.set(key);
  const T = key.length;
  for (let i = T; i < 128; i++) L[i] = pi((L[i - 1] ?? 0) + (L[i - T] ?? 0));
  const T8 = Math.ceil(effectiveBits / 8);
  const TM = 0xff >> (8 * T8 - effectiveBits);
  L[128 - T8] = pi((L[128 - T8] ?? 0) & TM);
  for (let i = 127 - T8; i >= 0; i--) L[i] = pi((L[i + 1] ?? 0) ^ (L[i + T8] ?? 0));
  const K = new Uint16Array(64);
  for (let i = 0; i < 64; i++) K[i] = (L[2 * i] ?? 0) | ((L[2 * i + 1] ?? 0) << 8);
  return K;
}

const SHIFTS = [1, 2, 3, 5];

function decryptBlock(K: Uint16Array, block: Uint8Array, out: Uint8Array): void {
  const R = new Uint16Array(4);
  for (let i = 0; i < 4; i++) R[i] = (block[2 * i] ?? 0) | ((block[2 * i + 1] ?? 0) << 8);
  let j = 63;
  const r = (i: number): number => R[i & 3] ?? 0;
  const unmix = (): void => {
    for (let i = 3; i >= 0; i--) {
      const s = SHIFTS[i] ?? 0;
      const v = r(i);
      R[i] = ((v >>> s) | (v << (16 - s))) & 0xffff;
      R[i] = r(i) - (K[j] ?? 0) - (r(i - 1) & r(i - 2)) - (~r(i - 1) & r(i - 3));
      j--;
    }
  };
  const unmash = (): void => {
    for (let i = 3; i >= 0; i--) R[i] = r(i) - (K[r(i - 1) & 63] ?? 0);
  };
  for (let n = 0; n < 5; n++) unmix();
  unmash();
  for (let n = 0; n < 6; n++) unmix();
  unmash();
  for (let n = 0; n < 5; n++) unmix();
  for (let i = 0; i < 4; i++) {
    out[2 * i] = r(i) & 0xff;
    out[2 * i + 1] = r(i) >> 8;
  }
}

/** RC2-CBC with PKCS#7 padding; returns null when the padding is wrong (a wrong key). */
export function rc2CbcDecrypt(key: Uint8Array, effectiveBits: number, iv: Uint8Array, data: Uint8Array): Uint8Array | null {
  if (data.length === 0 || data.length % 8 !== 0 || iv.length !== 8) return null;
  const K = expandKey(key, effectiveBits);
  const out = new Uint8Array(data.length);
  const block = new Uint8Array(8);
  let prev = iv;
  for (let at = 0; at < data.length; at += 8) {
    const c = data.subarray(at, at + 8);
    decryptBlock(K, c, block);
    for (let i = 0; i < 8; i++) out[at + i] = (block[i] ?? 0) ^ (prev[i] ?? 0);
    prev = c;
  }
  const pad = out[out.length - 1] ?? 0;
  if (pad < 1 || pad > 8 || out.subarray(out.length - pad).some((b) => b !== pad)) return null;
  return out.subarray(0, out.length - pad);
}
