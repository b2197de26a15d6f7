// Exporting the digital notice board of one organisation: every posted notice of its boards,
// the public version of each meeting's protocol (produced and stored when missing or out of
// date), the generated pages, feed and data, written to a folder by the SiteWriter port.
import { AppError } from '../../api/errors';
import { appealPeriod } from '../../domain/calendar';
import { narvarolista } from '../../domain/presence';
import { buildNoticeData } from '../../documents/notice';
import { appealNote, appealOf } from '../../documents/appeal';
import { peopleOf } from '../../documents/people';
import type { MeetingDocument } from '../../format/meeting';
import { OPARL_ENTRY } from '../../noticeboard/oparl';
import { generateNoticeBoard, linkedDocuments, noticeState } from '../../noticeboard/site';
import { slugify } from '../../noticeboard/slug';
import type { BoardNotice, BoardNoticePerson, NoticeBoardInput } from '../../noticeboard/types';
import { OPARL_NEEDS_ADDRESS } from './address';
import { stockholmDate, stockholmMidnight } from './dates';
import { todayOf } from './notices';
import type { AnslagDeps, SiteFileContent, SiteWriteReport } from './ports';
import { ensurePublicVersion, publicSource } from './public';

export interface NoticeBoardExportInput {
  directory: string;
  /** The day the board shows (default: today in Sweden). */
  today?: string;
  organisationId?: string;
  /** Where the folder will be published, e.g. "https://www.lulea.se/anslagstavla/" (default: the organisation's setting). */
  baseUrl?: string;
}

export interface NoticeBoardExportResult extends SiteWriteReport {
  organisationId: string;
  organisationName: string;
  today: string;
  /** Notices on the board today, and in the archive. */
  current: number;
  archived: number;
  /** Public versions produced for this export (unchanged ones are reused). */
  publicVersionsCreated: number;
  /** The address the site was generated for, or null when none is known. */
  baseUrl: string | null;
  /** The OParl entry point (System object), or null when no OParl data was written. */
  oparlEntryPoint: string | null;
  /** What the clerk should know, in Swedish (e.g. why there is no OParl data). */
  notes: string[];
}

export interface NoticeBoardAddress {
  organisationId: string;
  organisationName: string;
  /** The published address (ends in "/"), or null when not set. */
  url: string | null;
}

const MEMBER_ROLES: Record<string, string> = {
  ordforande: 'Ordförande',
  vice_ordforande: 'Vice ordförande',
  andre_vice_ordforande: 'Andre vice ordförande',
  ledamot: 'Ledamot',
  ersattare: 'Ersättare',
};

/**
 * The people the public version of the protocol names, and as what: the närvarolista (serving
 * members and substitutes, substitutes present, officials), the chair, the secretary and the
 * justerare. Names only, as printed; nothing else about them is published.
 */
export function publishedPeople(doc: MeetingDocument): BoardNoticePerson[] {
  const people = peopleOf(doc);
  const lists = narvarolista(doc, people.name);
  const out = new Map<string, BoardNoticePerson>();
  const add = (key: string, role: string, member: boolean) => {
    const id = `${key}\u0000${role}`;
    if (!out.has(id)) out.set(id, { key, name: people.name(key), role, member });
  };
  const asMember = (key: string) => {
    const m = people.member(key);
    if (m !== undefined) add(key, MEMBER_ROLES[m.role] ?? m.role, true);
    else add(key, 'Ledamot', true);
  };
  for (const e of [...lists.members, ...lists.substitutes, ...lists.present]) asMember(e.person);
  for (const e of lists.officials) add(e.person, 'Tjänsteperson', false);
  const named = (key: string, role: string) => {
    if (![...out.values()].some((p) => p.key === key)) add(key, role, false);
  };
  named(doc.meeting.chair, 'Ordförande');
  named(doc.meeting.secretary, 'Sekreterare');
  for (const key of doc.meeting.justerare) named(key, 'Justerare');
  return [...out.values()].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : a.role < b.role ? -1 : a.role > b.role ? 1 : 0));
}

async function sha512Hex(bytes: Uint8Array): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-512', new Uint8Array(bytes));
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/** The organisation's published notice-board address. */
export function noticeBoardAddress(deps: AnslagDeps, input: { organisationId?: string }): NoticeBoardAddress {
  const o = chooseOrganisation(deps, input.organisationId);
  return { organisationId: o.id, organisationName: o.name, url: deps.anslag.noticeBoardUrl(o.id) };
}

/** Records (or clears, with null) the address the organisation's notice board is published under. */
export function setNoticeBoardAddress(deps: AnslagDeps, input: { organisationId?: string; url: string | null }): NoticeBoardAddress {
  const o = chooseOrganisation(deps, input.organisationId);
  return deps.store.transaction(() => {
    const before = deps.anslag.noticeBoardUrl(o.id);
    if (before !== input.url) {
      deps.anslag.setNoticeBoardUrl(o.id, input.url);
      deps.store.audit({ action: 'noticeboard.address_set', entity: 'organisation', entityId: o.id, details: { before, after: input.url } });
    }
    return { organisationId: o.id, organisationName: o.name, url: input.url };
  });
}

function chooseOrganisation(deps: AnslagDeps, organisationId: string | undefined): { id: string; name: string; kind: string } {
  const all = deps.store.listOrganisations();
  if (organisationId !== undefined) {
    const found = all.find((o) => o.id === organisationId);
    if (found === undefined) throw new AppError('not_found', `Organisationen ${organisationId} finns inte. Lista organisationerna med "justera list --db FIL".`);
    return found;
  }
  const only = all[0];
  if (all.length === 1 && only !== undefined) return only;
  if (all.length === 0) throw new AppError('validation', 'Databasen har inga organisationer ännu. Läs in ett sammanträde först.');
  throw new AppError('validation', `Databasen har flera organisationer; ange vilken anslagstavla som ska skapas (${all.map((o) => `${o.name}: ${o.id}`).join(', ')}).`, {
    issues: [{ path: 'organisationId', message: 'Ange organisationen.' }],
  });
}

/** Gathers the notices and public versions and generates the site's files (nothing is written). */
export async function planNoticeBoard(
  deps: AnslagDeps,
  input: Omit<NoticeBoardExportInput, 'directory'>,
): Promise<{ input: NoticeBoardInput; files: SiteFileContent[]; publicVersionsCreated: number }> {
  const today = input.today ?? todayOf(deps);
  const organisation = chooseOrganisation(deps, input.organisationId);
  const baseUrl = input.baseUrl ?? deps.anslag.noticeBoardUrl(organisation.id) ?? undefined;
  const groups = deps.anslag
    .adjustedGroups({ organisationId: organisation.id })
    .filter((g) => g.notice !== null && noticeState({ ...g.notice, takenDownOn: g.notice.takenDownOn }, today) !== 'future');

  const notices: BoardNotice[] = [];
  const pdfs = new Map<string, Uint8Array | null>();
  let created = 0;
  for (const meetingId of [...new Set(groups.map((g) => g.meetingId))].sort()) {
    const loaded = deps.store.loadMeeting(meetingId);
    if (loaded === null) continue;
    const doc = loaded.doc;
    const version = await ensurePublicVersion(deps, meetingId);
    if (!version.reused) created += 1;
    const publicDoc = publicSource(deps, meetingId).document;
    const fileName = `${slugify(doc.board.name)}-${doc.meeting.date}-offentlig-version.pdf`;
    const pdf = deps.anslag.documentPdf(version.document.id);
    pdfs.set(`dokument/${fileName}`, pdf);
    const sha512 = pdf === null ? undefined : await sha512Hex(pdf);
    const participants = publishedPeople(publicDoc);
    for (const g of groups.filter((x) => x.meetingId === meetingId)) {
      const n = g.notice;
      if (n === null) continue;
      const text = buildNoticeData(doc, { generatedAt: stockholmMidnight(today), paragraphs: g.paragraphs, postedOn: n.postedOn, takeDownOn: n.takeDownOn });
      notices.push({
        id: n.id,
        organisationName: organisation.name,
        board: { id: g.boardId, name: doc.board.name, ...(doc.board.shortName === undefined ? {} : { shortName: doc.board.shortName }), kind: doc.board.kind },
        meeting: {
          id: meetingId,
          date: doc.meeting.date,
          startTime: doc.meeting.startTime,
          ...(doc.meeting.endTime === undefined ? {} : { endTime: doc.meeting.endTime }),
          place: doc.meeting.place,
          participants,
        },
        paragraphs: publicDoc.paragraphs
          .filter((p) => g.paragraphs.includes(p.number))
          .map((p) => {
            const appeal = appealNote(appealOf(p));
            return { number: p.number, title: p.title, public: p.confidential === undefined, ...(appeal === undefined ? {} : { appeal }) };
          }),
        adjustedOn: stockholmDate(g.adjustedAt),
        postedOn: n.postedOn,
        takeDownOn: n.takeDownOn,
        lastAppealDay: appealPeriod(n.postedOn).lastAppealDay,
        takenDownOn: n.takenDownOn,
        storagePlace: doc.board.storagePlace,
        intro: text.intro,
        appeal: text.appeal,
        protocol: {
          fileName,
          size: version.document.size,
          sha256: version.document.sha256,
          ...(sha512 === undefined ? {} : { sha512 }),
          paragraphs: version.paragraphs,
          createdOn: stockholmDate(version.document.createdAt),
        },
      });
    }
  }

  const site: NoticeBoardInput = {
    organisation,
    today,
    ...(baseUrl === undefined ? {} : { baseUrl: baseUrl.endsWith('/') ? baseUrl : `${baseUrl}/` }),
    notices,
  };
  const files: SiteFileContent[] = generateNoticeBoard(site).map((f) => ({ path: f.path, content: f.content }));
  const linked = new Set(linkedDocuments(site));
  for (const [path, pdf] of [...pdfs.entries()].sort(([a], [b]) => (a < b ? -1 : 1))) {
    if (!linked.has(path)) continue;
    if (pdf !== null) files.push({ path, content: pdf });
  }
  return { input: site, files, publicVersionsCreated: created };
}

export async function exportNoticeBoard(deps: AnslagDeps, input: NoticeBoardExportInput): Promise<NoticeBoardExportResult> {
  const plan = await planNoticeBoard(deps, input);
  const report = await deps.siteWriter.write(input.directory, plan.files);
  const states = plan.input.notices.map((n) => noticeState(n, plan.input.today));
  const result: NoticeBoardExportResult = {
    ...report,
    organisationId: plan.input.organisation.id,
    organisationName: plan.input.organisation.name,
    today: plan.input.today,
    current: states.filter((s) => s === 'up').length,
    archived: states.filter((s) => s === 'archived').length,
    publicVersionsCreated: plan.publicVersionsCreated,
    baseUrl: plan.input.baseUrl ?? null,
    oparlEntryPoint: plan.input.baseUrl === undefined ? null : `${plan.input.baseUrl}${OPARL_ENTRY}`,
    notes: plan.input.baseUrl === undefined ? [OPARL_NEEDS_ADDRESS] : [],
  };
  deps.store.transaction(() =>
    deps.store.audit({
      action: 'noticeboard.exported',
      entity: 'organisation',
      entityId: result.organisationId,
      details: {
        directory: report.directory,
        today: result.today,
        current: result.current,
        archived: result.archived,
        written: report.written.length,
        removed: report.removed.length,
        oparl: result.oparlEntryPoint,
      },
    }),
  );
  return result;
}
