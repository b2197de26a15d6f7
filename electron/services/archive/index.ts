// Archive packages for the e-archive (E-ARK CSIP style): one folder per board and year with
// every meeting's data as JSON, every document version (the frozen PDF and, when signed, the
// last signed state with its validation report), a METS.xml describing every file with its
// SHA-256 checksum, and a plain manifest.sha256. `verifyArchive` recomputes every checksum and
// re-verifies every signed PDF. METS.xml carries Dublin Core descriptive metadata (a dmdSec for the
// package and one per meeting), follows E-ARK CSIP 2.1 where docs/archive.md says so, is read with
// an XML parser (mets-check.ts) and validates against the METS 1.12.1 schema (checked in the tests).
import { createHash, randomUUID } from 'node:crypto';
import { mkdir, readdir, readFile, rename, rm, rmdir, stat, writeFile } from 'node:fs/promises';
import { basename, dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { AppError } from '../../../core/api/errors';
import type { ArchiveExportResult, ArchiveFileUse, ArchivePackages, ArchiveProblem, ArchiveVerification, ArchiveWriteInput } from '../../../core/app/archive';
import type { ArchiveStore } from '../../../db/repos/archive';
import { paragraphLabel } from '../../../core/domain/numbering';
import { signatureFieldName } from '../../../core/domain/signature-fields';
import { verifyPdf } from '../signing';
import { checkMetsStructure, parseMets, type MetsEntry } from './mets-check';

import { APP_NAME, APP_VERSION } from '../../version';

export { parseMets };
export type { ArchiveExportResult, ArchiveFileUse, ArchiveProblem, ArchiveVerification };

export const METS_FILE = 'METS.xml';
export const MANIFEST_FILE = 'manifest.sha256';

export interface ArchiveFile {
  /** Relative path with forward slashes. */
  path: string;
  use: ArchiveFileUse;
  mimeType: string;
  size: number;
  sha256: string;
  created: string;
}

export interface ArchiveMeeting {
  meetingId: string;
  date: string;
  label: string;
  /** The §§ of the meeting, e.g. "§§ 20-26" (empty when it has none). */
  paragraphs: string;
  files: ArchiveFile[];
}

/** Who made the records: written as dc:creator (the board, then the organisation). */
export interface ArchiveCreator {
  board: string;
  organisation: string;
}

/** The board, its meetings of the year (core/app/archive.ts picks them) and the target folder, which must not exist or be empty. */
export interface ExportArchiveOptions extends ArchiveWriteInput {
  /** The stored document versions and signatures (db/repos/archive.ts). */
  documents: ArchiveStore;
}

/** The package port of core/app/archive.ts over this module, reading documents from `documents`. */
export function archivePackages(documents: ArchiveStore): ArchivePackages {
  return {
    write: (input) => exportArchive({ ...input, documents }),
    verify: (directory, options) => verifyArchive(directory, options),
  };
}

const sha256 = (data: Uint8Array): string => createHash('sha256').update(data).digest('hex');

function ioError(e: unknown, what: string): AppError {
  const code = (e as { code?: string }).code;
  const why = code === 'ENOSPC' ? ' (disken är full)' : code === 'EACCES' || code === 'EPERM' || code === 'EROFS' ? ' (skrivskyddad mapp)' : '';
  return new AppError('io', `${what}${why}.`);
}

/** The folder is missing or empty; anything else is refused so nothing is ever overwritten. */
async function assertEmptyTarget(dir: string): Promise<boolean> {
  try {
    const s = await stat(dir);
    if (!s.isDirectory()) throw new AppError('conflict', `${dir} finns redan och är inte en mapp. Välj en ny eller tom mapp för arkivpaketet.`);
    if ((await readdir(dir)).length > 0) throw new AppError('conflict', `Mappen ${dir} är inte tom. Välj en ny eller tom mapp för arkivpaketet; inget har skrivits.`);
    return true;
  } catch (e) {
    if ((e as { code?: string }).code === 'ENOENT') return false;
    throw e;
  }
}

const safeName = (s: string): string => s.replace(/[^\p{L}\p{N}._-]+/gu, '_').slice(0, 80);

/** A folder path given by a client must be complete on this computer (the contract checks the form; "C:\\x" is no full path on Linux). */
function fullPath(dir: string): string {
  if (!isAbsolute(dir)) throw new AppError('validation', `Ange hela sökvägen till mappen, inte "${dir}". En ofullständig sökväg skulle hamna i programmets egen arbetsmapp.`);
  return resolve(dir);
}

/** Writes an archive package for a board and year into `dir`, atomically (temp folder + rename). */
export async function exportArchive(o: ExportArchiveOptions): Promise<ArchiveExportResult> {
  const dir = fullPath(o.directory);
  const { board, meetings } = o;
  if (meetings.length === 0) throw new AppError('not_found', `${board.name} har inga sammanträden år ${o.year}; inget arkivpaket skrevs.`);
  const existed = await assertEmptyTarget(dir);

  const created = o.now.toISOString();
  const tmp = join(dirname(dir), `.${basename(dir)}.${process.pid}.${randomUUID().slice(0, 8)}.tmp`);

  const packaged: ArchiveMeeting[] = [];
  let signedPdfs = 0;
  try {
    await mkdir(tmp, { recursive: true });
    const put = async (files: ArchiveFile[], path: string, data: string | Uint8Array, use: ArchiveFileUse, mimeType: string, at = created): Promise<void> => {
      const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
      const full = join(tmp, ...path.split('/'));
      await mkdir(dirname(full), { recursive: true });
      await writeFile(full, bytes);
      files.push({ path, use, mimeType, size: bytes.length, sha256: sha256(bytes), created: at });
    };
    for (const m of meetings) {
      const files: ArchiveFile[] = [];
      const base = `representations/${m.date}_${safeName(m.id)}/data`;
      const doc = o.meetingDocument(m.id);
      await put(files, `${base}/sammantrade.json`, `${JSON.stringify(doc, null, 2)}\n`, 'meeting-data', 'application/json');
      const register: unknown[] = [];
      for (const v of o.documents.meetingDocuments(m.id)) {
        const name = `${safeName(v.kind)}${v.groupPosition === null ? '' : `-grupp${v.groupPosition + 1}`}-v${v.versionNo}-${safeName(v.id)}`;
        const frozenPath = `${base}/dokument/${name}.pdf`;
        await put(files, frozenPath, v.pdf, 'frozen-pdf', 'application/pdf', v.createdAt);
        const sigs = v.signatures;
        const last = sigs.at(-1);
        let signedPath: string | null = null;
        let reportPath: string | null = null;
        if (last !== undefined) {
          signedPath = `${base}/dokument/${name}-signerad.pdf`;
          reportPath = `${base}/dokument/${name}-validering.json`;
          await put(files, signedPath, last.pdf, 'signed-pdf', 'application/pdf', last.signedAt);
          await put(files, reportPath, `${JSON.stringify(last.validation, null, 2)}\n`, 'validation-report', 'application/json', last.signedAt);
          signedPdfs++;
        }
        register.push({
          versionId: v.id,
          kind: v.kind,
          versionNo: v.versionNo,
          groupPosition: v.groupPosition,
          reason: v.reason,
          isCurrent: v.isCurrent,
          createdAt: v.createdAt,
          sha256: v.sha256,
          frozenPdf: frozenPath.slice(base.length + 1),
          signedPdf: signedPath?.slice(base.length + 1) ?? null,
          validationReport: reportPath?.slice(base.length + 1) ?? null,
          signatures: sigs.map((s) => ({ field: s.field, role: s.role, signerName: s.signerName, signedAt: s.signedAt, sha256: s.sha256 })),
        });
      }
      await put(files, `${base}/dokumentforteckning.json`, `${JSON.stringify({ meetingId: m.id, date: m.date, versions: register }, null, 2)}\n`, 'document-register', 'application/json');
      packaged.push({ meetingId: m.id, date: m.date, label: `${board.name} ${m.date}`, paragraphs: doc.paragraphs.length === 0 ? '' : paragraphLabel(doc.paragraphs.map((p) => p.number)), files });
    }
    const objId = `urn:justera:arkiv:${board.id}:${o.year}`;
    const creator = { board: board.name, organisation: board.organisationName };
    const mets = metsXml({ objId, label: `${board.name} – protokoll ${o.year}`, created, year: o.year, creator, meetings: packaged });
    const metsBytes = Buffer.from(mets, 'utf8');
    await writeFile(join(tmp, METS_FILE), metsBytes);
    const all = packaged.flatMap((m) => m.files);
    const manifest = [...all.map((f) => `${f.sha256}  ${f.path}`), `${sha256(metsBytes)}  ${METS_FILE}`].join('\n');
    await writeFile(join(tmp, MANIFEST_FILE), `${manifest}\n`);
    if (existed) await rmdir(dir);
    await rename(tmp, dir);
    return { dir, objId, meetings: packaged.length, files: all.length + 2, signedPdfs };
  } catch (e) {
    await rm(tmp, { recursive: true, force: true }).catch(() => undefined);
    if (e instanceof AppError) throw e;
    throw ioError(e, `Arkivpaketet kunde inte skrivas till ${dir}; inget har ändrats där`);
  }
}

const xmlEscape = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** A dmdSec with Dublin Core (mdWrap, so the package needs no separate metadata files). */
function dcSection(id: string, dc: { title: string; creator: ArchiveCreator; date: string; description: string | null; identifier: string; created: string }): string[] {
  const a = xmlEscape;
  return [
    `  <mets:dmdSec ID="${id}" CREATED="${a(dc.created)}">`,
    '    <mets:mdWrap MDTYPE="DC" MIMETYPE="text/xml">',
    '      <mets:xmlData>',
    '        <dc:dc xmlns:dc="http://purl.org/dc/elements/1.1/">',
    `          <dc:title xml:lang="sv">${a(dc.title)}</dc:title>`,
    `          <dc:creator>${a(dc.creator.board)}</dc:creator>`,
    `          <dc:creator>${a(dc.creator.organisation)}</dc:creator>`,
    `          <dc:date>${a(dc.date)}</dc:date>`,
    ...(dc.description ? [`          <dc:description xml:lang="sv">${a(dc.description)}</dc:description>`] : []),
    '          <dc:type>Text</dc:type>',
    `          <dc:identifier>${a(dc.identifier)}</dc:identifier>`,
    '          <dc:language>sv</dc:language>',
    '        </dc:dc>',
    '      </mets:xmlData>',
    '    </mets:mdWrap>',
    '  </mets:dmdSec>',
  ];
}

export function metsXml(p: { objId: string; label: string; created: string; year: number; creator: ArchiveCreator; meetings: ArchiveMeeting[] }): string {
  const a = xmlEscape;
  const lines: string[] = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<mets:mets xmlns:mets="http://www.loc.gov/METS/" xmlns:xlink="http://www.w3.org/1999/xlink" xmlns:csip="https://DILCIS.eu/XML/METS/CSIPExtensionMETS"` +
      ` xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://www.loc.gov/METS/ http://www.loc.gov/standards/mets/mets.xsd"` +
      ` OBJID="${a(p.objId)}" LABEL="${a(p.label)}" TYPE="OTHER" csip:OTHERTYPE="Sammanträdesprotokoll"` +
      ` csip:CONTENTINFORMATIONTYPE="OTHER" csip:OTHERCONTENTINFORMATIONTYPE="Justera sammanträdesdata (JSON) och PDF/A-protokoll"` +
      ` PROFILE="https://earkcsip.dilcis.eu/profile/E-ARK-CSIP.xml">`,
    `  <mets:metsHdr CREATEDATE="${a(p.created)}" RECORDSTATUS="NEW" csip:OAISPACKAGETYPE="SIP">`,
    '    <mets:agent ROLE="CREATOR" TYPE="OTHER" OTHERTYPE="SOFTWARE">',
    `      <mets:name>${a(APP_NAME)}</mets:name>`,
    `      <mets:note csip:NOTETYPE="SOFTWARE VERSION">${a(APP_VERSION)}</mets:note>`,
    '    </mets:agent>',
    '    <mets:agent ROLE="CREATOR" TYPE="ORGANIZATION">',
    `      <mets:name>${a(p.creator.organisation)}</mets:name>`,
    '    </mets:agent>',
    '  </mets:metsHdr>',
    ...dcSection('dmd-0', {
      title: `Protokoll ${p.creator.board} ${p.year}`,
      creator: p.creator,
      date: String(p.year),
      description: `${p.meetings.length} sammanträden`,
      identifier: p.objId,
      created: p.created,
    }),
    ...p.meetings.flatMap((m, i) =>
      dcSection(`dmd-${i + 1}`, {
        title: `Protokoll ${p.creator.board} ${m.date}`,
        creator: p.creator,
        date: m.date,
        description: m.paragraphs || null,
        identifier: `urn:justera:sammantrade:${m.meetingId}`,
        created: p.created,
      }),
    ),
    '  <mets:fileSec ID="fileSec">',
  ];
  let n = 0;
  const ids = new Map<ArchiveFile, string>();
  p.meetings.forEach((m, i) => {
    lines.push(`    <mets:fileGrp ID="grp-${i + 1}" USE="Representations/${a(m.date)}">`);
    for (const f of m.files) {
      const id = `file-${String(++n).padStart(4, '0')}`;
      ids.set(f, id);
      lines.push(
        `      <mets:file ID="${id}" USE="${f.use}" MIMETYPE="${a(f.mimeType)}" SIZE="${f.size}" CREATED="${a(f.created)}" CHECKSUM="${f.sha256}" CHECKSUMTYPE="SHA-256">`,
        `        <mets:FLocat LOCTYPE="URL" xlink:type="simple" xlink:href="${a(f.path)}"/>`,
        '      </mets:file>',
      );
    }
    lines.push('    </mets:fileGrp>');
  });
  lines.push('  </mets:fileSec>', `  <mets:structMap ID="structMap" TYPE="PHYSICAL" LABEL="CSIP">`, `    <mets:div ID="root" LABEL="${a(p.label)}" DMDID="dmd-0">`);
  p.meetings.forEach((m, i) => {
    lines.push(`      <mets:div ID="meeting-${i + 1}" TYPE="Sammanträde" LABEL="${a(m.label)}" ORDERLABEL="${a(m.date)}" DMDID="dmd-${i + 1}">`);
    for (const f of m.files) lines.push(`        <mets:fptr FILEID="${ids.get(f) ?? ''}"/>`);
    lines.push('      </mets:div>');
  });
  lines.push('    </mets:div>', '  </mets:structMap>', '</mets:mets>', '');
  return lines.join('\n');
}

// ---- verification -------------------------------------------------------------------------

const capitalised = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);

/** A package path must stay inside the package. */
function insidePath(dir: string, rel: string): string | null {
  if (rel === '' || rel.startsWith('/') || rel.includes('\\') || rel.split('/').some((s) => s === '..' || s === '')) return null;
  const full = resolve(dir, ...rel.split('/'));
  const r = relative(dir, full);
  return r.startsWith('..') || r.includes(`..${sep}`) ? null : full;
}

async function listFiles(dir: string, prefix = ''): Promise<string[]> {
  const out: string[] = [];
  for (const e of await readdir(join(dir, prefix), { withFileTypes: true })) {
    const rel = prefix === '' ? e.name : `${prefix}/${e.name}`;
    if (e.isDirectory()) out.push(...(await listFiles(dir, rel)));
    else out.push(rel);
  }
  return out;
}

/** Recomputes every checksum in METS.xml and manifest.sha256 and re-verifies every signed PDF. */
export async function verifyArchive(dirIn: string, options: { now?: Date; trustAnchors?: Uint8Array[]; crls?: Uint8Array[] } = {}): Promise<ArchiveVerification> {
  const dir = fullPath(dirIn);
  const bad: ArchiveProblem[] = [];
  const invalid: ArchiveProblem[] = [];
  let okFiles = 0;
  let validSigs = 0;
  let xml: string;
  try {
    xml = await readFile(join(dir, METS_FILE), 'utf8');
  } catch {
    throw new AppError('not_found', `${join(dir, METS_FILE)} saknas eller kan inte läsas; mappen är inget arkivpaket från Justera.`);
  }
  const structure = checkMetsStructure(xml);
  let mets: { objId: string | null; files: MetsEntry[] };
  try {
    mets = parseMets(xml);
  } catch {
    mets = { objId: null, files: [] }; // not well-formed: checkMetsStructure says so
  }
  if (mets.files.length === 0) bad.push({ path: METS_FILE, problem: 'METS.xml listar inga filer.' });
  const listed = new Set<string>([METS_FILE, MANIFEST_FILE]);

  const uses: readonly string[] = ['meeting-data', 'document-register', 'frozen-pdf', 'signed-pdf', 'validation-report'] satisfies ArchiveFileUse[];
  for (const f of mets.files) {
    listed.add(f.path);
    // What the file is and which meeting it belongs to, so a report can name it without its path.
    const about = { ...(uses.includes(f.use) ? { use: f.use as ArchiveFileUse } : {}), ...(f.meetingDate === undefined ? {} : { meetingDate: f.meetingDate }) };
    const full = insidePath(dir, f.path);
    if (full === null) {
      bad.push({ path: f.path, problem: 'Sökvägen pekar utanför paketet.', ...about });
      continue;
    }
    let data: Buffer;
    try {
      data = await readFile(full);
    } catch {
      bad.push({ path: f.path, problem: 'Filen saknas.', ...about });
      continue;
    }
    if (f.checksumType !== 'SHA-256') bad.push({ path: f.path, problem: `Okänd checksumtyp "${f.checksumType}".`, ...about });
    else if (data.length !== f.size) bad.push({ path: f.path, problem: `Fel storlek: ${data.length} byte, METS.xml anger ${f.size}.`, ...about });
    else if (sha256(data) !== f.sha256) bad.push({ path: f.path, problem: 'Checksumman stämmer inte: filen har ändrats.', ...about });
    else okFiles++;
    if (f.use === 'signed-pdf') {
      const report = await verifyPdf(new Uint8Array(data), {
        ...(options.trustAnchors ? { trustAnchors: options.trustAnchors } : {}),
        ...(options.crls ? { crls: options.crls } : {}),
        ...(options.now ? { now: options.now } : {}),
      });
      // Valid is not enough: every signature must chain to a trust anchor (none given = not judged, not passed).
      if (report.accepted) validSigs++;
      else if (!report.valid) {
        // What is wrong with each signature, named by its role ("ordförande"), never by the field's id.
        const each = report.signatures
          .filter((x) => !x.valid)
          .map((x) => `${x.fieldName === null ? 'Underskrift' : capitalised(signatureFieldName(x.fieldName))}: ${x.problems.join(' ') || 'ogiltig'}`);
        invalid.push({ path: f.path, problem: [...report.problems, ...each].join(' ') || 'Underskriften är ogiltig.', reason: 'invalid', ...about });
      } else if (!report.trustAssessed)
        invalid.push({ path: f.path, problem: 'Tillit ej bedömd: det finns inga betrodda rotcertifikat att pröva underskrifterna mot.', reason: 'not-assessed', ...about });
      else
        invalid.push({
          path: f.path,
          problem: report.signatures
            .filter((x) => !x.trust.trusted)
            .map((x) => `${x.fieldName === null ? 'Underskrift' : capitalised(signatureFieldName(x.fieldName))}: ${x.trust.problem ?? 'inte betrodd'}`)
            .join(' '),
          reason: 'untrusted',
          ...about,
        });
    }
  }

  // manifest.sha256 must agree too (it also covers METS.xml itself).
  let manifest: string | null = null;
  try {
    manifest = await readFile(join(dir, MANIFEST_FILE), 'utf8');
  } catch {
    bad.push({ path: MANIFEST_FILE, problem: 'Filen saknas.' });
  }
  if (manifest !== null) {
    for (const line of manifest.split('\n').filter((l) => l.trim() !== '')) {
      const m = /^([0-9a-f]{64}) [ *](.+)$/.exec(line);
      if (!m) {
        bad.push({ path: MANIFEST_FILE, problem: `Felaktig rad: "${line.slice(0, 80)}".` });
        continue;
      }
      const [, sum, path] = m as unknown as [string, string, string];
      const entry = mets.files.find((f) => f.path === path);
      if (path === METS_FILE) {
        if (sha256(Buffer.from(await readFile(join(dir, METS_FILE)))) === sum) okFiles++;
        else bad.push({ path: METS_FILE, problem: 'Checksumman stämmer inte med manifest.sha256: METS.xml har ändrats.' });
      } else if (entry === undefined) bad.push({ path, problem: 'Filen finns i manifest.sha256 men inte i METS.xml.' });
      else if (entry.sha256 !== sum) bad.push({ path, problem: 'manifest.sha256 och METS.xml anger olika checksummor.' });
    }
  }

  for (const rel of await listFiles(dir)) if (!listed.has(rel)) bad.push({ path: rel, problem: 'Filen finns i mappen men inte i METS.xml.' });

  return {
    dir,
    objId: mets.objId,
    mets: { valid: structure.length === 0, problems: structure },
    files: { ok: okFiles, bad },
    signatures: { valid: validSigs, invalid },
    trustAssessed: (options.trustAnchors?.length ?? 0) > 0,
    ok: structure.length === 0 && bad.length === 0 && invalid.length === 0,
  };
}
