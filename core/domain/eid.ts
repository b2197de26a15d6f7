// A person's e-ID identifiers and the one rule that binds a certificate to a person. Used by every
// signing path (in-app, PKCS#11, import, packages, the clerk's documents) and meant for a later
// e-ID signing service as well: the identifier model and `matchSigner` know nothing of PDFs.
//
// A certificate's CN is only a name anyone can write. An identifier is what the issuer vouched
// for: the personnummer (subject serialNumber, written "197001011234", "SE197001011234" or, per
// ETSI EN 319 412-1, "PNOSE-197001011234"), an HSA-id (SITHS: subject serialNumber, e.g.
// "SE2321000016-1003") or the SHA-256 fingerprint of one registered certificate.
import { luhnValid } from './personnummer';

export const EID_KINDS = ['personnummer', 'hsa', 'fingerprint'] as const;
export type EidKind = (typeof EID_KINDS)[number];

export interface EidIdentifier {
  kind: EidKind;
  /** Normalised: 12 digits (personnummer), upper case (HSA-id), 64 lower-case hex digits (fingerprint). */
  value: string;
}

export const EID_KIND_NAMES: Record<EidKind, string> = {
  personnummer: 'personnummer',
  hsa: 'HSA-id',
  fingerprint: 'certifikatets fingeravtryck (SHA-256)',
};

/** What a certificate says about its holder, as read by the signing service. */
export interface CertificateIdentity {
  commonNames: string[];
  /** Subject serialNumber attributes. */
  serialNumbers: string[];
  /** SHA-256 of the DER certificate, hex. */
  sha256: string;
}

export type IdentityCheck = { status: 'identifier'; kind: EidKind } | { status: 'name-only' } | { status: 'mismatch'; reason: string };

/** Names compared without case, accents kept, spaces collapsed, Unicode normalised. */
export function normaliseName(name: string): string {
  return name.normalize('NFC').replace(/\s+/g, ' ').trim().toLocaleLowerCase('sv-SE');
}

export function sameName(a: string, b: string): boolean {
  return normaliseName(a) === normaliseName(b);
}

function validDate(yyyymmdd: string): boolean {
  const y = Number(yyyymmdd.slice(0, 4));
  const m = Number(yyyymmdd.slice(4, 6));
  let d = Number(yyyymmdd.slice(6, 8));
  if (d > 60) d -= 60; // samordningsnummer
  if (m < 1 || m > 12 || d < 1) return false;
  const days = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return d <= days;
}

/**
 * The century of a personnummer written without it (YYMMDD-NNNN), as Skatteverket writes it: the
 * person is under 100 years old on `today`, unless the separator is "+" (100 or older).
 */
function withCentury(ten: string, plus: boolean, today: Date): string {
  const yy = Number(ten.slice(0, 2));
  const thisYear = today.getUTCFullYear();
  let year = thisYear - ((((thisYear - yy) % 100) + 100) % 100);
  const day = Number(ten.slice(4, 6));
  const mmdd = `${ten.slice(2, 4)}${String(day > 60 ? day - 60 : day).padStart(2, '0')}`;
  // A birthday later this year than `today` is a century earlier.
  if (year === thisYear && mmdd > today.toISOString().slice(5, 10).replace('-', '')) year -= 100;
  if (plus) year -= 100;
  return `${year}${ten.slice(2)}`;
}

/**
 * Normalises what a user typed; returns the identifier or a Swedish message saying what is wrong.
 * A personnummer (or samordningsnummer, day + 60) is stored with its century (12 digits), as
 * certificates carry it; written without it (10 digits) the century is inferred from `today`
 * ("+" = 100 years or older) — without `today` the century must be written.
 */
export function parseEidIdentifier(kind: EidKind, raw: string, options: { today?: Date } = {}): EidIdentifier | { error: string } {
  const text = raw.trim();
  switch (kind) {
    case 'personnummer': {
      const bare = text.replace(/^(PNOSE-|SE)/i, '').replace(/\s/g, '');
      const bad = {
        error: `"${text}" är inget giltigt personnummer eller samordningsnummer. Skriv det som ÅÅÅÅMMDD-NNNN (t.ex. 19701231-1234) eller ÅÅMMDD-NNNN; kontrollera datum och kontrollsiffra.`,
      };
      let digits: string;
      if (/^(18|19|20)\d{6}[-+]?\d{4}$/.test(bare)) digits = bare.replace(/[-+]/, '');
      else if (/^\d{6}[-+]?\d{4}$/.test(bare)) {
        if (options.today === undefined) return bad;
        digits = withCentury(bare.replace(/[-+]/, ''), bare.includes('+'), options.today);
      } else return bad;
      if (!validDate(digits.slice(0, 8)) || !luhnValid(digits.slice(2))) return bad;
      return { kind, value: digits };
    }
    case 'hsa': {
      const v = text.toUpperCase();
      if (!/^[A-Z]{2}\d{10}-[0-9A-Z]{1,30}$/.test(v)) {
        return { error: `"${text}" är inget HSA-id. Ett HSA-id ser ut som SE2321000016-1003 (landskod, organisationsnummer, bindestreck, löpnummer).` };
      }
      return { kind, value: v };
    }
    case 'fingerprint': {
      const hex = text.replace(/[\s:]/g, '').toLowerCase();
      if (!/^[0-9a-f]{64}$/.test(hex)) {
        return { error: 'Fingeravtrycket ska vara certifikatets SHA-256 som 64 hexadecimala tecken (kolon och mellanslag går bra).' };
      }
      return { kind, value: hex };
    }
    default: {
      const never: never = kind;
      return { error: `Okänd typ av identifierare ${String(never)}.` };
    }
  }
}

/** The personnummer a subject serialNumber carries, or null ("SE"/"PNOSE-" prefixes, optional dash). */
export function personnummerOfSerial(serial: string): string | null {
  const digits = serial
    .trim()
    .replace(/^(PNOSE-|SE)/i, '')
    .replace(/-/g, '');
  return /^(18|19|20)\d{10}$/.test(digits) ? digits : null;
}

function matches(id: EidIdentifier, cert: CertificateIdentity): boolean {
  switch (id.kind) {
    case 'personnummer':
      return cert.serialNumbers.some((s) => personnummerOfSerial(s) === id.value);
    case 'hsa':
      return cert.serialNumbers.some((s) => s.trim().toUpperCase() === id.value);
    case 'fingerprint':
      return cert.sha256.toLowerCase() === id.value;
    default: {
      const never: never = id.kind;
      return never;
    }
  }
}

/**
 * Whether the certificate belongs to the expected person. With identifiers, one must match (the
 * name is then not decisive); without, the single CN must equal the name and the result says so
 * ("endast namnkontroll"), unless identifiers are required (a board setting), then it is refused.
 */
export function matchSigner(expected: { name: string; identifiers: EidIdentifier[] }, cert: CertificateIdentity, options: { requireIdentifier?: boolean } = {}): IdentityCheck {
  if (cert.commonNames.length !== 1) {
    return { status: 'mismatch', reason: `Certifikatet har ${cert.commonNames.length} namn (CN) i stället för ett; det går inte att avgöra vems det är.` };
  }
  const [cn = ''] = cert.commonNames;
  if (expected.identifiers.length > 0) {
    const hit = expected.identifiers.find((id) => matches(id, cert));
    if (hit !== undefined) return { status: 'identifier', kind: hit.kind };
    const kinds = [...new Set(expected.identifiers.map((i) => EID_KIND_NAMES[i.kind]))].join(' eller ');
    return { status: 'mismatch', reason: `Certifikatet (${cn}) har inte ${expected.name}s registrerade ${kinds}.` };
  }
  if (!sameName(cn, expected.name)) return { status: 'mismatch', reason: `Certifikatet tillhör ${cn}, inte ${expected.name}.` };
  if (options.requireIdentifier === true) {
    return {
      status: 'mismatch',
      reason: `Nämnden kräver att undertecknare identifieras med e-legitimation, men ${expected.name} har ingen registrerad identifierare (personnummer, HSA-id eller certifikat). Registrera en under personen och försök igen.`,
    };
  }
  return { status: 'name-only' };
}

/** How the identity check is shown wherever a signature is shown. */
export function identityLabel(check: IdentityCheck['status'] | null | undefined): string {
  switch (check) {
    case 'identifier':
      return 'identitet kontrollerad';
    case 'name-only':
      return 'endast namnkontroll';
    case 'mismatch':
      return 'fel person';
    default:
      return 'identitet ej kontrollerad';
  }
}
