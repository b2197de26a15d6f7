// Grey-image decoding and comparison for the golden-image tests: no image library needed, the
// PNGs come from pdftoppm (8-bit greyscale) and are read with zlib alone.
import { inflateSync } from 'node:zlib';
import type { Gray } from './pdf-tools';

const SIGNATURE = [137, 80, 78, 71, 13, 10, 26, 10];

/**
 * Decodes an 8-bit, non-interlaced greyscale or RGB PNG to grey (what `pdftoppm -gray -png`
 * writes: poppler stores the grey raster as RGB with equal channels).
 */
export function decodeGrayPng(buf: Uint8Array): Gray {
  if (!SIGNATURE.every((b, i) => buf[i] === b)) throw new Error('Not a PNG file');
  const view = new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
  let pos = 8;
  let width = 0;
  let height = 0;
  let channels = 1;
  const idat: Uint8Array[] = [];
  while (pos < buf.length) {
    const length = view.getUint32(pos);
    const type = Buffer.from(buf.subarray(pos + 4, pos + 8)).toString('latin1');
    const body = buf.subarray(pos + 8, pos + 8 + length);
    if (type === 'IHDR') {
      width = view.getUint32(pos + 8);
      height = view.getUint32(pos + 12);
      const [depth, colour, , , interlace] = body.subarray(8, 13);
      if (depth !== 8 || (colour !== 0 && colour !== 2) || interlace !== 0) throw new Error(`Unsupported PNG: depth ${depth}, colour type ${colour}, interlace ${interlace}`);
      channels = colour === 2 ? 3 : 1;
    } else if (type === 'IDAT') idat.push(body);
    else if (type === 'IEND') break;
    pos += 12 + length;
  }
  const raw = inflateSync(Buffer.concat(idat));
  const stride = width * channels;
  const pixels = new Uint8Array(stride * height);
  for (let y = 0; y < height; y += 1) {
    const filter = raw[y * (stride + 1)] ?? 0;
    const line = raw.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1));
    const out = pixels.subarray(y * stride, (y + 1) * stride);
    const prev = y === 0 ? new Uint8Array(stride) : pixels.subarray((y - 1) * stride, y * stride);
    for (let x = 0; x < stride; x += 1) {
      const a = x < channels ? 0 : (out[x - channels] ?? 0);
      const b = prev[x] ?? 0;
      const c = x < channels ? 0 : (prev[x - channels] ?? 0);
      out[x] = ((line[x] ?? 0) + predictor(filter, a, b, c)) & 0xff;
    }
  }
  const data = new Uint8Array(width * height);
  for (let i = 0; i < data.length; i += 1) {
    let sum = 0;
    for (let k = 0; k < channels; k += 1) sum += pixels[i * channels + k] ?? 0;
    data[i] = Math.round(sum / channels);
  }
  return { width, height, data };
}

function predictor(filter: number, a: number, b: number, c: number): number {
  switch (filter) {
    case 0:
      return 0;
    case 1:
      return a;
    case 2:
      return b;
    case 3:
      return (a + b) >> 1;
    case 4: {
      const p = a + b - c;
      const pa = Math.abs(p - a);
      const pb = Math.abs(p - b);
      const pc = Math.abs(p - c);
      return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
    }
    default:
      throw new Error(`Unknown PNG filter ${filter}`);
  }
}

export interface Diff {
  /** Share of pixels that differ by more than the threshold. */
  ratio: number;
  /** Mean absolute difference, 0–255. */
  mean: number;
}

/** Pixels differing by more than `threshold` grey levels count as changed (anti-aliasing noise does not). */
export function compareGray(a: Gray, b: Gray, threshold = 64): Diff {
  if (a.width !== b.width || a.height !== b.height) return { ratio: 1, mean: 255 };
  let changed = 0;
  let sum = 0;
  for (let i = 0; i < a.data.length; i += 1) {
    const d = Math.abs((a.data[i] ?? 0) - (b.data[i] ?? 0));
    sum += d;
    if (d > threshold) changed += 1;
  }
  return { ratio: changed / a.data.length, mean: sum / a.data.length };
}

/** A copy of `img` with rows [from, to) moved down by `dy` pixels (white fills the gap). */
export function shiftRows(img: Gray, from: number, to: number, dy: number): Gray {
  const data = new Uint8Array(img.data);
  for (let y = from; y < to; y += 1) data.fill(255, y * img.width, (y + 1) * img.width);
  for (let y = from; y < to; y += 1) {
    const target = y + dy;
    if (target < 0 || target >= img.height) continue;
    data.set(img.data.subarray(y * img.width, (y + 1) * img.width), target * img.width);
  }
  return { ...img, data };
}
