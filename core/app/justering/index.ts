// Justering: freeze a group of §§ as an immutable version, collect the required PAdES signatures
// (in this app, or through a signing package from another machine), and mark the group adjusted
// at the moment of the last signature. Async work (rendering, signing, checking) happens before
// the one synchronous transaction that writes; the transaction re-checks what it relied on.
import { AppError } from '../../api/errors';
import { buildProtocolData } from '../../documents/protocol';
import { restrictTo } from '../../documents/extract';
import { paragraphLabel } from '../../domain/numbering';
import { signatureFieldName } from '../../domain/signature-fields';
import { stockholmDateTime } from '../anslag/dates';
import { printableDeep } from '../../domain/printable';
import { packageAuthenticity } from './package-check';
import type { MeetingDocument } from '../../format/meeting';
import { freezeIssues } from '../../domain/rules';
import { groupTimePlaceLines, meetingTimePlaceLines } from '../../domain/justering-time';
import { justeringDeadline, stockholmDay } from '../../domain/calendar';
import { pathText } from '../../api/validation';
import { base64ToBytes, bytesToBase64 } from '../../format/base64';
import type { GroupRow, JusteringDeps, SignatureRow, SignerCredentials, VersionRow } from './ports';
import { expectTurn, meetingSigningOrder, mustSignFirst } from './order';
import { signField, trustOptions, type ExpectedIdentity, type TrustSource } from './signing';
import { expectIdentity, signerIdentity } from '../trust/identity';
import { recordSignature, type SignedFile } from './record';
import {
  PACKAGE_FORMAT,
  PACKAGE_VERSION,
  type FreezeResult,
  type GroupJustering,
  type JusteringStatus,
  type OpenedPackage,
  type RequiredSigner,
  type SignatureSummary,
  type SignResult,
  type TimestampOutcome,
  type SigningPackage,
  type ValidationSummary,
  type VersionSummary,
} from './types';

export * from './types';
export { normaliseName } from './signing';
export { getSigningOrder, setSigningOrder } from './order';

const SIGN_REASON = 'Justering av protokoll';

// ---------------------------------------------------------------------------------------------
// Freeze

export async function freeze(deps: JusteringDeps, input: { meetingId: string; groupIndex?: number | undefined }): Promise<FreezeResult> {
  const loaded = deps.store.loadMeeting(input.meetingId);
  if (loaded === null) throw new AppError('not_found', 'Sammanträdet finns inte. Välj ett sammanträde i listan och försök igen.');
  const { doc } = loaded;
  const target = chooseGroup(deps.justering.groups(input.meetingId), doc, input.groupIndex);
  if (target.group !== null && target.group.status !== 'open') {
    throw new AppError(
      'conflict',
      `${paragraphLabel(target.paragraphs)} är redan ${target.group.status === 'adjusted' ? 'justerade' : 'låsta för justering'}. Se justeringsstatus för versionen som ska skrivas under; en rättelse görs som en ny version.`,
    );
  }
  if (target.paragraphs.length === 0) throw new AppError('validation', 'Justeringsgruppen har inga paragrafer. Lägg till paragrafer innan protokollet låses för justering.');
  if (doc.meeting.justerare.length === 0) {
    throw new AppError('validation', 'Sammanträdet har ingen justerare. Utse minst en justerare innan protokollet låses för justering.');
  }
  const today = stockholmDay(deps.clock.now()) ?? '';
  if (today < doc.meeting.date) {
    throw new AppError(
      'validation',
      `${paragraphLabel(target.paragraphs)} kan inte låsas för justering före sammanträdet (${doc.meeting.date}); i dag är det ${today}. Ett protokoll låses och justeras tidigast på sammanträdesdagen.`,
    );
  }
  const names = new Map(doc.people.map((p) => [p.key, p.name]));
  const issues = freezeIssues(doc, target.paragraphs, (k) => names.get(k) ?? k).map((i) => ({ path: pathText(i.path), message: i.message }));
  const firstIssue = issues[0];
  if (firstIssue !== undefined) {
    const more = issues.length > 1 ? ` (och ${issues.length - 1} fel till)` : '';
    throw new AppError('validation', `${paragraphLabel(target.paragraphs)} kan inte låsas för justering: ${firstIssue.message}${more}`, { issues });
  }
  const generatedAt = deps.clock.now().toISOString();
  const data = buildProtocolData(restrictTo(doc, target.paragraphs), { generatedAt, wholeMeeting: doc });
  const expected = data.signaturePage.signers.map((s) => s.field);
  const rendered = await deps.services.renderFrozen(data);
  const missing = expected.filter((f) => !rendered.fields.includes(f));
  if (missing.length > 0) throw new AppError('internal', `Protokollet fick inga underskriftsfält för ${missing.join(', ')}. Försök igen eller kontakta IT-supporten.`);
  const sha256 = deps.services.sha256(rendered.pdf);
  const snapshotJson = JSON.stringify(doc);

  return deps.store.transaction(() => {
    // Nothing may have changed while the PDF was being made.
    const now = deps.store.loadMeeting(input.meetingId);
    if (now === null || JSON.stringify(now.doc) !== snapshotJson) {
      throw new AppError('conflict', 'Protokollet ändrades medan det skrevs ut. Lås det för justering igen.');
    }
    let group = target.group;
    if (group === null) {
      group = deps.justering.createWholeMeetingGroup(input.meetingId);
    } else {
      const fresh = deps.justering.groups(input.meetingId).find((g) => g.id === group?.id);
      if (fresh === undefined || fresh.status !== 'open') throw new AppError('conflict', `${paragraphLabel(target.paragraphs)} låstes för justering samtidigt av någon annan. Uppdatera vyn.`);
    }
    const versionNo = deps.justering.nextVersionNo(input.meetingId, group.id);
    const version = deps.justering.insertVersion({ meetingId: input.meetingId, groupId: group.id, versionNo, reason: null, snapshot: doc, pdf: rendered.pdf, sha256 });
    deps.justering.setGroupStatus(group.id, 'frozen', null);
    deps.store.audit({
      action: 'justering.freeze',
      entity: 'document_version',
      entityId: version.id,
      details: { meetingId: input.meetingId, groupId: group.id, paragraphs: target.paragraphs, versionNo, sha256, fields: expected },
    });
    return { groupId: group.id, groupIndex: group.position, paragraphs: target.paragraphs, version: summarise(deps, version, doc, target.paragraphs, []) };
  });
}

function chooseGroup(groups: GroupRow[], doc: MeetingDocument, groupIndex: number | undefined): { group: GroupRow | null; paragraphs: number[] } {
  const all = doc.paragraphs.map((p) => p.number);
  if (groups.length === 0) {
    if (groupIndex !== undefined && groupIndex !== 0) throw new AppError('validation', 'Sammanträdet har inga justeringsgrupper: hela protokollet justeras på en gång. Ange ingen grupp.');
    return { group: null, paragraphs: all };
  }
  const list = groups.map((g) => `${g.position} (${paragraphLabel(g.paragraphs)})`).join(', ');
  if (groupIndex === undefined) {
    const only = groups[0];
    if (groups.length === 1 && only !== undefined) return { group: only, paragraphs: only.paragraphs };
    throw new AppError('validation', `Sammanträdet justeras i ${groups.length} grupper. Ange vilken grupp som ska låsas: ${list}.`);
  }
  const group = groups.find((g) => g.position === groupIndex);
  if (group === undefined) throw new AppError('validation', `Justeringsgrupp ${groupIndex} finns inte. Välj bland: ${list}.`);
  return { group, paragraphs: group.paragraphs };
}

// ---------------------------------------------------------------------------------------------
// Versions, signers and state

export interface VersionContext {
  version: VersionRow & { snapshot: MeetingDocument; pdf: Uint8Array };
  group: GroupRow;
  signers: RequiredSigner[];
  signatures: SignatureRow[];
  /** The state to sign on top of. */
  current: { pdf: Uint8Array; sha256: string };
}

function requiredSigners(deps: JusteringDeps, meetingId: string, snapshot: MeetingDocument, createdAt: string): RequiredSigner[] {
  const signers = buildProtocolData(snapshot, { generatedAt: createdAt }).signaturePage.signers;
  const ids = deps.justering.signerPersonIds(meetingId);
  const personOf = (field: string): string | null => {
    if (ids === null) return null;
    if (field === 'sig-sekreterare') return ids.secretary;
    if (field === 'sig-ordforande') return ids.chair;
    const m = /^sig-justerare-(\d+)$/.exec(field);
    return m === null ? null : (ids.justerare[Number(m[1]) - 1] ?? null);
  };
  return signers.map((s) => ({ field: s.field, role: s.role, name: s.name, personId: personOf(s.field) }));
}

export function loadVersion(deps: JusteringDeps, versionId: string): VersionContext {
  const version = deps.justering.version(versionId);
  if (version === null) throw new AppError('not_found', 'Protokollversionen finns inte. Välj en version i justeringsstatus och försök igen.');
  const group = deps.justering.groups(version.meetingId).find((g) => g.id === version.groupId);
  if (group === undefined) throw new AppError('not_found', 'Protokollversionen hör inte till någon justeringsgrupp.');
  const latest = deps.justering.latestSigned(versionId);
  return {
    version,
    group,
    signers: requiredSigners(deps, version.meetingId, version.snapshot, version.createdAt),
    signatures: deps.justering.signatures(versionId),
    current: latest === null ? { pdf: version.pdf, sha256: version.sha256 } : { pdf: latest.pdf, sha256: latest.sha256 },
  };
}

/**
 * A version awaits signatures when its group is frozen (the justering), or when it is a rättelse:
 * a later version of an adjusted group (the group stays adjusted; see correct()).
 */
function awaitsSignatures(groupStatus: string, versionNo: number): boolean {
  return groupStatus === 'frozen' || (groupStatus === 'adjusted' && versionNo > 1);
}

/** The field must be one of this version's and still empty; the version must await signatures. */
export function expectOpenField(ctx: VersionContext, field: string): RequiredSigner {
  const signer = ctx.signers.find((s) => s.field === field);
  if (signer === undefined) {
    throw new AppError('validation', `Fältet "${field}" finns inte i den här protokollversionen. Välj ett av: ${ctx.signers.map((s) => `${s.field} (${s.role} ${s.name})`).join(', ')}.`);
  }
  if (!ctx.version.isCurrent) throw new AppError('conflict', `Version ${ctx.version.versionNo} har ersatts av en nyare version. Skriv under den gällande versionen.`);
  const done = ctx.signatures.find((s) => s.field === field);
  if (done !== undefined) {
    throw new AppError('conflict', `Fältet för ${signatureFieldName(field)} är redan underskrivet av ${done.signerName} (${stockholmDateTime(done.signedAt)}). En underskrift kan inte göras om.`, {
      field,
    });
  }
  if (!awaitsSignatures(ctx.group.status, ctx.version.versionNo)) throw new AppError('conflict', 'Protokollversionen väntar inte på underskrifter. Kontrollera justeringsstatus.');
  return signer;
}

/** The board's signing order: refuses a signer whose turn has not come (before any key is used). */
export function expectSignerTurn(deps: JusteringDeps, ctx: VersionContext, signer: RequiredSigner): void {
  expectTurn(meetingSigningOrder(deps, ctx.version.meetingId), ctx.signers, new Set(ctx.signatures.map((s) => s.field)), signer);
}

// ---------------------------------------------------------------------------------------------
// Signing in this app

export async function sign(deps: JusteringDeps, input: { versionId: string; field: string; credentials: SignerCredentials }): Promise<SignResult> {
  const ctx = loadVersion(deps, input.versionId);
  const expected = expectOpenField(ctx, input.field);
  expectSignerTurn(deps, ctx, expected);
  const signed = await signField(deps, ctx.current.pdf, expected, identityOf(deps, ctx, expected), input.credentials, SIGN_REASON);
  return record(deps, ctx, expected, {
    pdf: signed.pdf,
    signedAt: signed.signedAt,
    checked: signed.checked,
    via: 'app',
    credential: input.credentials.kind,
    timestamp: signed.timestamp,
    identity: signed.identity,
  });
}

/** The expected signer's e-ID identifiers and the board's requirement. */
export function identityOf(deps: JusteringDeps, ctx: VersionContext, expected: RequiredSigner): ExpectedIdentity {
  return signerIdentity(deps, expected, deps.justering.meetingBoardId(ctx.version.meetingId));
}

// ---------------------------------------------------------------------------------------------
// Signing package for another machine

export function exportPackage(deps: JusteringDeps, input: { versionId: string; field: string }): { fileName: string; content: string; manifest: SigningPackage['manifest'] } {
  const ctx = loadVersion(deps, input.versionId);
  const expected = expectOpenField(ctx, input.field);
  expectSignerTurn(deps, ctx, expected);
  const doc = ctx.version.snapshot;
  const paragraphs = ctx.group.paragraphs;
  const manifest: SigningPackage['manifest'] = {
    meeting: { id: ctx.version.meetingId, date: doc.meeting.date },
    board: doc.board.name,
    date: doc.meeting.date,
    paragraphs,
    paragraphsLabel: paragraphLabel(paragraphs),
    versionId: ctx.version.id,
    versionNo: ctx.version.versionNo,
    versionSha256: ctx.version.sha256,
    baseSha256: ctx.current.sha256,
    field: expected.field,
    expectedSigner: { name: expected.name, role: expected.role },
    createdAt: deps.clock.now().toISOString(),
  };
  const pkg: SigningPackage = { format: PACKAGE_FORMAT, version: PACKAGE_VERSION, manifest, pdf: bytesToBase64(ctx.current.pdf) };
  deps.store.transaction(() =>
    deps.store.audit({
      action: 'justering.exportPackage',
      entity: 'document_version',
      entityId: ctx.version.id,
      details: { field: expected.field, signer: expected.name, baseSha256: ctx.current.sha256 },
    }),
  );
  const safeDate = doc.meeting.date.replace(/[^0-9-]/g, '');
  return { fileName: `protokoll-${safeDate}-${paragraphs[0] ?? ''}-${expected.field}.justera`, content: `${JSON.stringify(pkg, null, 1)}\n`, manifest };
}

/** On the signer's machine: reads a package, checks it is whole, and tells what is to be signed. */
export async function openPackage(deps: Pick<JusteringDeps, 'services'> & TrustSource, input: { content: string }): Promise<OpenedPackage> {
  const bad = (why: string) => new AppError('validation', `Filen är inget giltigt underskriftspaket från Justera (${why}). Be sekreteraren skicka paketet igen.`);
  let raw: unknown;
  try {
    raw = JSON.parse(input.content);
  } catch {
    throw bad('den går inte att läsa, kanske är den avkortad');
  }
  const pkg = raw as Partial<SigningPackage> | null;
  if (pkg === null || typeof pkg !== 'object' || pkg.format !== PACKAGE_FORMAT) throw bad('fel filformat');
  if (typeof pkg.version !== 'number') throw bad('versionsnumret saknas');
  if (pkg.version !== PACKAGE_VERSION) throw new AppError('validation', `Underskriftspaketet har version ${String(pkg.version)}, som den här versionen av Justera inte kan läsa. Uppdatera Justera.`);
  const m = pkg.manifest;
  const text = (v: unknown): boolean => typeof v === 'string' && v.trim() !== '';
  if (m === undefined || m === null || typeof m !== 'object' || !text(m.field) || !text(m.baseSha256) || !text(m.versionId) || !text(m.expectedSigner?.name)) {
    throw bad('uppgifterna om underskriften saknas');
  }
  if (typeof pkg.pdf !== 'string' || pkg.pdf.length === 0) throw bad('PDF-filen saknas');
  const damaged = () => bad('PDF-filen stämmer inte med kontrollsumman; filen har ändrats eller är skadad');
  let pdf: Uint8Array;
  try {
    pdf = base64ToBytes(pkg.pdf);
  } catch {
    throw damaged();
  }
  if (deps.services.sha256(pdf) !== m.baseSha256) throw damaged();
  // A PDF that matches its checksum but cannot be parsed (a package made by hand) is refused, not an internal error.
  const { summary } = await deps.services.verify(pdf, trustOptions(deps)).catch((e: unknown) => {
    throw e instanceof AppError ? e : bad('PDF-filen i paketet går inte att läsa');
  });
  const broken = summary.signatures.filter((s) => !s.valid);
  const changed = summary.signatures.flatMap((s) => s.changesAfter.filter((c) => !c.allowed).map((c) => c.what));
  if (broken.length > 0 || (summary.modifiedAfterLastSignature && (changed.length > 0 || !summary.valid))) {
    const why =
      changed.length > 0 ? `ändrat efter underskrift: ${[...new Set(changed)].slice(0, 3).join('; ')}` : (broken[0]?.problems.slice(0, 2).join(' ') ?? summary.problems.slice(0, 2).join(' '));
    throw new AppError('signature', `Underskrifterna som redan finns i paketets PDF är inte giltiga (${why}). Skriv inte under; kontakta sekreteraren.`);
  }
  // Everything shown from here on comes from someone else's file: no control characters.
  const manifest = printableDeep(m);
  // The facts the signer is shown and that are compared with the PDF's text: strings, and § numbers
  // that are whole numbers (a "(" among them made the comparison throw, an internal error).
  const paragraphNumbers = (v: unknown) => Array.isArray(v) && v.every((p) => Number.isSafeInteger(p) && (p as number) >= 1);
  const strings = [manifest.field, manifest.board, manifest.date, manifest.expectedSigner.role];
  if (strings.some((v) => typeof v !== 'string') || !paragraphNumbers(manifest.paragraphs)) throw bad('uppgifterna om underskriften saknas');
  const facts = await deps.services.pdfFacts(pdf).catch(() => {
    throw bad('PDF-filen i paketet går inte att läsa');
  });
  const field = facts.fields.find((f) => f.name === manifest.field);
  if (field === undefined) throw bad(`protokollet har inget underskriftsfält ${manifest.field}`);
  const signedBefore = printableDeep(summary.signatures);
  const authenticity = packageAuthenticity(manifest, signedBefore, facts, summary.trustAssessed);
  return { manifest, pdfBase64: pkg.pdf, signedBefore, authenticity };
}

/** Back at the secretary: the signed file must be the base plus exactly the expected signature. */
export async function importSigned(deps: JusteringDeps, input: { versionId: string; field: string; pdf: Uint8Array }): Promise<SignResult> {
  const ctx = loadVersion(deps, input.versionId);
  const expected = expectOpenField(ctx, input.field);
  expectSignerTurn(deps, ctx, expected);
  const trust = trustOptions(deps);
  // One validation: byte prefix, one new signature in the field, valid, chaining to a trust
  // anchor at the time stamp's time or now (never the file's own /M), nothing else changed.
  const checked = await deps.services.checkIncremental(ctx.current.pdf, input.pdf, { fieldName: input.field, ...trust });
  if (checked.certificateIdentity === null) throw new AppError('signature', 'Underskriften saknar certifikat. Skriv under igen med ett giltigt certifikat.');
  const how = expectIdentity(identityOf(deps, ctx, expected), checked.certificateIdentity, expected.field, expected.role);
  // The signer's claimed time (/M) must lie between the freeze and now; it is never used as the time.
  const claimed = checked.signature.claimedSigningTime;
  const importedAt = trust.now.toISOString();
  if (claimed !== null && Date.parse(claimed) < Date.parse(ctx.version.createdAt)) {
    throw new AppError(
      'signature',
      `Underskriften anger tiden ${claimed}, före protokollet låstes för justering (${ctx.version.createdAt}). Filen kan inte tas emot; kontrollera klockan på datorn där den gjordes och skriv under igen.`,
      { reason: 'signing_time_not_credible' },
    );
  }
  if (claimed !== null && Date.parse(claimed) > trust.now.getTime() + CLOCK_SKEW_MS) {
    throw new AppError(
      'signature',
      `Underskriften anger tiden ${claimed}, som ligger efter tidpunkten då filen tas emot (${importedAt}). Filen kan inte tas emot; kontrollera klockan på datorn där den gjordes och skriv under igen.`,
      { reason: 'signing_time_not_credible' },
    );
  }
  // adjusted_at comes from here: a trusted time stamp, else the moment of import.
  const signedAt = checked.signature.timestampTime ?? importedAt;
  // Signed elsewhere: a time stamp is there or not; this app asked for none.
  const timestamp: TimestampOutcome = { requested: false, added: checked.signature.level === 'B-T', message: null };
  return record(deps, ctx, expected, { pdf: input.pdf, signedAt, checked, via: 'import', credential: 'package', timestamp, identity: how });
}

/** How far ahead of this computer's clock a signer's clock may be. */
const CLOCK_SKEW_MS = 5 * 60_000;

// ---------------------------------------------------------------------------------------------
// Recording a signature

export function record(deps: JusteringDeps, ctx: VersionContext, expected: RequiredSigner, signed: SignedFile): SignResult {
  let correction = false;
  return recordSignature(deps, { version: ctx.version, baseSha256: ctx.current.sha256, signer: expected, noun: 'protokollet' }, signed, {
    audit: { action: signed.via === 'import' ? 'justering.importSigned' : 'justering.sign' },
    check: () => {
      const groupNow = deps.justering.groups(ctx.version.meetingId).find((g) => g.id === ctx.group.id);
      if (groupNow === undefined || !awaitsSignatures(groupNow.status, ctx.version.versionNo)) {
        throw new AppError('conflict', 'Protokollversionen väntar inte längre på underskrifter. Kontrollera justeringsstatus.');
      }
      correction = groupNow.status === 'adjusted';
    },
    then: (row) => {
      const signedFields = new Set([...ctx.signatures.map((x) => x.field), expected.field]);
      const remaining = ctx.signers.filter((x) => !signedFields.has(x.field));
      let groupAdjusted = false;
      let meetingAdjusted = false;
      if (remaining.length === 0 && correction) {
        // A rättelse: the justering of the group stands (adjusted_at unchanged); the corrected
        // version is now signed by all.
        deps.store.audit({
          action: 'justering.correctionSigned',
          entity: 'adjustment_group',
          entityId: ctx.group.id,
          details: { versionId: ctx.version.id, versionNo: ctx.version.versionNo, paragraphs: ctx.group.paragraphs, signedAt: signed.signedAt },
        });
      } else if (remaining.length === 0) {
        // The moment of justering is the last signature; with skewed clocks, the latest time given.
        const adjustedAt = [...ctx.signatures.map((x) => x.signedAt), signed.signedAt].reduce((a, b) => (Date.parse(b) > Date.parse(a) ? b : a));
        deps.justering.setGroupStatus(ctx.group.id, 'adjusted', adjustedAt);
        groupAdjusted = true;
        deps.store.audit({ action: 'justering.adjusted', entity: 'adjustment_group', entityId: ctx.group.id, details: { versionId: ctx.version.id, paragraphs: ctx.group.paragraphs, adjustedAt } });
        const groups = deps.justering.groups(ctx.version.meetingId);
        if (groups.every((g) => g.status === 'adjusted')) {
          deps.justering.setMeetingStatus(ctx.version.meetingId, 'adjusted');
          meetingAdjusted = true;
          deps.store.audit({ action: 'justering.meetingAdjusted', entity: 'meeting', entityId: ctx.version.meetingId, details: { adjustedAt } });
        }
      }
      return { signature: signatureSummary(row), groupAdjusted, meetingAdjusted, remaining, validation: signed.checked.summary, timestamp: signed.timestamp };
    },
  });
}

// ---------------------------------------------------------------------------------------------
// Reading

export function signatureSummary(r: SignatureRow): SignatureSummary {
  const cert = r.certificate;
  return {
    id: r.id,
    field: r.field,
    role: r.role,
    signerName: r.signerName,
    signedAt: r.signedAt,
    sha256: r.sha256,
    certificateSubject: cert.subject,
    via: cert.via,
    identity: cert.identity,
    trustAnchor: cert.trustAnchor,
  };
}

function summarise(deps: JusteringDeps, v: VersionRow, snapshot: MeetingDocument, paragraphs: number[], signatures: SignatureRow[]): VersionSummary {
  const required = requiredSigners(deps, v.meetingId, snapshot, v.createdAt);
  const order = meetingSigningOrder(deps, v.meetingId);
  const signedFields = new Set(signatures.map((x) => x.field));
  const signers = required.map((s) => {
    const sig = signatures.find((x) => x.field === s.field);
    const waitingFor = sig === undefined ? mustSignFirst(order, required, signedFields, s).map((w) => w.name) : [];
    return { ...s, signature: sig === undefined ? null : signatureSummary(sig), waitingFor };
  });
  const last = [...signatures].sort((a, b) => (a.signedAt < b.signedAt ? -1 : 1)).at(-1);
  const latest = deps.justering.latestSigned(v.id);
  return {
    id: v.id,
    versionNo: v.versionNo,
    sha256: v.sha256,
    currentSha256: latest?.sha256 ?? last?.sha256 ?? v.sha256,
    isCurrent: v.isCurrent,
    createdAt: v.createdAt,
    reason: v.reason,
    paragraphs,
    signers,
    complete: signers.every((s) => s.signature !== null),
  };
}

/** A group's immediacy and time and place of justering, from the meeting's group with the same §§. */
function groupTimePlace(doc: MeetingDocument | undefined, numbers: readonly number[]): Pick<GroupJustering, 'immediate' | 'timePlace' | 'timePlaceLines'> {
  const g = doc?.adjustmentGroups.find((x) => x.paragraphs.length === numbers.length && x.paragraphs.every((n, i) => numbers[i] === n));
  if (doc === undefined || g === undefined) return { immediate: false, timePlace: null, timePlaceLines: doc === undefined ? [] : meetingTimePlaceLines(doc.meeting) };
  return { immediate: g.immediate, timePlace: g.timePlace ?? null, timePlaceLines: groupTimePlaceLines(doc.meeting, g) };
}

export function status(deps: JusteringDeps, input: { meetingId: string }): JusteringStatus {
  const meetingStatus = deps.justering.meetingStatus(input.meetingId);
  if (meetingStatus === null) throw new AppError('not_found', 'Sammanträdet finns inte. Välj ett sammanträde i listan och försök igen.');
  const versions = deps.justering.versions(input.meetingId);
  const loaded = deps.store.loadMeeting(input.meetingId);
  const meetingDate = loaded?.doc.meeting.date ?? null;
  const deadline = meetingDate === null ? null : justeringDeadline(meetingDate);
  const today = stockholmDay(deps.clock.now()) ?? '';
  const timing = (g: { paragraphs: number[]; adjustedAt: string | null }, place: ReturnType<typeof groupTimePlace>) => {
    const label = paragraphLabel(g.paragraphs);
    const adjustedDay = g.adjustedAt === null ? null : stockholmDay(g.adjustedAt);
    const warning =
      meetingDate === null || deadline === null ? null : place.immediate ? immediateWarning(label, meetingDate, adjustedDay, today) : deadlineWarning(label, deadline, adjustedDay, today);
    return { ...place, deadlineWarning: warning };
  };
  const groups: GroupJustering[] = deps.justering.groups(input.meetingId).map((g) => ({
    groupId: g.id,
    groupIndex: g.position,
    paragraphs: g.paragraphs,
    label: paragraphLabel(g.paragraphs),
    status: g.status,
    adjustedAt: g.adjustedAt,
    ...timing(g, groupTimePlace(loaded?.doc, g.paragraphs)),
    versions: versions
      .filter((v) => v.groupId === g.id)
      .map((v) => {
        const full = deps.justering.version(v.id);
        if (full === null) throw new AppError('internal', 'Protokollversionen kunde inte läsas.');
        return summarise(deps, v, full.snapshot, g.paragraphs, deps.justering.signatures(v.id));
      }),
  }));
  return { meetingId: input.meetingId, meetingStatus, deadline, signingOrder: meetingSigningOrder(deps, input.meetingId), groups };
}

/**
 * Justering is due within 14 days of the meeting (KL 5 kap. 69 §, for nämnder 6 kap. 35 §): a
 * group adjusted after that day, or not adjusted by it, gets a warning naming the day.
 */
export function deadlineWarning(label: string, deadline: string, adjustedDay: string | null, today: string): string | null {
  if (adjustedDay !== null) {
    return adjustedDay > deadline ? `${label} justerades ${adjustedDay}, efter sista dagen för justering ${deadline} (14 dagar efter sammanträdet, KL 5 kap. 69 §).` : null;
  }
  return today > deadline ? `Sista dagen för justering av ${label} var ${deadline} (14 dagar efter sammanträdet, KL 5 kap. 69 §). Justera protokollet snarast och anteckna varför det dröjt.` : null;
}

/**
 * A group the board decided to adjust immediately (omedelbar justering, KL 5 kap. 70 §; for
 * nämnder 6 kap. 35 §) is adjusted at the meeting, and its protocol says "Justerat omedelbart vid
 * sammanträdet". Signed on a later day, or not signed once the meeting day is over, that is no
 * longer true: a warning names the days, so the secretary records when it really happened.
 */
export function immediateWarning(label: string, meetingDate: string, adjustedDay: string | null, today: string): string | null {
  if (adjustedDay !== null) {
    return adjustedDay > meetingDate
      ? `${label} skulle justeras omedelbart vid sammanträdet ${meetingDate} men justerades ${adjustedDay}. Protokollet anger "Justerat omedelbart vid sammanträdet"; anteckna när justeringen gjordes och varför den dröjde.`
      : null;
  }
  return today > meetingDate
    ? `${label} skulle justeras omedelbart vid sammanträdet ${meetingDate}, men justeringen är inte gjord. Protokollet anger "Justerat omedelbart vid sammanträdet": justera snarast och anteckna då varför det dröjde.`
    : null;
}

/** The current state of a version: the last signed file, else the frozen one. */
export function currentPdf(deps: JusteringDeps, input: { versionId: string }): { pdf: Uint8Array; sha256: string; fileName: string; signed: number; complete: boolean } {
  const ctx = loadVersion(deps, input.versionId);
  const done = new Set(ctx.signatures.map((s) => s.field));
  const first = ctx.group.paragraphs[0] ?? '';
  return {
    ...ctx.current,
    fileName: `protokoll-${ctx.version.snapshot.meeting.date}-${first}-v${ctx.version.versionNo}.pdf`,
    signed: done.size,
    complete: ctx.signers.every((s) => done.has(s.field)),
  };
}

export async function verify(deps: JusteringDeps, input: { versionId: string }): Promise<ValidationSummary & { sha256: string; signedFields: string[]; requiredFields: string[] }> {
  const ctx = loadVersion(deps, input.versionId);
  const { summary } = await deps.services.verify(ctx.current.pdf, trustOptions(deps));
  return { ...summary, sha256: ctx.current.sha256, signedFields: ctx.signatures.map((s) => s.field), requiredFields: ctx.signers.map((s) => s.field) };
}
