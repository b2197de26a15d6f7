// Persistence of the kallelse (core/app/kallelse KallelseStore): the board's deadline rule,
// people's e-mail addresses, the §§' handlingar, and the append-only record of sendings.
import { and, asc, desc, eq, sql } from 'drizzle-orm';
import type { Db } from '../open';
import { attachments, boards, kallelseMessages, kallelseSendings, meetings, paragraphs, persons } from '../schema';
import type { KallelseMode, KallelseSending, KallelseStore } from '../../core/app/kallelse';
import type { BoardKind, MemberRole } from '../../core/format/meeting';

export function createKallelseStore(db: Db): KallelseStore {
  return {
    board(boardId) {
      const b = db.select().from(boards).where(eq(boards.id, boardId)).get();
      return b === undefined ? null : { id: b.id, name: b.name, kind: b.kind as BoardKind, daysBefore: b.kallelseDaysBefore };
    },
    setDaysBefore(boardId, days) {
      db.update(boards).set({ kallelseDaysBefore: days }).where(eq(boards.id, boardId)).run();
    },
    roster(meetingId) {
      return db
        .all<{ personId: string; name: string; role: string; substituteOrder: number | null; email: string | null }>(
          sql`
        SELECT a.person_id AS personId, p.name AS name, a.role AS role, a.substitute_order AS substituteOrder, p.email AS email
        FROM meetings m
        JOIN assignments a ON a.board_id = m.board_id
        JOIN persons p ON p.id = a.person_id
        WHERE m.id = ${meetingId} AND a.term_start <= m.date AND a.term_end >= m.date AND (a.retired_on IS NULL OR a.retired_on > m.date)
        ORDER BY a.rowid`,
        )
        .map((r) => ({ ...r, role: r.role as MemberRole }));
    },
    secretaryEmail(meetingId) {
      return db.select({ email: persons.email }).from(meetings).innerJoin(persons, eq(persons.id, meetings.secretaryId)).where(eq(meetings.id, meetingId)).get()?.email ?? null;
    },
    setEmail(personId, email) {
      return db.update(persons).set({ email }).where(eq(persons.id, personId)).run().changes > 0;
    },
    handlingar(meetingId) {
      return db
        .select({
          paragraph: paragraphs.number,
          title: attachments.title,
          fileName: attachments.filename,
          mediaType: attachments.mediaType,
          data: attachments.data,
          confidentialProvision: paragraphs.confidentialProvision,
        })
        .from(attachments)
        .innerJoin(paragraphs, eq(paragraphs.id, attachments.paragraphId))
        .where(and(eq(paragraphs.meetingId, meetingId), eq(attachments.kind, 'file'), sql`${attachments.data} IS NOT NULL`))
        .orderBy(asc(paragraphs.number), asc(attachments.position))
        .all()
        .map((r) => ({
          paragraph: r.paragraph,
          title: r.title,
          fileName: r.fileName ?? `${r.title}`,
          mediaType: r.mediaType ?? 'application/octet-stream',
          data: new Uint8Array(r.data ?? new Uint8Array()),
          confidentialProvision: r.confidentialProvision,
        }));
    },
    insertSending(s, messages) {
      db.insert(kallelseSendings)
        .values({
          id: s.id,
          meetingId: s.meetingId,
          sentAt: s.sentAt,
          mode: s.mode,
          fromAddress: s.from,
          daysBefore: s.daysBefore,
          deadline: s.deadline,
          late: s.late,
          recipients: s.recipients,
          missing: s.missing,
          files: s.files,
          actor: s.actor,
        })
        .run();
      messages.forEach((m, position) => {
        db.insert(kallelseMessages)
          .values({ id: m.id, sendingId: s.id, position, fileName: m.fileName, recipients: m.to, eml: Buffer.from(m.eml) })
          .run();
      });
    },
    sendings(meetingId) {
      const rows = db
        .select()
        .from(kallelseSendings)
        .where(eq(kallelseSendings.meetingId, meetingId))
        .orderBy(desc(kallelseSendings.sentAt), desc(sql`${kallelseSendings}.rowid`))
        .all();
      return rows.map((r): KallelseSending => ({
        id: r.id,
        meetingId: r.meetingId,
        sentAt: r.sentAt,
        mode: r.mode as KallelseMode,
        from: r.fromAddress,
        daysBefore: r.daysBefore,
        deadline: r.deadline,
        late: r.late,
        recipients: r.recipients as KallelseSending['recipients'],
        missing: r.missing as KallelseSending['missing'],
        files: r.files as KallelseSending['files'],
        actor: r.actor,
        messages: db
          .select({ id: kallelseMessages.id, fileName: kallelseMessages.fileName, to: kallelseMessages.recipients })
          .from(kallelseMessages)
          .where(eq(kallelseMessages.sendingId, r.id))
          .orderBy(asc(kallelseMessages.position))
          .all()
          .map((m) => ({ id: m.id, fileName: m.fileName, to: m.to as string[] })),
      }));
    },
    message(messageId) {
      const r = db.select({ fileName: kallelseMessages.fileName, eml: kallelseMessages.eml }).from(kallelseMessages).where(eq(kallelseMessages.id, messageId)).get();
      return r === undefined ? null : { fileName: r.fileName, eml: new Uint8Array(r.eml) };
    },
  };
}
