// Read models for lists: organisations, boards with their meeting counts, meetings by board/year.
import { sql } from 'drizzle-orm';
import type { Db } from '../open';

export interface OrganisationRow {
  id: string;
  name: string;
  kind: string;
}

export interface BoardRow {
  id: string;
  name: string;
  shortName: string | null;
  kind: string;
  seats: number;
  organisationId: string;
  organisationName: string;
  meetingCount: number;
}

export interface MeetingRow {
  id: string;
  boardId: string;
  boardName: string;
  date: string;
  startTime: string;
  endTime: string | null;
  place: string;
  status: string;
  paragraphCount: number;
  firstParagraph: number | null;
  lastParagraph: number | null;
  /** Each §'s adjustment-group status in § order (null: the § is in no group yet). */
  paragraphGroupStatuses: (string | null)[];
}

export function listOrganisations(db: Db): OrganisationRow[] {
  return db.all<OrganisationRow>(sql`SELECT id, name, kind FROM organisations ORDER BY name COLLATE NOCASE`);
}

export function listBoards(db: Db): BoardRow[] {
  return db.all<BoardRow>(sql`
    SELECT b.id, b.name, b.short_name AS shortName, b.kind, b.seats, o.id AS organisationId, o.name AS organisationName,
      (SELECT count(*) FROM meetings m WHERE m.board_id = b.id) AS meetingCount
    FROM boards b JOIN organisations o ON o.id = b.organisation_id
    ORDER BY o.name COLLATE NOCASE, b.name COLLATE NOCASE`);
}

export function listMeetings(db: Db, filter: { boardId?: string; year?: number }): MeetingRow[] {
  const board = filter.boardId ?? null;
  const year = filter.year ?? null;
  const rows = db.all<Omit<MeetingRow, 'paragraphGroupStatuses'> & { groupStatuses: string | null }>(sql`
    SELECT m.id, m.board_id AS boardId, b.name AS boardName, m.date, m.start_time AS startTime, m.end_time AS endTime,
      m.place, m.status,
      (SELECT count(*) FROM paragraphs p WHERE p.meeting_id = m.id) AS paragraphCount,
      (SELECT min(number) FROM paragraphs p WHERE p.meeting_id = m.id) AS firstParagraph,
      (SELECT max(number) FROM paragraphs p WHERE p.meeting_id = m.id) AS lastParagraph,
      (SELECT json_group_array(g.status) FROM (SELECT g.status FROM paragraphs p LEFT JOIN adjustment_groups g ON g.id = p.group_id WHERE p.meeting_id = m.id ORDER BY p.number) g) AS groupStatuses
    FROM meetings m JOIN boards b ON b.id = m.board_id
    WHERE (${board} IS NULL OR m.board_id = ${board}) AND (${year} IS NULL OR m.year = ${year})
    ORDER BY b.name COLLATE NOCASE, m.date DESC, m.start_time DESC`);
  return rows.map(({ groupStatuses, ...r }) => ({ ...r, paragraphGroupStatuses: groupStatuses === null ? [] : (JSON.parse(groupStatuses) as (string | null)[]) }));
}
