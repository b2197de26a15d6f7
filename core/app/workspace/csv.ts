// Reading a member list from a CSV file as Excel writes it on Swedish Windows (semicolons,
// Windows-1252) or as other tools do (commas, UTF-8 with or without BOM). Every row is checked
// and every problem reported with its row and column; the caller imports nothing if any is bad.
import type { MemberRole } from '../../format/meeting';
import { isValidIsoDate } from '../../domain/calendar';
import { parseEidIdentifier, type EidIdentifier, type EidKind } from '../../domain/eid';
import { emailProblem } from '../../format/email';

export interface CsvMember {
  /** The line in the file (the header is line 1). */
  line: number;
  name: string;
  role: MemberRole;
  party: string | null;
  represents: string | null;
  termStart: string;
  termEnd: string;
  substituteOrder: number | null;
  /** Name of the member a personal substitute stands in for. */
  substituteFor: string | null;
  /** The E-post column: where the kallelse is sent (checked by the rule of core/format/email). */
  email: string | null;
  /** e-ID identifiers from the Personnummer / HSA-id / Fingeravtryck columns (personal data; only in an export made "med identiteter"). */
  identifiers: EidIdentifier[];
}

export interface CsvIssue {
  line: number;
  column: string | null;
  message: string;
}

// Windows-1252 0x80–0x9F (Node's TextDecoder treats the label as Latin-1 there, so map them here).
const CP1252_HIGH = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ';

export function decodeWindows1252(bytes: Uint8Array): string {
  let out = '';
  for (const b of bytes) out += b >= 0x80 && b <= 0x9f ? CP1252_HIGH[b - 0x80] : String.fromCharCode(b);
  return out;
}

/** UTF-8 (BOM or not) when the bytes are valid UTF-8, else Windows-1252. */
export function decodeText(bytes: Uint8Array): string {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return new TextDecoder('utf-8').decode(bytes.subarray(3));
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return decodeWindows1252(bytes);
  }
}

/** The separator the header line uses: ; (Excel, Swedish) or , — whichever occurs more often outside quotes. */
export function detectSeparator(text: string): ';' | ',' | '\t' {
  const firstLine = text.split(/\r?\n/, 1)[0] ?? '';
  let inQuotes = false;
  const counts = { ';': 0, ',': 0, '\t': 0 };
  for (const ch of firstLine) {
    if (ch === '"') inQuotes = !inQuotes;
    else if (!inQuotes && (ch === ';' || ch === ',' || ch === '\t')) counts[ch] += 1;
  }
  if (counts['\t'] > counts[';'] && counts['\t'] > counts[',']) return '\t';
  return counts[','] > counts[';'] ? ',' : ';';
}

/** RFC 4180 with a chosen separator: quoted fields may hold separators, quotes ("") and line breaks. */
export function parseCsv(text: string, sep: string): { line: number; cells: string[] }[] {
  const rows: { line: number; cells: string[] }[] = [];
  let cells: string[] = [];
  let cell = '';
  let inQuotes = false;
  let line = 1;
  let rowLine = 1;
  for (let i = 0; i < text.length; i += 1) {
    const ch = text[i] as string;
    if (inQuotes) {
      if (ch === '"' && text[i + 1] === '"') {
        cell += '"';
        i += 1;
      } else if (ch === '"') inQuotes = false;
      else {
        if (ch === '\n') line += 1;
        cell += ch;
      }
      continue;
    }
    if (ch === '"' && cell.trim() === '') {
      inQuotes = true;
      cell = '';
    } else if (ch === sep) {
      cells.push(cell);
      cell = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i += 1;
      cells.push(cell);
      rows.push({ line: rowLine, cells });
      cells = [];
      cell = '';
      line += 1;
      rowLine = line;
    } else cell += ch;
  }
  if (cell !== '' || cells.length > 0) {
    cells.push(cell);
    rows.push({ line: rowLine, cells });
  }
  return rows.filter((r) => r.cells.some((c) => c.trim() !== ''));
}

type Column = 'name' | 'role' | 'party' | 'represents' | 'termStart' | 'termEnd' | 'substituteOrder' | 'substituteFor' | 'email' | EidKind;

/** The identifier columns, one kind each; several values in a cell are separated by "|". */
export const IDENTIFIER_COLUMNS: EidKind[] = ['personnummer', 'hsa', 'fingerprint'];

/** Accepted headings (lower case, spaces and punctuation ignored) for each column. */
const headings: Record<Column, string[]> = {
  name: ['namn', 'name', 'ledamot', 'person'],
  role: ['roll', 'role', 'uppdrag', 'funktion'],
  party: ['parti', 'party'],
  represents: ['representerar', 'kommun', 'represents', 'organisation', 'kommunorganisation'],
  termStart: ['mandatfrån', 'mandatperiodfrån', 'från', 'fr.o.m.', 'from', 'termstart', 'start'],
  termEnd: ['mandattill', 'mandatperiodtill', 'till', 't.o.m.', 'tom', 'to', 'termend', 'slut'],
  substituteOrder: ['ersättarordning', 'ordning', 'inkallelseordning', 'substituteorder', 'nr'],
  substituteFor: ['ersättare för', 'ersättar för', 'personlig ersättare för', 'ersätter', 'substitute for'],
  email: ['e-post', 'epost', 'e-postadress', 'epostadress', 'mejl', 'mejladress', 'mail', 'e-mail', 'email', 'e-mail address'],
  personnummer: ['personnummer', 'samordningsnummer', 'pnr', 'personal identity number'],
  hsa: ['hsa-id', 'hsaid', 'hsa'],
  fingerprint: ['fingeravtryck', 'certifikatets fingeravtryck', 'fingerprint', 'sha-256', 'sha256'],
};

/** The column names as the documentation and the error messages write them. */
export const columnTitles: Record<Column, string> = {
  name: 'Namn',
  role: 'Roll',
  party: 'Parti',
  represents: 'Representerar',
  termStart: 'Mandat från',
  termEnd: 'Mandat till',
  substituteOrder: 'Ersättarordning',
  substituteFor: 'Ersättare för',
  email: 'E-post',
  personnummer: 'Personnummer',
  hsa: 'HSA-id',
  fingerprint: 'Fingeravtryck',
};

function headingKey(h: string): string {
  return h.toLowerCase().replace(/[\s_\-–:()/]+/g, '');
}

const roles: Record<string, MemberRole> = {
  ordförande: 'ordforande',
  ordf: 'ordforande',
  'ordf.': 'ordforande',
  vice: 'vice_ordforande',
  'vice ordförande': 'vice_ordforande',
  '1:e vice ordförande': 'vice_ordforande',
  'förste vice ordförande': 'vice_ordforande',
  'första vice ordförande': 'vice_ordforande',
  '2:e vice ordförande': 'andre_vice_ordforande',
  'andre vice ordförande': 'andre_vice_ordforande',
  'andra vice ordförande': 'andre_vice_ordforande',
  ledamot: 'ledamot',
  ordinarie: 'ledamot',
  'ordinarie ledamot': 'ledamot',
  ersättare: 'ersattare',
  ers: 'ersattare',
  'ers.': 'ersattare',
  ordforande: 'ordforande',
  vice_ordforande: 'vice_ordforande',
  andre_vice_ordforande: 'andre_vice_ordforande',
  ersattare: 'ersattare',
  chair: 'ordforande',
  member: 'ledamot',
  substitute: 'ersattare',
};

export function parseRole(text: string): MemberRole | null {
  return roles[text.trim().toLowerCase().replace(/\s+/g, ' ')] ?? null;
}

export interface CsvParseResult {
  members: CsvMember[];
  issues: CsvIssue[];
}

/** Reads and checks the file's rows; term dates default to `defaults` when the file has none. */
export function readMemberCsv(bytes: Uint8Array, defaults: { termStart?: string; termEnd?: string; today?: Date }): CsvParseResult {
  const text = decodeText(bytes);
  const sep = detectSeparator(text);
  const rows = parseCsv(text, sep);
  const issues: CsvIssue[] = [];
  const header = rows[0];
  if (header === undefined)
    return { members: [], issues: [{ line: 1, column: null, message: 'Filen är tom. Första raden ska vara rubriker, t.ex. Namn;Roll;Parti;Representerar;Mandat från;Mandat till.' }] };

  const index = new Map<Column, number>();
  header.cells.forEach((h, i) => {
    const key = headingKey(h);
    if (key === '') return;
    const col = (Object.keys(headings) as Column[]).find((c) => headings[c].some((x) => headingKey(x) === key));
    // The heading as it can be shown: control characters and line breaks (a stray quote) as spaces, cut short.
    const shown =
      h
        .replace(/[\p{Cc}\s]+/gu, ' ')
        .trim()
        .slice(0, 40) || `kolumn ${i + 1}`;
    if (col === undefined) {
      issues.push({ line: header.line, column: shown, message: `Okänd kolumn "${shown}". Tillåtna kolumner: ${Object.values(columnTitles).join(', ')}.` });
    } else if (index.has(col)) {
      issues.push({ line: header.line, column: shown, message: `Kolumnen ${columnTitles[col]} förekommer två gånger.` });
    } else index.set(col, i);
  });
  for (const required of ['name', 'role'] as const) {
    if (!index.has(required))
      issues.push({ line: header.line, column: columnTitles[required], message: `Kolumnen ${columnTitles[required]} saknas. Första raden ska innehålla rubrikerna, t.ex. Namn;Roll;Parti.` });
  }
  for (const [col, fallback] of [
    ['termStart', defaults.termStart],
    ['termEnd', defaults.termEnd],
  ] as const) {
    if (!index.has(col) && fallback === undefined) {
      issues.push({ line: header.line, column: columnTitles[col], message: `Kolumnen ${columnTitles[col]} saknas. Lägg till den i filen eller ange mandatperioden i formuläret.` });
    }
  }
  if (issues.length > 0) return { members: [], issues };

  const members: CsvMember[] = [];
  const names = new Map<string, number>();
  for (const row of rows.slice(1)) {
    const cell = (c: Column) => {
      const i = index.get(c);
      return i === undefined ? '' : (row.cells[i] ?? '').trim();
    };
    const problem = (c: Column, message: string) => issues.push({ line: row.line, column: columnTitles[c], message });
    if (row.cells.length > header.cells.length && row.cells.slice(header.cells.length).some((c) => c.trim() !== '')) {
      issues.push({
        line: row.line,
        column: null,
        message: `Raden har ${row.cells.length} fält men rubrikraden ${header.cells.length}. Kontrollera avgränsarna (${sep === '\t' ? 'tabb' : sep}) och citattecknen.`,
      });
      continue;
    }
    const name = cell('name');
    if (name === '') problem('name', 'Namn saknas.');
    else if (names.has(name.toLocaleLowerCase('sv-SE'))) problem('name', `${name} står redan på rad ${names.get(name.toLocaleLowerCase('sv-SE'))}.`);
    else names.set(name.toLocaleLowerCase('sv-SE'), row.line);
    const roleText = cell('role');
    const role = parseRole(roleText);
    if (role === null)
      problem(
        'role',
        roleText === ''
          ? 'Roll saknas. Skriv Ordförande, Vice ordförande, 2:e vice ordförande, Ledamot eller Ersättare.'
          : `Okänd roll "${roleText}". Skriv Ordförande, Vice ordförande, 2:e vice ordförande, Ledamot eller Ersättare.`,
      );
    const date = (c: 'termStart' | 'termEnd', fallback: string | undefined): string => {
      const v = cell(c) || fallback || '';
      if (!isValidIsoDate(v)) problem(c, v === '' ? `${columnTitles[c]} saknas. Skriv datumet som ÅÅÅÅ-MM-DD.` : `"${v}" är inget giltigt datum. Skriv ÅÅÅÅ-MM-DD, t.ex. 2023-01-01.`);
      return v;
    };
    const termStart = date('termStart', defaults.termStart);
    const termEnd = date('termEnd', defaults.termEnd);
    if (isValidIsoDate(termStart) && isValidIsoDate(termEnd) && termEnd < termStart) problem('termEnd', 'Mandatperioden slutar före den börjar.');
    const party = cell('party');
    if (party.length > 20) problem('party', 'Partiet får vara högst 20 tecken (skriv förkortningen, t.ex. S eller M).');
    const orderText = cell('substituteOrder');
    let substituteOrder: number | null = null;
    if (orderText !== '') {
      if (!/^\d{1,3}$/.test(orderText) || Number(orderText) < 1) problem('substituteOrder', `"${orderText}" är ingen ersättarordning. Skriv ett heltal från 1.`);
      else substituteOrder = Number(orderText);
      if (role !== null && role !== 'ersattare') problem('substituteOrder', 'Bara ersättare har en ersättarordning.');
    }
    const substituteFor = cell('substituteFor');
    if (substituteFor !== '' && role !== null && role !== 'ersattare') problem('substituteFor', 'Bara ersättare kan vara personlig ersättare för någon.');
    const email = cell('email');
    if (email !== '') {
      const wrong = emailProblem(email);
      if (wrong !== null) problem('email', `"${email.slice(0, 80)}" är ingen e-postadress. ${wrong}`);
    }
    // Identifiers go through the same validation as people.identifiers.add (core/domain/eid).
    const identifiers: EidIdentifier[] = [];
    for (const kind of IDENTIFIER_COLUMNS) {
      for (const raw of cell(kind)
        .split('|')
        .map((v) => v.trim())
        .filter((v) => v !== '')) {
        const parsed = parseEidIdentifier(kind, raw, defaults.today === undefined ? {} : { today: defaults.today });
        if ('error' in parsed) problem(kind, parsed.error);
        else if (!identifiers.some((i) => i.kind === parsed.kind && i.value === parsed.value)) identifiers.push(parsed);
      }
    }
    if (role !== null) {
      members.push({
        line: row.line,
        name,
        role,
        party: party === '' ? null : party,
        represents: cell('represents') || null,
        termStart,
        termEnd,
        substituteOrder,
        substituteFor: substituteFor === '' ? null : substituteFor,
        email: email === '' ? null : email,
        identifiers,
      });
    }
  }
  if (rows.length < 2) issues.push({ line: 2, column: null, message: 'Filen innehåller inga ledamöter, bara rubrikraden.' });
  return { members, issues };
}
