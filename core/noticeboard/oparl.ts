// Open data for the notice board as OParl 1.1 (https://oparl.org/spezifikation/), written as
// static files under oparl/ next to the pages: System → Body → Organization, Meeting (with its
// AgendaItems, results protocol File and Location embedded), Person (with its Memberships),
// Membership, LegislativeTerm, and the Body's object lists as OParl list documents (data,
// links, pagination; at most 100 objects a page). Every object is also a file of its own at its
// id, so every URL in the data can be fetched from any static web server.
//
// OParl requires absolute URLs, so the data is only generated when the address the folder is
// published under is known. What OParl has no property for (the posting, the take-down day, the
// last day of appeal, the förvaringsplats) is added under the vendor prefix "justera:", as OParl
// allows for properties of its own. The mapping is documented in docs/anslag.md.
//
// Every object has `created` and `modified` (OParl requires them on objects that can be fetched on
// their own), derived from the notices' days, never from the clock: created is the day the object
// was first published (the first posting it comes from), modified the last day its content
// changed (a posting, a take-down, the state on the take-down day, a new public version).
//
// Deterministic: objects, lists and pages are ordered by stable keys (ids, § numbers), so the same
// notices give the same bytes whatever order they come in.
import { stockholmMidnight, stockholmOffset } from '../app/anslag/dates';
import type { PlacedNotice } from './pages';
import { slugify } from './slug';
import type { BoardNotice, BoardNoticePerson, NoticeBoardInput, SiteFile } from './types';

export const OPARL_SCHEMA = 'https://schema.oparl.org/1.1/';
/** The OParl entry point (the System object), relative to the site's root. */
export const OPARL_ENTRY = 'oparl/system.json';
/** Objects per list page (OParl recommends at most 100). */
export const OPARL_PAGE_SIZE = 100;

type Json = string | number | boolean | null | Json[] | { [key: string]: Json };
type Obj = { [key: string]: Json };

const ORGANISATION_KINDS: Record<string, string> = {
  kommun: 'Kommun',
  region: 'Region',
  kommunalforbund: 'Kommunalförbund',
  bolag: 'Kommunalt bolag',
  annan: 'Annan organisation',
};

const BOARD_KINDS: Record<string, string> = {
  fullmaktige: 'Fullmäktige',
  styrelse: 'Styrelse',
  namnd: 'Nämnd',
  gemensam_namnd: 'Gemensam nämnd',
  utskott: 'Utskott',
  beredning: 'Beredning',
};

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** FNV-1a (32 bits) as 8 hex digits: a short, stable tag for names that are not safe in a path. */
function tag(text: string): string {
  let h = 0x811c9dc5;
  for (const byte of new TextEncoder().encode(text)) {
    h ^= byte;
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(16).padStart(8, '0');
}

/** A path segment for an id: the id itself when it is safe in a URL and a file name. */
function segment(id: string): string {
  if (/^[A-Za-z0-9][A-Za-z0-9_-]{0,99}$/.test(id)) return id;
  return `${slugify(id).slice(0, 40)}-${tag(id)}`;
}

/** Where each object and list lives, relative to the site's root. */
export const oparlPaths = {
  system: OPARL_ENTRY,
  body: 'oparl/body.json',
  list: (name: string) => `oparl/${name}.json`,
  organization: (boardId: string) => `oparl/organization/${segment(boardId)}.json`,
  organizationMeetings: (boardId: string) => `oparl/organization/${segment(boardId)}/meetings.json`,
  meeting: (meetingId: string) => `oparl/meeting/${segment(meetingId)}.json`,
  agendaItem: (meetingId: string, number: number) => `oparl/agendaitem/${segment(meetingId)}-${number}.json`,
  file: (meetingId: string) => `oparl/file/${segment(meetingId)}-offentlig-version.json`,
  person: (seg: string) => `oparl/person/${seg}.json`,
  membership: (seg: string) => `oparl/membership/${seg}.json`,
  legislativeTerm: (startYear: number) => `oparl/legislativeterm/${startYear}-${startYear + 4}.json`,
  location: (place: string) => `oparl/location/${slugify(place).slice(0, 40)}-${tag(place)}.json`,
};

/** Page 1 is the list's own path; page n > 1 is "<list>-sida-n.json". */
function pagePath(listPath: string, page: number): string {
  return page === 1 ? listPath : listPath.replace(/\.json$/, `-sida-${page}.json`);
}

/**
 * The mandate period (KL 5 kap. 5 §: four years from 15 October of the election year; general
 * elections every fourth year, 2018, 2022, 2026 …) that a day falls in: its election year.
 */
export function electionYearOf(isoDate: string): number {
  const year = Number(isoDate.slice(0, 4));
  const offset = (((year - 2018) % 4) + 4) % 4;
  const candidate = year - offset;
  return offset === 0 && isoDate < `${year}-10-15` ? candidate - 4 : candidate;
}

function json(value: Json): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}

/** The days a notice's data changed: posted, moved to the archive, recorded as taken down. */
function noticeDays(p: PlacedNotice): { created: string; modified: string } {
  const n = p.notice;
  const days = [n.postedOn];
  if (p.state === 'archived') days.push(n.takenDownOn !== null && n.takenDownOn < n.takeDownOn ? n.takenDownOn : n.takeDownOn);
  if (n.takenDownOn !== null) days.push(n.takenDownOn);
  return { created: n.postedOn, modified: days.reduce((a, b) => (b > a ? b : a)) };
}

interface Span {
  created: string;
  modified: string;
}

interface MeetingGroup {
  id: string;
  notices: PlacedNotice[];
  first: BoardNotice;
}

interface PersonEntry {
  seg: string;
  name: string;
  /** board id → role → the meetings the protocols name the person in that role. */
  memberships: Map<string, Map<string, string[]>>;
  meetings: string[];
}

/** The OParl files of the notice board; none without the published address. */
export function oparlFiles(input: NoticeBoardInput, placed: PlacedNotice[]): SiteFile[] {
  const base = input.baseUrl;
  if (base === undefined) return [];
  const url = (path: string) => `${base}${path}`;
  const type = (name: string) => `${OPARL_SCHEMA}${name}`;
  const bodyUrl = url(oparlPaths.body);
  const files: SiteFile[] = [];
  const emit = (path: string, value: Json) => files.push({ path, content: json(value) });
  const spans = new Map<Obj, Span>();
  const touch = (o: Obj, span: Span) => {
    const seen = spans.get(o);
    spans.set(o, seen === undefined ? { ...span } : { created: span.created < seen.created ? span.created : seen.created, modified: span.modified > seen.modified ? span.modified : seen.modified });
  };
  const spanOf = (o: Obj): Span => spans.get(o) ?? { created: input.today, modified: input.today };

  // Meetings, with their notices in a fixed order (whatever order the input had).
  const byMeeting = new Map<string, PlacedNotice[]>();
  for (const p of placed) {
    const list = byMeeting.get(p.notice.meeting.id) ?? [];
    list.push(p);
    byMeeting.set(p.notice.meeting.id, list);
  }
  const meetings: MeetingGroup[] = [...byMeeting.entries()]
    .map(([id, list]) => {
      const notices = [...list].sort(
        (a, b) => cmp(a.notice.postedOn, b.notice.postedOn) || (a.notice.paragraphs[0]?.number ?? 0) - (b.notice.paragraphs[0]?.number ?? 0) || cmp(a.notice.id, b.notice.id),
      );
      return { id, notices, first: (notices[0] as PlacedNotice).notice };
    })
    .sort((a, b) => cmp(oparlPaths.meeting(a.id), oparlPaths.meeting(b.id)));

  // What each meeting's notices span: its first posting and its last change.
  const meetingSpan = new Map<string, Span>();
  for (const m of meetings) {
    const days = m.notices.map(noticeDays);
    meetingSpan.set(m.id, {
      created: days.map((d) => d.created).reduce((a, b) => (b < a ? b : a)),
      modified: days.map((d) => d.modified).reduce((a, b) => (b > a ? b : a)),
    });
  }
  const postedSpan = (meetingId: string): Span => {
    const created = (meetingSpan.get(meetingId) as Span).created;
    return { created, modified: created };
  };

  // People: the same key and name is the same person; a key written with two names is two people.
  const namesByKey = new Map<string, Set<string>>();
  for (const m of meetings)
    for (const p of m.notices)
      for (const x of p.notice.meeting.participants ?? []) {
        const names = namesByKey.get(x.key) ?? new Set<string>();
        names.add(x.name);
        namesByKey.set(x.key, names);
      }
  const personSeg = (x: BoardNoticePerson) => ((namesByKey.get(x.key)?.size ?? 0) > 1 ? `${segment(x.key)}-${tag(x.name)}` : segment(x.key));
  const people = new Map<string, PersonEntry>();
  const participantsOf = new Map<string, string[]>();
  for (const m of meetings) {
    const urls = new Set<string>();
    for (const p of m.notices)
      for (const x of p.notice.meeting.participants ?? []) {
        const seg = personSeg(x);
        const entry = people.get(seg) ?? { seg, name: x.name, memberships: new Map<string, Map<string, string[]>>(), meetings: [] };
        people.set(seg, entry);
        entry.meetings.push(m.id);
        urls.add(url(oparlPaths.person(seg)));
        if (x.member) {
          const roles = entry.memberships.get(m.first.board.id) ?? new Map<string, string[]>();
          roles.set(x.role, [...(roles.get(x.role) ?? []), m.id]);
          entry.memberships.set(m.first.board.id, roles);
        }
      }
    participantsOf.set(m.id, [...urls].sort(cmp));
  }
  const membershipSeg = (boardId: string, person: string, role: string) => `${segment(boardId)}-${person}-${slugify(role)}`;

  // Memberships (embedded in the person, listed on the board and as files of their own).
  const memberships: Obj[] = [];
  const membershipsOfPerson = new Map<string, Obj[]>();
  const membershipsOfBoard = new Map<string, string[]>();
  for (const entry of [...people.values()].sort((a, b) => cmp(a.seg, b.seg))) {
    const own: Obj[] = [];
    for (const [boardId, roles] of [...entry.memberships.entries()].sort(([a], [b]) => cmp(a, b))) {
      for (const [role, from] of [...roles.entries()].sort(([a], [b]) => cmp(a, b))) {
        const id = url(oparlPaths.membership(membershipSeg(boardId, entry.seg, role)));
        const m: Obj = { id, type: type('Membership'), person: url(oparlPaths.person(entry.seg)), organization: url(oparlPaths.organization(boardId)), role };
        for (const meetingId of from) touch(m, postedSpan(meetingId));
        own.push(m);
        memberships.push(m);
        membershipsOfBoard.set(boardId, [...(membershipsOfBoard.get(boardId) ?? []), id]);
      }
    }
    membershipsOfPerson.set(entry.seg, own);
  }

  // Legislative terms of the meetings' days.
  const termYears = [...new Set(meetings.map((m) => electionYearOf(m.first.meeting.date)))].sort((a, b) => a - b);
  const terms: Obj[] = termYears.map((y) => {
    const term: Obj = {
      id: url(oparlPaths.legislativeTerm(y)),
      type: type('LegislativeTerm'),
      body: bodyUrl,
      name: `Mandatperioden ${y}–${y + 4}`,
      startDate: `${y}-10-15`,
      endDate: `${y + 4}-10-14`,
    };
    for (const m of meetings) if (electionYearOf(m.first.meeting.date) === y) touch(term, postedSpan(m.id));
    return term;
  });

  // Meetings with their agenda items (the published §§), the public version and the place.
  const meetingObjects: Obj[] = [];
  const agendaItems: Obj[] = [];
  const fileObjects: Obj[] = [];
  const locations = new Map<string, Obj>();
  const meetingsOfBoard = new Map<string, string[]>();
  for (const m of meetings) {
    const n = m.first;
    const meetingUrl = url(oparlPaths.meeting(m.id));
    const items = new Map<number, Obj>();
    for (const p of m.notices) {
      for (const x of p.notice.paragraphs) {
        if (items.has(x.number)) continue;
        const item: Obj = {
          id: url(oparlPaths.agendaItem(m.id, x.number)),
          type: type('AgendaItem'),
          meeting: meetingUrl,
          number: String(x.number),
          order: x.number,
          name: x.title,
          public: x.public,
          web: url(p.path),
          'justera:adjustedOn': p.notice.adjustedOn,
          'justera:postedOn': p.notice.postedOn,
          'justera:takeDownOn': p.notice.takeDownOn,
          'justera:lastAppealDay': p.notice.lastAppealDay,
          ...(p.notice.takenDownOn === null ? {} : { 'justera:takenDownOn': p.notice.takenDownOn }),
          'justera:noticeState': p.state === 'up' ? 'uppsatt' : 'nedtaget',
        };
        touch(item, noticeDays(p));
        items.set(x.number, item);
      }
    }
    const itemList = [...items.entries()].sort(([a], [b]) => a - b).map(([, v]) => v);
    agendaItems.push(...itemList);

    const locationUrl = url(oparlPaths.location(n.meeting.place));
    const location: Obj = locations.get(locationUrl) ?? { id: locationUrl, type: type('Location'), description: n.meeting.place };
    locations.set(locationUrl, location);
    // A place never changes (only its description is published): first published, never modified,
    // so the copies embedded in earlier meetings stay as they were.
    const first = postedSpan(m.id).created;
    const seen = spans.get(location);
    if (seen === undefined || first < seen.created) spans.set(location, { created: first, modified: first });

    const protocol = m.notices.map((p) => p.notice.protocol).find((x) => x !== null) ?? null;
    let file: Obj | null = null;
    if (protocol !== null) {
      const covered = protocol.paragraphs.filter((x) => items.has(x)).sort((a, b) => a - b);
      file = {
        id: url(oparlPaths.file(m.id)),
        type: type('File'),
        name: `${n.board.name}, protokoll ${n.meeting.date} (offentlig version)`,
        fileName: protocol.fileName,
        mimeType: 'application/pdf',
        date: protocol.createdOn,
        size: protocol.size,
        ...(protocol.sha512 === undefined ? {} : { sha512Checksum: protocol.sha512 }),
        accessUrl: url(`dokument/${protocol.fileName}`),
        downloadUrl: url(`dokument/${protocol.fileName}`),
        meeting: [meetingUrl],
        ...(covered.length === 0 ? {} : { agendaItem: covered.map((x) => url(oparlPaths.agendaItem(m.id, x))) }),
        'justera:sha256Checksum': protocol.sha256,
        'justera:paragraphs': [...protocol.paragraphs].sort((a, b) => a - b),
      };
      const posted = meetingSpan.get(m.id) as Span;
      touch(file, { created: posted.created < protocol.createdOn ? posted.created : protocol.createdOn, modified: posted.modified > protocol.createdOn ? posted.modified : protocol.createdOn });
      fileObjects.push(file);
    }

    const offset = stockholmOffset(n.meeting.date);
    const participants = participantsOf.get(m.id) ?? [];
    const meeting: Obj = {
      id: meetingUrl,
      type: type('Meeting'),
      name: `${n.board.name}, sammanträde ${n.meeting.date}`,
      meetingState: 'genomfört',
      cancelled: false,
      start: `${n.meeting.date}T${n.meeting.startTime}:00${offset}`,
      ...(n.meeting.endTime === undefined ? {} : { end: `${n.meeting.date}T${n.meeting.endTime}:00${offset}` }),
      location,
      organization: [url(oparlPaths.organization(n.board.id))],
      ...(participants.length === 0 ? {} : { participant: participants }),
      ...(file === null ? {} : { resultsProtocol: file }),
      agendaItem: itemList,
      web: url((m.notices[0] as PlacedNotice).path),
      'justera:storagePlace': n.storagePlace,
      'justera:notice': m.notices.map((p) => ({
        paragraphs: p.notice.paragraphs.map((x) => x.number),
        adjustedOn: p.notice.adjustedOn,
        postedOn: p.notice.postedOn,
        takeDownOn: p.notice.takeDownOn,
        lastAppealDay: p.notice.lastAppealDay,
        ...(p.notice.takenDownOn === null ? {} : { takenDownOn: p.notice.takenDownOn }),
        state: p.state === 'up' ? 'uppsatt' : 'nedtaget',
        web: url(p.path),
      })),
    };
    touch(meeting, meetingSpan.get(m.id) as Span);
    for (const o of [...itemList, ...(file === null ? [] : [file])]) touch(meeting, spanOf(o));
    meetingObjects.push(meeting);
    meetingsOfBoard.set(n.board.id, [...(meetingsOfBoard.get(n.board.id) ?? []), meetingUrl]);
  }

  // Boards (Organization): name and storage place as of their latest published meeting.
  const latestOfBoard = new Map<string, BoardNotice>();
  for (const m of meetings) {
    const seen = latestOfBoard.get(m.first.board.id);
    if (seen === undefined || cmp(m.first.meeting.date, seen.meeting.date) > 0 || (m.first.meeting.date === seen.meeting.date && cmp(m.id, seen.meeting.id) > 0)) {
      latestOfBoard.set(m.first.board.id, m.first);
    }
  }
  const organizations: Obj[] = [...latestOfBoard.entries()]
    .sort(([a], [b]) => cmp(oparlPaths.organization(a), oparlPaths.organization(b)))
    .map(([boardId, n]) => {
      const members = [...(membershipsOfBoard.get(boardId) ?? [])].sort(cmp);
      return {
        id: url(oparlPaths.organization(boardId)),
        type: type('Organization'),
        body: bodyUrl,
        name: n.board.name,
        ...(n.board.shortName === undefined ? {} : { shortName: n.board.shortName }),
        organizationType: 'Gremium',
        classification: BOARD_KINDS[n.board.kind] ?? n.board.kind,
        ...(members.length === 0 ? {} : { membership: members }),
        meeting: url(oparlPaths.organizationMeetings(boardId)),
        'justera:storagePlace': n.storagePlace,
      };
    });

  const meetingById = new Map(meetingObjects.map((o) => [o.id as string, o]));
  for (const o of organizations) {
    const boardId = [...latestOfBoard.keys()].find((b) => url(oparlPaths.organization(b)) === o.id) as string;
    for (const u of meetingsOfBoard.get(boardId) ?? []) touch(o, spanOf(meetingById.get(u) as Obj));
  }

  const persons: Obj[] = [...people.values()]
    .sort((a, b) => cmp(a.seg, b.seg))
    .map((p) => {
      const own = membershipsOfPerson.get(p.seg) ?? [];
      const person: Obj = { id: url(oparlPaths.person(p.seg)), type: type('Person'), body: bodyUrl, name: p.name, ...(own.length === 0 ? {} : { membership: own }) };
      for (const meetingId of p.meetings) touch(person, postedSpan(meetingId));
      return person;
    });

  const listPath = {
    bodies: oparlPaths.list('bodies'),
    organization: oparlPaths.list('organizations'),
    person: oparlPaths.list('persons'),
    meeting: oparlPaths.list('meetings'),
    paper: oparlPaths.list('papers'),
    agendaItem: oparlPaths.list('agenda-items'),
    file: oparlPaths.list('files'),
    membership: oparlPaths.list('memberships'),
    legislativeTerm: oparlPaths.list('legislative-terms'),
    location: oparlPaths.list('locations'),
  };

  const body: Obj = {
    id: bodyUrl,
    type: type('Body'),
    system: url(oparlPaths.system),
    name: input.organisation.name,
    website: url('index.html'),
    classification: ORGANISATION_KINDS[input.organisation.kind] ?? input.organisation.kind,
    organization: url(listPath.organization),
    person: url(listPath.person),
    meeting: url(listPath.meeting),
    paper: url(listPath.paper),
    legislativeTerm: terms,
    agendaItem: url(listPath.agendaItem),
    file: url(listPath.file),
    locationList: url(listPath.location),
    legislativeTermList: url(listPath.legislativeTerm),
    membership: url(listPath.membership),
    web: url('index.html'),
    'justera:noticeBoard': url('index.html'),
    'justera:feed': url('anslag.atom'),
    'justera:today': input.today,
  };
  const system: Obj = {
    id: url(oparlPaths.system),
    type: type('System'),
    oparlVersion: OPARL_SCHEMA,
    body: url(listPath.bodies),
    name: `Anslagstavla – ${input.organisation.name}`,
    website: url('index.html'),
    web: url('index.html'),
  };

  for (const o of meetingObjects) touch(body, spanOf(o));
  touch(body, { created: spanOf(body).created, modified: input.today > spanOf(body).modified ? input.today : spanOf(body).modified }); // justera:today
  touch(system, { created: spanOf(body).created, modified: spanOf(body).created });

  // created/modified last in each object (embedded copies are the same objects).
  for (const [o, span] of spans) {
    o.created = stockholmMidnight(span.created);
    o.modified = stockholmMidnight(span.modified);
  }

  // Every object as a file of its own, at its id.
  const single = (o: Obj) => emit((o.id as string).slice(base.length), o);
  single(system);
  single(body);
  for (const list of [organizations, persons, meetingObjects, agendaItems, fileObjects, memberships, terms, [...locations.values()]]) for (const o of list) single(o);

  // The lists, paged.
  const byId = (a: Obj, b: Obj) => cmp(a.id as string, b.id as string);
  const emitList = (path: string, objects: Obj[]) => {
    const sorted = [...objects].sort(byId);
    const pages = Math.max(1, Math.ceil(sorted.length / OPARL_PAGE_SIZE));
    for (let page = 1; page <= pages; page += 1) {
      const links: Obj = {
        first: url(pagePath(path, 1)),
        ...(page > 1 ? { prev: url(pagePath(path, page - 1)) } : {}),
        self: url(pagePath(path, page)),
        ...(page < pages ? { next: url(pagePath(path, page + 1)) } : {}),
        last: url(pagePath(path, pages)),
      };
      emit(pagePath(path, page), {
        data: sorted.slice((page - 1) * OPARL_PAGE_SIZE, page * OPARL_PAGE_SIZE),
        pagination: { totalElements: sorted.length, elementsPerPage: OPARL_PAGE_SIZE, currentPage: page, totalPages: pages },
        links,
      });
    }
  };
  emitList(listPath.bodies, [body]);
  emitList(listPath.organization, organizations);
  emitList(listPath.person, persons);
  emitList(listPath.meeting, meetingObjects);
  emitList(listPath.paper, []);
  emitList(listPath.agendaItem, agendaItems);
  emitList(listPath.file, fileObjects);
  emitList(listPath.membership, memberships);
  emitList(listPath.legislativeTerm, terms);
  emitList(listPath.location, [...locations.values()]);
  for (const [boardId, urls] of meetingsOfBoard) {
    const own = new Set(urls);
    emitList(
      oparlPaths.organizationMeetings(boardId),
      meetingObjects.filter((o) => own.has(o.id as string)),
    );
  }
  return files.sort((a, b) => cmp(a.path, b.path));
}
