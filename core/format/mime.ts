// Internet messages (RFC 5322) with MIME attachments (RFC 2045–2047, 2231), written as .eml
// files the user's mail program opens as a draft. Only what the kallelse needs: a text body and
// attached files. Everything is ASCII on the wire with CRLF line ends: non-ASCII words in
// headers are RFC 2047 encoded-words, attachment names RFC 2231 parameters, the text
// quoted-printable and files base64. No Node Buffer: core shares this with the renderer.
import { bytesToBase64 } from './base64';

export interface MailAddress {
  /** The display name (any Unicode text); empty for a bare address. */
  name: string;
  address: string;
}

export interface MailAttachment {
  fileName: string;
  contentType: string;
  data: Uint8Array;
}

export interface MailMessage {
  from: MailAddress;
  to: MailAddress[];
  cc?: MailAddress[];
  bcc?: MailAddress[];
  subject: string;
  /** When the message was written; its Date header in the given offset from UTC. */
  date: Date;
  /** Minutes east of UTC the Date header is written in (Sweden: 60 or 120). */
  utcOffsetMinutes: number;
  /** Without the angle brackets: "unique@domain". */
  messageId: string;
  /** Plain text; any line ends. */
  text: string;
  attachments: MailAttachment[];
  /** Opened as an unsent draft (X-Unsent: 1), so the mail program offers to send it. */
  draft?: boolean;
}

const CRLF = '\r\n';
const MAX_LINE = 76;

/**
 * A plain addr-spec: local@domain with the characters mail programs agree on (dot-atom on both
 * sides). Deliberately stricter than RFC 5322 (no quoted local parts, no IP literals).
 */
const ADDRESS = /^[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*@[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?(\.[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+$/;

export function isValidMailAddress(s: string): boolean {
  return s.length <= 254 && ADDRESS.test(s) && s.indexOf('@') <= 64;
}

const utf8 = new TextEncoder();

function isPrintableAscii(s: string): boolean {
  return /^[\x20-\x7e]*$/.test(s);
}

/**
 * RFC 2047 B encoded-words for a header text, each at most 75 characters, split only between
 * whole characters (a multibyte UTF-8 sequence is never cut). Joined by folding whitespace.
 */
export function encodeWords(text: string): string[] {
  const prefix = '=?UTF-8?B?';
  const suffix = '?=';
  // 39 bytes (a multiple of 3 keeps the padding at the end) are 52 base64 characters: a word of
  // 64, so that even "Subject: " and one word fit in the 76 characters RFC 2047 allows a line.
  const maxBytes = 39;
  const words: string[] = [];
  let chunk: number[] = [];
  for (const ch of text) {
    const bytes = utf8.encode(ch);
    if (chunk.length + bytes.length > maxBytes) {
      words.push(prefix + bytesToBase64(Uint8Array.from(chunk)) + suffix);
      chunk = [];
    }
    chunk.push(...bytes);
  }
  if (chunk.length > 0 || words.length === 0) words.push(prefix + bytesToBase64(Uint8Array.from(chunk)) + suffix);
  return words;
}

/** An unstructured header's value (Subject): ASCII as is, anything else as encoded-words. */
function unstructured(text: string): string[] {
  const clean = text.replace(/[\r\n\t]+/g, ' ');
  // Plain ASCII words stay readable unless one could be mistaken for an encoded-word.
  if (isPrintableAscii(clean) && !clean.includes('=?')) return clean.split(' ');
  return encodeWords(clean);
}

/** A display name: atoms as is, specials quoted, non-ASCII as encoded-words. */
function displayName(name: string): string[] {
  const clean = name.replace(/[\r\n\t]+/g, ' ').trim();
  if (clean === '') return [];
  if (!isPrintableAscii(clean) || clean.includes('=?')) return encodeWords(clean);
  if (/^[A-Za-z0-9!#$%&'*+/=?^_`{|}~ -]+$/.test(clean)) return clean.split(/ +/);
  return [`"${clean.replace(/(["\\])/g, '\\$1')}"`];
}

function mailbox(a: MailAddress): string[] {
  if (!isValidMailAddress(a.address)) throw new Error(`Ogiltig e-postadress: ${a.address}`);
  const name = displayName(a.name);
  return name.length === 0 ? [a.address] : [...name, `<${a.address}>`];
}

/** A header folded at whitespace to lines of at most 78 characters (words longer stay whole). */
function header(name: string, tokens: string[]): string {
  const lines: string[] = [];
  let line = `${name}:`;
  for (const token of tokens) {
    if (line.length + 1 + token.length > 78 && line.length > name.length + 1) {
      lines.push(line);
      line = ` ${token}`;
    } else {
      line += ` ${token}`;
    }
  }
  lines.push(line);
  return lines.join(CRLF);
}

function addressHeader(name: string, list: MailAddress[]): string {
  const tokens: string[] = [];
  list.forEach((a, i) => {
    const m = mailbox(a);
    if (i < list.length - 1) m[m.length - 1] += ',';
    tokens.push(...m);
  });
  return header(name, tokens);
}

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const two = (n: number) => String(n).padStart(2, '0');

/** RFC 5322 date-time, e.g. "Wed, 10 Mar 2027 09:12:00 +0100". */
export function rfc5322Date(date: Date, utcOffsetMinutes: number): string {
  const local = new Date(date.getTime() + utcOffsetMinutes * 60_000);
  const sign = utcOffsetMinutes < 0 ? '-' : '+';
  const off = Math.abs(utcOffsetMinutes);
  return (
    `${DAYS[local.getUTCDay()]}, ${local.getUTCDate()} ${MONTHS[local.getUTCMonth()]} ${local.getUTCFullYear()} ` +
    `${two(local.getUTCHours())}:${two(local.getUTCMinutes())}:${two(local.getUTCSeconds())} ${sign}${two(Math.floor(off / 60))}${two(off % 60)}`
  );
}

/** Quoted-printable (RFC 2045 6.7) of UTF-8 text with CRLF hard line breaks, lines of at most 76. */
export function quotedPrintable(text: string): string {
  const out: string[] = [];
  for (const rawLine of text.replace(/\r\n?/g, '\n').split('\n')) {
    const bytes = utf8.encode(rawLine);
    const tokens: string[] = [];
    bytes.forEach((b, i) => {
      const last = i === bytes.length - 1;
      const safe = (b >= 33 && b <= 126 && b !== 61) || ((b === 32 || b === 9) && !last);
      tokens.push(safe ? String.fromCharCode(b) : `=${b.toString(16).toUpperCase().padStart(2, '0')}`);
    });
    let line = '';
    for (const token of tokens) {
      // Room for the soft break's "=".
      if (line.length + token.length > MAX_LINE - 1) {
        out.push(`${line}=`);
        line = '';
      }
      line += token;
    }
    out.push(line);
  }
  return out.join(CRLF);
}

function base64Lines(data: Uint8Array): string {
  const b64 = bytesToBase64(data);
  const lines: string[] = [];
  for (let i = 0; i < b64.length; i += MAX_LINE) lines.push(b64.slice(i, i + MAX_LINE));
  return lines.join(CRLF);
}

/** RFC 2231 percent-encoding (attr-char stays, everything else %XX of its UTF-8 bytes). */
function rfc2231Encode(value: string): string[] {
  const pieces: string[] = [];
  for (const b of utf8.encode(value)) {
    const c = String.fromCharCode(b);
    pieces.push(/[A-Za-z0-9!#$&+.^_`|~-]/.test(c) ? c : `%${b.toString(16).toUpperCase().padStart(2, '0')}`);
  }
  return pieces;
}

/**
 * A file name parameter: `name*=UTF-8''…` (RFC 2231), continued as `name*0*=`, `name*1*=` … when
 * long, never splitting a %XX escape; plain `name="…"` when the name is short printable ASCII.
 */
export function fileNameParameter(param: string, fileName: string): string[] {
  if (isPrintableAscii(fileName) && !/["\\]/.test(fileName) && fileName.length <= 60) return [`${param}="${fileName}"`];
  const pieces = rfc2231Encode(fileName);
  const first = `UTF-8''`;
  const single = `${param}*=${first}${pieces.join('')}`;
  if (single.length <= 70) return [single];
  const out: string[] = [];
  let current = first;
  for (const p of pieces) {
    if (current.length + p.length > 60) {
      out.push(current);
      current = '';
    }
    current += p;
  }
  out.push(current);
  return out.map((v, i) => `${param}*${i}*=${v}`);
}

function parameterHeader(name: string, value: string, params: string[]): string {
  const tokens = [value, ...params];
  return header(
    name,
    tokens.map((t, i) => (i < tokens.length - 1 ? `${t};` : t)),
  );
}

/** A boundary that cannot occur in base64 or quoted-printable lines ("=_" starts no valid QP line … and base64 has no "_"). */
function boundaryFor(messageId: string): string {
  let h = 0x811c9dc5;
  for (const ch of messageId) h = Math.imul(h ^ ch.charCodeAt(0), 0x01000193) >>> 0;
  return `=_justera_${h.toString(36)}_${messageId.length.toString(36)}`;
}

/** The whole message, ASCII with CRLF line ends, ready to write as an .eml file. */
export function buildMessage(m: MailMessage): string {
  if (!/^[A-Za-z0-9!#$%&'*+/=?^_`{|}~.-]+@[A-Za-z0-9.-]+$/.test(m.messageId)) throw new Error('Ogiltigt Message-ID.');
  const boundary = boundaryFor(m.messageId);
  const headers: string[] = [header('Date', [rfc5322Date(m.date, m.utcOffsetMinutes)]), addressHeader('From', [m.from])];
  if (m.to.length > 0) headers.push(addressHeader('To', m.to));
  if (m.cc !== undefined && m.cc.length > 0) headers.push(addressHeader('Cc', m.cc));
  if (m.bcc !== undefined && m.bcc.length > 0) headers.push(addressHeader('Bcc', m.bcc));
  headers.push(header('Subject', unstructured(m.subject)));
  headers.push(`Message-ID: <${m.messageId}>`);
  if (m.draft === true) headers.push('X-Unsent: 1');
  headers.push('MIME-Version: 1.0');
  headers.push(parameterHeader('Content-Type', 'multipart/mixed', [`boundary="${boundary}"`]));

  const parts: string[] = [];
  parts.push(['Content-Type: text/plain; charset=utf-8', 'Content-Transfer-Encoding: quoted-printable', '', quotedPrintable(m.text)].join(CRLF));
  for (const a of m.attachments) {
    if (!/^[a-z0-9.+-]+\/[a-z0-9.+-]+$/i.test(a.contentType)) throw new Error(`Ogiltig innehållstyp: ${a.contentType}`);
    parts.push(
      [
        parameterHeader('Content-Type', a.contentType, fileNameParameter('name', a.fileName)),
        'Content-Transfer-Encoding: base64',
        parameterHeader('Content-Disposition', 'attachment', fileNameParameter('filename', a.fileName)),
        '',
        base64Lines(a.data),
      ].join(CRLF),
    );
  }
  const body = ['This is a multipart message in MIME format.', ...parts.map((p) => `--${boundary}${CRLF}${p}`), `--${boundary}--`, ''].join(CRLF);
  return `${headers.join(CRLF)}${CRLF}${CRLF}${body}`;
}

/** Minutes east of UTC in Sweden at an instant (60 in winter, 120 in summer). */
export function stockholmOffsetMinutes(instant: Date): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone: 'Europe/Stockholm',
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).formatToParts(instant);
  const get = (t: Intl.DateTimeFormatPartTypes) => Number(parts.find((p) => p.type === t)?.value ?? 0);
  const asUtc = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second'));
  return Math.round((asUtc - Math.floor(instant.getTime() / 1000) * 1000) / 60_000);
}
