// Reading written e-mail messages (.eml) back: Python's standard `email` package (policy.default,
// RFC 5322/2045-2047/2231) as the independent oracle, and strict structural checks of our own
// (ASCII only, CRLF line ends, line lengths, the required headers).
import { spawnSync } from 'node:child_process';
import { hasTool } from './tools';

export interface ParsedPart {
  contentType: string;
  disposition: string | null;
  filename: string | null;
  charset: string | null;
  /** Decoded body: text for text parts, base64 of the bytes for the rest. */
  text: string | null;
  dataBase64: string | null;
  defects: string[];
}

export interface ParsedMessage {
  headers: Record<string, string[]>;
  from: { name: string; address: string }[];
  to: { name: string; address: string }[];
  bcc: { name: string; address: string }[];
  subject: string;
  date: string;
  /** The Date header as an instant (ISO 8601 with offset), parsed by Python. */
  dateIso: string;
  messageId: string;
  contentType: string;
  defects: string[];
  parts: ParsedPart[];
}

const SCRIPT = String.raw`
import sys, json, base64, email
from email import policy
from email.utils import parsedate_to_datetime
out = []
for path in sys.argv[1:]:
    with open(path, 'rb') as f:
        msg = email.message_from_bytes(f.read(), policy=policy.default)
    def addrs(name):
        h = msg[name]
        if h is None: return []
        return [{'name': a.display_name, 'address': a.addr_spec} for a in h.addresses]
    parts = []
    for part in msg.walk():
        if part.is_multipart(): continue
        ct = part.get_content_type()
        text = None; data = None
        if part.get_content_maintype() == 'text':
            text = part.get_content()
        else:
            data = base64.b64encode(part.get_payload(decode=True)).decode('ascii')
        parts.append({'contentType': ct, 'disposition': part.get_content_disposition(), 'filename': part.get_filename(),
                      'charset': part.get_content_charset(), 'text': text, 'dataBase64': data,
                      'defects': [type(d).__name__ for d in part.defects]})
    headers = {}
    for k, v in msg.items(): headers.setdefault(k, []).append(str(v))
    out.append({'headers': headers, 'from': addrs('From'), 'to': addrs('To'), 'bcc': addrs('Bcc'),
                'subject': str(msg['Subject']), 'date': str(msg['Date']), 'dateIso': parsedate_to_datetime(str(msg['Date'])).isoformat(),
                'messageId': str(msg['Message-ID']), 'contentType': msg.get_content_type(),
                'defects': [type(d).__name__ for d in msg.defects], 'parts': parts})
print(json.dumps(out))
`;

/** Python 3 is there (under CI it must be). */
export function hasPython(): boolean {
  return hasTool('python3');
}

/** Parses .eml files with Python's email package. */
export function parseEml(paths: string[]): ParsedMessage[] {
  const r = spawnSync('python3', ['-c', SCRIPT, ...paths], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  if (r.status !== 0) throw new Error(`python3 kunde inte läsa meddelandena: ${r.stderr}`);
  return JSON.parse(r.stdout) as ParsedMessage[];
}

/**
 * Our own strict reading: 7-bit ASCII, every line ends in CRLF (no bare CR or LF), no line over
 * 78 characters (RFC 5322's SHOULD; base64 and quoted-printable lines are 76 at most), headers
 * before the first empty line with the ones RFC 5322 and MIME require, each exactly once.
 * Returns the problems found (empty: none).
 */
export function strictProblems(eml: string): string[] {
  const problems: string[] = [];
  if ([...eml].some((c) => c.charCodeAt(0) > 127)) problems.push('icke-ASCII-tecken');
  if (/\r(?!\n)/.test(eml)) problems.push('ensamt CR');
  if (/(?<!\r)\n/.test(eml)) problems.push('ensamt LF');
  if (!eml.endsWith('\r\n')) problems.push('slutar inte med CRLF');
  const lines = eml.split('\r\n');
  lines.forEach((l, i) => {
    if (l.length > 78) problems.push(`rad ${i + 1} är ${l.length} tecken`);
  });
  const end = lines.indexOf('');
  if (end < 0) problems.push('ingen tom rad efter rubrikerna');
  const headerLines = lines.slice(0, end);
  if (headerLines.some((l, i) => (i === 0 && /^\s/.test(l)) || (!/^\s/.test(l) && !/^[!-9;-~]+:/.test(l)))) problems.push('felaktig rubrikrad');
  const names = headerLines.filter((l) => !/^\s/.test(l)).map((l) => l.slice(0, l.indexOf(':')).toLowerCase());
  for (const required of ['date', 'from', 'subject', 'message-id', 'mime-version', 'content-type']) {
    const n = names.filter((x) => x === required).length;
    if (n !== 1) problems.push(`${required} förekommer ${n} gånger`);
  }
  return problems;
}
