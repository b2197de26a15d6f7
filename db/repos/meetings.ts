// Writes a whole meeting document into the tables and reads it back. Callers wrap writes in a
// transaction (db/store.ts); nothing here awaits.
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import { createHash } from 'node:crypto';
import type { GroupTimePlace, Attachment, MeetingDocument, Member, Paragraph } from '../../core/format/meeting';
import { MEETING_FORMAT, MEETING_FORMAT_VERSION, withVoteList, type Break } from '../../core/format/meeting';
import { mapParagraphPersons, uniquePersonKeys } from '../../core/format/person-refs';
import type { Db } from '../open';
import { adjustmentGroups, assignments, attachments, attendance, boards, meetingJusterare, meetings, notices, officials, organisations, paragraphs, persons } from '../schema';

export interface WriteContext {
  newId(): string;
  now: string;
}

/** Paragraph fields kept in the JSON `content` column (person references as ids). */
type ParagraphContent = Omit<Paragraph, 'number' | 'title' | 'caseNumber' | 'immediatelyAdjusted' | 'confidential' | 'attachments'>;

export interface MeetingIds {
  meetingId: string;
  boardId: string;
  organisationId: string;
  paragraphIds: Map<number, string>;
  groupIds: string[];
}

export function findOrCreateOrganisation(db: Db, org: MeetingDocument['organisation'], ctx: WriteContext): string {
  const existing = db.select({ id: organisations.id }).from(organisations).where(eq(organisations.name, org.name)).get();
  if (existing) return existing.id;
  const id = ctx.newId();
  db.insert(organisations)
    .values({ id, name: org.name, kind: org.kind, headerName: org.headerName ?? null, orgNumber: org.orgNumber ?? null, createdAt: ctx.now })
    .run();
  return id;
}

export function findOrCreateBoard(db: Db, organisationId: string, board: MeetingDocument['board'], ctx: WriteContext): string {
  const existing = db
    .select({ id: boards.id })
    .from(boards)
    .where(and(eq(boards.organisationId, organisationId), eq(boards.name, board.name)))
    .get();
  if (existing) return existing.id;
  const id = ctx.newId();
  db.insert(boards)
    .values({
      id,
      organisationId,
      name: board.name,
      shortName: board.shortName ?? null,
      kind: board.kind,
      seats: board.seats,
      storagePlace: board.storagePlace,
      noticeBoardUrl: board.noticeBoardUrl ?? null,
      createdAt: ctx.now,
    })
    .run();
  return id;
}

/** People already linked to the board (members or officials), by name: reused on import. */
function boardPeopleByName(db: Db, boardId: string): Map<string, string> {
  const rows = db.all<{ id: string; name: string }>(sql`
    SELECT p.id, p.name FROM persons p WHERE p.id IN (
      SELECT person_id FROM assignments WHERE board_id = ${boardId}
      UNION SELECT person_id FROM officials WHERE board_id = ${boardId}
      UNION SELECT a.person_id FROM attendance a JOIN meetings m ON m.id = a.meeting_id WHERE m.board_id = ${boardId})
    ORDER BY p.rowid`);
  const byName = new Map<string, string>();
  for (const r of rows) if (!byName.has(r.name)) byName.set(r.name, r.id);
  return byName;
}

function sameMember(a: typeof assignments.$inferSelect, m: Member, personId: string, substituteForId: string | null): boolean {
  return (
    a.personId === personId &&
    a.role === m.role &&
    a.termStart === m.termStart &&
    a.termEnd === m.termEnd &&
    (a.party ?? undefined) === m.party &&
    (a.represents ?? undefined) === m.represents &&
    (a.substituteOrder ?? undefined) === m.substituteOrder &&
    a.substituteForPersonId === substituteForId
  );
}

/** Inserts the document as a new meeting (board, people and roster are reused when they exist). */
export function insertMeetingDocument(db: Db, doc: MeetingDocument, ctx: WriteContext): MeetingIds {
  const organisationId = findOrCreateOrganisation(db, doc.organisation, ctx);
  const boardId = findOrCreateBoard(db, organisationId, doc.board, ctx);

  const known = boardPeopleByName(db, boardId);
  const personId = new Map<string, string>();
  for (const p of doc.people) {
    let id = known.get(p.name);
    if (id === undefined) {
      id = ctx.newId();
      db.insert(persons)
        .values({ id, name: p.name, email: p.email ?? null, createdAt: ctx.now })
        .run();
      known.set(p.name, id);
    } else if (p.email !== undefined) {
      // A person already in the app keeps the address stored there (the register is newer than a
      // meeting file); one without an address gets the file's.
      db.update(persons)
        .set({ email: p.email })
        .where(and(eq(persons.id, id), sql`${persons.email} IS NULL`))
        .run();
    }
    personId.set(p.key, id);
  }
  const pid = (key: string): string => {
    const id = personId.get(key);
    if (id === undefined) throw new Error(`unknown person key ${key}`); // schema cross-check prevents this
    return id;
  };

  const roster = db.select().from(assignments).where(eq(assignments.boardId, boardId)).all();
  for (const m of doc.members) {
    const subFor = m.substituteFor === undefined ? null : pid(m.substituteFor);
    if (roster.some((a) => sameMember(a, m, pid(m.person), subFor))) continue;
    db.insert(assignments)
      .values({
        id: ctx.newId(),
        boardId,
        personId: pid(m.person),
        role: m.role,
        party: m.party ?? null,
        represents: m.represents ?? null,
        termStart: m.termStart,
        termEnd: m.termEnd,
        substituteOrder: m.substituteOrder ?? null,
        substituteForPersonId: subFor,
        retiredOn: null,
      })
      .run();
  }
  for (const o of doc.officials) {
    db.insert(officials)
      .values({ id: ctx.newId(), boardId, personId: pid(o.person), title: o.title ?? null, organisation: o.organisation ?? null })
      .onConflictDoUpdate({ target: [officials.boardId, officials.personId], set: { title: o.title ?? null, organisation: o.organisation ?? null } })
      .run();
  }

  const meetingId = ctx.newId();
  const m = doc.meeting;
  db.insert(meetings)
    .values({
      id: meetingId,
      boardId,
      date: m.date,
      year: Number(m.date.slice(0, 4)),
      startTime: m.startTime,
      endTime: m.endTime ?? null,
      place: m.place,
      status: m.status,
      secretaryId: pid(m.secretary),
      chairId: pid(m.chair),
      adjustmentTimePlace: m.adjustmentTimePlace ?? null,
      digitalSignatures: m.digitalSignatures,
      noticeSignatoryId: m.noticeSignatory === undefined ? null : pid(m.noticeSignatory),
      breaks: m.breaks === undefined || m.breaks.length === 0 ? null : m.breaks,
      createdAt: ctx.now,
      updatedAt: ctx.now,
    })
    .run();
  m.justerare.forEach((key, position) => {
    db.insert(meetingJusterare)
      .values({ meetingId, position, personId: pid(key) })
      .run();
  });
  doc.attendance.forEach((a, position) => {
    db.insert(attendance)
      .values({
        id: ctx.newId(),
        meetingId,
        position,
        personId: pid(a.person),
        capacity: a.capacity,
        replacesPersonId: a.replaces === undefined ? null : pid(a.replaces),
        fromParagraph: a.fromParagraph ?? null,
        toParagraph: a.toParagraph ?? null,
        note: a.note ?? null,
        orderReason: a.orderReason ?? null,
        fromTime: a.fromTime ?? null,
        toTime: a.toTime ?? null,
      })
      .run();
  });

  // Paragraphs go in before their groups are marked adjusted, so locking triggers allow it.
  const groupIds = doc.adjustmentGroups.map((g, position) => {
    const id = ctx.newId();
    db.insert(adjustmentGroups)
      .values({ id, meetingId, position, immediate: g.immediate, status: 'open', adjustedAt: null, ...timePlaceColumns(g.timePlace) })
      .run();
    return id;
  });
  const groupOf = new Map<number, string>();
  doc.adjustmentGroups.forEach((g, i) => g.paragraphs.forEach((n) => groupOf.set(n, groupIds[i] as string)));

  const paragraphIds = new Map<number, string>();
  for (const p of doc.paragraphs) {
    const id = ctx.newId();
    paragraphIds.set(p.number, id);
    db.insert(paragraphs)
      .values({
        id,
        meetingId,
        boardId,
        year: Number(m.date.slice(0, 4)),
        number: p.number,
        title: p.title,
        caseNumber: p.caseNumber ?? null,
        content: paragraphContent(mapParagraphPersons(p, pid)),
        immediatelyAdjusted: p.immediatelyAdjusted,
        confidentialProvision: p.confidential?.provision ?? null,
        groupId: groupOf.get(p.number) ?? null,
        updatedAt: ctx.now,
      })
      .run();
    p.attachments.forEach((att, position) => insertAttachment(db, id, position, att, ctx));
  }

  doc.adjustmentGroups.forEach((g, i) => {
    const id = groupIds[i] as string;
    if (g.adjustedAt !== undefined) {
      db.update(adjustmentGroups).set({ status: 'adjusted', adjustedAt: g.adjustedAt }).where(eq(adjustmentGroups.id, id)).run();
    }
    if (g.notice !== undefined) {
      db.insert(notices)
        .values({ id: ctx.newId(), groupId: id, postedOn: g.notice.postedOn, takeDownOn: g.notice.takeDownOn, takenDownOn: g.notice.takenDownOn ?? null, createdAt: ctx.now })
        .run();
    }
  });

  return { meetingId, boardId, organisationId, paragraphIds, groupIds };
}

/** A group's time and place of justering as its three columns (all null: none of its own). */
export function timePlaceColumns(tp: GroupTimePlace | undefined): { justeringDate: string | null; justeringTime: string | null; justeringPlace: string | null } {
  return { justeringDate: tp?.date ?? null, justeringTime: tp?.time ?? null, justeringPlace: tp?.place ?? null };
}

/** The group's own time and place from its columns, or undefined. */
export function timePlaceOf(g: { justeringDate: string | null; justeringTime: string | null; justeringPlace: string | null }): GroupTimePlace | undefined {
  if (g.justeringDate === null || g.justeringPlace === null) return undefined;
  return g.justeringTime === null ? { date: g.justeringDate, place: g.justeringPlace } : { date: g.justeringDate, time: g.justeringTime, place: g.justeringPlace };
}

function paragraphContent(p: Paragraph): ParagraphContent {
  const { number: _n, title: _t, caseNumber: _c, immediatelyAdjusted: _i, confidential: _f, attachments: _a, ...content } = p;
  return content;
}

export function insertAttachment(db: Db, paragraphId: string, position: number, att: Attachment, ctx: WriteContext): void {
  switch (att.kind) {
    case 'file': {
      const data = Buffer.from(att.data, 'base64');
      db.insert(attachments)
        .values({
          id: ctx.newId(),
          paragraphId,
          position,
          kind: 'file',
          title: att.title,
          filename: att.filename,
          mediaType: att.mediaType,
          data,
          sha256: createHash('sha256').update(data).digest('hex'),
          sections: null,
        })
        .run();
      return;
    }
    case 'document':
      db.insert(attachments)
        .values({ id: ctx.newId(), paragraphId, position, kind: 'document', title: att.title, filename: null, mediaType: null, data: null, sha256: null, sections: att.sections })
        .run();
      return;
    default: {
      const never: never = att;
      return never;
    }
  }
}

/** Reads a meeting back as a document in the file format; null when there is no such meeting. */
/**
 * The meeting as a document in the current format. People's e-mail addresses are contact data,
 * not part of the meeting: they are in the document only when asked for (`emails`, an export
 * with `includeEmail`), never in what is frozen, signed, archived or made public.
 */
export function loadMeetingDocument(db: Db, meetingId: string, options: { emails?: boolean } = {}): { doc: MeetingDocument; ids: MeetingIds } | null {
  const meeting = db.select().from(meetings).where(eq(meetings.id, meetingId)).get();
  if (!meeting) return null;
  const board = db.select().from(boards).where(eq(boards.id, meeting.boardId)).get();
  const org = board && db.select().from(organisations).where(eq(organisations.id, board.organisationId)).get();
  if (!board || !org) return null;

  const justerare = db.select().from(meetingJusterare).where(eq(meetingJusterare.meetingId, meetingId)).orderBy(asc(meetingJusterare.position)).all();
  const att = db.select().from(attendance).where(eq(attendance.meetingId, meetingId)).orderBy(asc(attendance.position)).all();
  const roster = db
    .select()
    .from(assignments)
    .where(
      and(
        eq(assignments.boardId, board.id),
        sql`${assignments.termStart} <= ${meeting.date}`,
        sql`${assignments.termEnd} >= ${meeting.date}`,
        sql`(${assignments.retiredOn} IS NULL OR ${assignments.retiredOn} > ${meeting.date})`,
      ),
    )
    .orderBy(sql`${assignments}.rowid`)
    .all();
  const offs = db
    .select()
    .from(officials)
    .where(eq(officials.boardId, board.id))
    .orderBy(sql`${officials}.rowid`)
    .all();
  const paras = db.select().from(paragraphs).where(eq(paragraphs.meetingId, meetingId)).orderBy(asc(paragraphs.number)).all();
  const groups = db.select().from(adjustmentGroups).where(eq(adjustmentGroups.meetingId, meetingId)).orderBy(asc(adjustmentGroups.position)).all();

  // Every person the document mentions, in a stable order (roster, officials, meeting, attendance, paragraphs).
  const mentioned: string[] = [];
  const mention = (id: string | null | undefined) => {
    if (id && !mentioned.includes(id)) mentioned.push(id);
  };
  roster.forEach((a) => {
    mention(a.personId);
    mention(a.substituteForPersonId);
  });
  offs.forEach((o) => mention(o.personId));
  [meeting.secretaryId, meeting.chairId, meeting.noticeSignatoryId].forEach(mention);
  justerare.forEach((j) => mention(j.personId));
  att.forEach((a) => {
    mention(a.personId);
    mention(a.replacesPersonId);
  });
  // Content stored before format version 3 has a single `vote`: read as the list `votes`.
  const contents = paras.map((p) => withVoteList(p.content as ParagraphContent));
  for (const c of contents) {
    c.motions.forEach((x) => mention(x.by));
    c.reservations.forEach((x) => mention(x.person));
    c.protocolNotes.forEach((x) => mention(x.by));
    c.jav.forEach((x) => mention(x.person));
    mention(c.chair);
    for (const vote of c.votes ?? []) {
      if (vote.kind !== 'open') continue;
      vote.votes.forEach((x) => mention(x.person));
      mention(vote.castingVote?.person);
    }
  }
  const people = mentioned.length === 0 ? [] : db.select().from(persons).where(inArray(persons.id, mentioned)).all();
  const nameOf = new Map(people.map((p) => [p.id, p.name]));
  const emailOf = new Map(options.emails === true ? people.flatMap((p) => (p.email === null ? [] : [[p.id, p.email] as const])) : []);
  const keyOf = uniquePersonKeys(mentioned.map((id) => ({ id, name: nameOf.get(id) ?? '' })));
  const key = (id: string): string => keyOf.get(id) ?? id;

  const byParagraph = new Map<string, (typeof attachments.$inferSelect)[]>();
  if (paras.length > 0) {
    const rows = db
      .select()
      .from(attachments)
      .where(
        inArray(
          attachments.paragraphId,
          paras.map((p) => p.id),
        ),
      )
      .orderBy(asc(attachments.position))
      .all();
    for (const r of rows) byParagraph.set(r.paragraphId, [...(byParagraph.get(r.paragraphId) ?? []), r]);
  }

  const groupNotices =
    groups.length === 0
      ? []
      : db
          .select()
          .from(notices)
          .where(
            inArray(
              notices.groupId,
              groups.map((g) => g.id),
            ),
          )
          .all();

  const doc: MeetingDocument = {
    format: MEETING_FORMAT,
    formatVersion: MEETING_FORMAT_VERSION,
    organisation: organisationFromRow(org),
    board: boardFromRow(board),
    people: mentioned
      .map((id) => {
        const email = emailOf.get(id);
        return email === undefined ? { key: key(id), name: nameOf.get(id) ?? '' } : { key: key(id), name: nameOf.get(id) ?? '', email };
      })
      .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0)),
    members: roster.map((a) =>
      dropUndefined({
        person: key(a.personId),
        role: a.role as Member['role'],
        party: a.party ?? undefined,
        represents: a.represents ?? undefined,
        termStart: a.termStart,
        termEnd: a.termEnd,
        substituteOrder: a.substituteOrder ?? undefined,
        substituteFor: a.substituteForPersonId === null ? undefined : key(a.substituteForPersonId),
      }),
    ),
    officials: offs.map((o) => dropUndefined({ person: key(o.personId), title: o.title ?? undefined, organisation: o.organisation ?? undefined })),
    meeting: dropUndefined({
      date: meeting.date,
      startTime: meeting.startTime,
      endTime: meeting.endTime ?? undefined,
      place: meeting.place,
      status: meeting.status as MeetingDocument['meeting']['status'],
      secretary: key(meeting.secretaryId),
      chair: key(meeting.chairId),
      justerare: justerare.map((j) => key(j.personId)),
      adjustmentTimePlace: meeting.adjustmentTimePlace ?? undefined,
      digitalSignatures: meeting.digitalSignatures,
      noticeSignatory: meeting.noticeSignatoryId === null ? undefined : key(meeting.noticeSignatoryId),
      breaks: Array.isArray(meeting.breaks) && meeting.breaks.length > 0 ? (meeting.breaks as Break[]) : undefined,
    }),
    attendance: att.map((a) =>
      dropUndefined({
        person: key(a.personId),
        capacity: a.capacity as MeetingDocument['attendance'][number]['capacity'],
        replaces: a.replacesPersonId === null ? undefined : key(a.replacesPersonId),
        fromParagraph: a.fromParagraph ?? undefined,
        toParagraph: a.toParagraph ?? undefined,
        note: a.note ?? undefined,
        orderReason: a.orderReason ?? undefined,
        fromTime: a.fromTime ?? undefined,
        toTime: a.toTime ?? undefined,
      }),
    ),
    paragraphs: paras.map((p, i) => {
      const content = contents[i] as ParagraphContent;
      const para: Paragraph = dropUndefined({
        number: p.number,
        title: p.title,
        caseNumber: p.caseNumber ?? undefined,
        ...content,
        // Stored before tasks existed (format version 1): none.
        tasks: content.tasks ?? [],
        immediatelyAdjusted: p.immediatelyAdjusted,
        confidential: p.confidentialProvision === null ? undefined : { provision: p.confidentialProvision },
        attachments: (byParagraph.get(p.id) ?? []).map(attachmentFromRow),
      }) as Paragraph;
      return mapParagraphPersons(para, key);
    }),
    adjustmentGroups: groups.map((g) => {
      const notice = groupNotices.find((n) => n.groupId === g.id);
      return dropUndefined({
        paragraphs: paras.filter((p) => p.groupId === g.id).map((p) => p.number),
        immediate: g.immediate,
        timePlace: timePlaceOf(g),
        adjustedAt: g.adjustedAt ?? undefined,
        notice: notice === undefined ? undefined : dropUndefined({ postedOn: notice.postedOn, takeDownOn: notice.takeDownOn, takenDownOn: notice.takenDownOn ?? undefined }),
      });
    }),
  };
  return {
    doc,
    ids: {
      meetingId,
      boardId: board.id,
      organisationId: org.id,
      paragraphIds: new Map(paras.map((p) => [p.number, p.id])),
      groupIds: groups.map((g) => g.id),
    },
  };
}

function attachmentFromRow(r: typeof attachments.$inferSelect): Attachment {
  if (r.kind === 'file') {
    return { kind: 'file', title: r.title, filename: r.filename ?? 'bilaga.pdf', mediaType: 'application/pdf', data: (r.data ?? Buffer.alloc(0)).toString('base64') };
  }
  return { kind: 'document', title: r.title, sections: (r.sections ?? []) as Extract<Attachment, { kind: 'document' }>['sections'] };
}

export function organisationFromRow(org: typeof organisations.$inferSelect): MeetingDocument['organisation'] {
  return dropUndefined({ name: org.name, kind: org.kind as MeetingDocument['organisation']['kind'], headerName: org.headerName ?? undefined, orgNumber: org.orgNumber ?? undefined });
}

export function boardFromRow(board: typeof boards.$inferSelect): MeetingDocument['board'] {
  return dropUndefined({
    name: board.name,
    shortName: board.shortName ?? undefined,
    kind: board.kind as MeetingDocument['board']['kind'],
    seats: board.seats,
    storagePlace: board.storagePlace,
    noticeBoardUrl: board.noticeBoardUrl ?? undefined,
  });
}

/** Optional fields are absent, never `undefined`, so exported JSON is stable. */
export function dropUndefined<T extends object>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
}

/** § numbers the board has used in a calendar year (optionally excluding one meeting). */
export function usedParagraphNumbers(db: Db, boardId: string, year: number): { number: number; meetingId: string; meetingDate: string }[] {
  return db
    .select({ number: paragraphs.number, meetingId: paragraphs.meetingId, meetingDate: meetings.date })
    .from(paragraphs)
    .innerJoin(meetings, eq(meetings.id, paragraphs.meetingId))
    .where(and(eq(paragraphs.boardId, boardId), eq(paragraphs.year, year)))
    .orderBy(asc(paragraphs.number))
    .all();
}
