-- Custom SQL migration: locking of frozen/adjusted content, and full-text search.
-- Locking is enforced here, in the database, so no code path can change what was signed.
-- The message prefix JUSTERA_LOCKED is mapped to a Swedish AppError('locked') by db/errors.ts.
CREATE TRIGGER paragraphs_locked_update BEFORE UPDATE ON paragraphs
WHEN (OLD.group_id IS NOT NULL AND (SELECT status FROM adjustment_groups WHERE id = OLD.group_id) IN ('frozen', 'adjusted'))
  OR (NEW.group_id IS NOT NULL AND NEW.group_id IS NOT OLD.group_id AND (SELECT status FROM adjustment_groups WHERE id = NEW.group_id) IN ('frozen', 'adjusted'))
BEGIN
  SELECT RAISE(ABORT, 'JUSTERA_LOCKED: paragraph');
END;
--> statement-breakpoint
CREATE TRIGGER paragraphs_locked_delete BEFORE DELETE ON paragraphs
WHEN OLD.group_id IS NOT NULL AND (SELECT status FROM adjustment_groups WHERE id = OLD.group_id) IN ('frozen', 'adjusted')
BEGIN
  SELECT RAISE(ABORT, 'JUSTERA_LOCKED: paragraph');
END;
--> statement-breakpoint
CREATE TRIGGER paragraphs_locked_insert BEFORE INSERT ON paragraphs
WHEN NEW.group_id IS NOT NULL AND (SELECT status FROM adjustment_groups WHERE id = NEW.group_id) IN ('frozen', 'adjusted')
BEGIN
  SELECT RAISE(ABORT, 'JUSTERA_LOCKED: paragraph');
END;
--> statement-breakpoint
CREATE TRIGGER attachments_locked_insert BEFORE INSERT ON attachments
WHEN (SELECT g.status FROM paragraphs p JOIN adjustment_groups g ON g.id = p.group_id WHERE p.id = NEW.paragraph_id) IN ('frozen', 'adjusted')
BEGIN
  SELECT RAISE(ABORT, 'JUSTERA_LOCKED: attachment');
END;
--> statement-breakpoint
CREATE TRIGGER attachments_locked_update BEFORE UPDATE ON attachments
WHEN (SELECT g.status FROM paragraphs p JOIN adjustment_groups g ON g.id = p.group_id WHERE p.id = OLD.paragraph_id) IN ('frozen', 'adjusted')
BEGIN
  SELECT RAISE(ABORT, 'JUSTERA_LOCKED: attachment');
END;
--> statement-breakpoint
CREATE TRIGGER attachments_locked_delete BEFORE DELETE ON attachments
WHEN (SELECT g.status FROM paragraphs p JOIN adjustment_groups g ON g.id = p.group_id WHERE p.id = OLD.paragraph_id) IN ('frozen', 'adjusted')
BEGIN
  SELECT RAISE(ABORT, 'JUSTERA_LOCKED: attachment');
END;
--> statement-breakpoint
-- Who attended is printed in every frozen version: no changes once any group is frozen.
CREATE TRIGGER attendance_locked_insert BEFORE INSERT ON attendance
WHEN EXISTS (SELECT 1 FROM adjustment_groups WHERE meeting_id = NEW.meeting_id AND status IN ('frozen', 'adjusted'))
BEGIN
  SELECT RAISE(ABORT, 'JUSTERA_LOCKED: attendance');
END;
--> statement-breakpoint
CREATE TRIGGER attendance_locked_update BEFORE UPDATE ON attendance
WHEN EXISTS (SELECT 1 FROM adjustment_groups WHERE meeting_id = OLD.meeting_id AND status IN ('frozen', 'adjusted'))
BEGIN
  SELECT RAISE(ABORT, 'JUSTERA_LOCKED: attendance');
END;
--> statement-breakpoint
CREATE TRIGGER attendance_locked_delete BEFORE DELETE ON attendance
WHEN EXISTS (SELECT 1 FROM adjustment_groups WHERE meeting_id = OLD.meeting_id AND status IN ('frozen', 'adjusted'))
BEGIN
  SELECT RAISE(ABORT, 'JUSTERA_LOCKED: attendance');
END;
--> statement-breakpoint
-- The header fields printed on the first page, likewise (status and updated_at may change).
CREATE TRIGGER meetings_locked_update BEFORE UPDATE OF date, start_time, end_time, place, secretary_id, chair_id, adjustment_time_place, digital_signatures, notice_signatory_id, board_id ON meetings
WHEN EXISTS (SELECT 1 FROM adjustment_groups WHERE meeting_id = OLD.id AND status IN ('frozen', 'adjusted'))
BEGIN
  SELECT RAISE(ABORT, 'JUSTERA_LOCKED: meeting');
END;
--> statement-breakpoint
CREATE TRIGGER meeting_justerare_locked_insert BEFORE INSERT ON meeting_justerare
WHEN EXISTS (SELECT 1 FROM adjustment_groups WHERE meeting_id = NEW.meeting_id AND status IN ('frozen', 'adjusted'))
BEGIN
  SELECT RAISE(ABORT, 'JUSTERA_LOCKED: meeting');
END;
--> statement-breakpoint
CREATE TRIGGER meeting_justerare_locked_delete BEFORE DELETE ON meeting_justerare
WHEN EXISTS (SELECT 1 FROM adjustment_groups WHERE meeting_id = OLD.meeting_id AND status IN ('frozen', 'adjusted'))
BEGIN
  SELECT RAISE(ABORT, 'JUSTERA_LOCKED: meeting');
END;
--> statement-breakpoint
-- A group that is adjusted stays adjusted; its paragraphs cannot be moved out of it.
CREATE TRIGGER adjustment_groups_no_unadjust BEFORE UPDATE OF status ON adjustment_groups
WHEN OLD.status = 'adjusted' AND NEW.status <> 'adjusted'
BEGIN
  SELECT RAISE(ABORT, 'JUSTERA_LOCKED: group');
END;
--> statement-breakpoint
CREATE TRIGGER adjustment_groups_locked_delete BEFORE DELETE ON adjustment_groups
WHEN OLD.status IN ('frozen', 'adjusted')
BEGIN
  SELECT RAISE(ABORT, 'JUSTERA_LOCKED: group');
END;
--> statement-breakpoint
-- Versions and signatures are append-only (only the is_current flag moves).
CREATE TRIGGER document_versions_immutable BEFORE UPDATE OF snapshot, pdf, sha256, kind, version_no, meeting_id, group_id ON document_versions
BEGIN
  SELECT RAISE(ABORT, 'JUSTERA_LOCKED: version');
END;
--> statement-breakpoint
CREATE TRIGGER document_versions_no_delete BEFORE DELETE ON document_versions
BEGIN
  SELECT RAISE(ABORT, 'JUSTERA_LOCKED: version');
END;
--> statement-breakpoint
CREATE TRIGGER signatures_immutable BEFORE UPDATE ON signatures
BEGIN
  SELECT RAISE(ABORT, 'JUSTERA_LOCKED: signature');
END;
--> statement-breakpoint
CREATE TRIGGER signatures_no_delete BEFORE DELETE ON signatures
BEGIN
  SELECT RAISE(ABORT, 'JUSTERA_LOCKED: signature');
END;
--> statement-breakpoint
CREATE TRIGGER audit_log_append_only_update BEFORE UPDATE ON audit_log
BEGIN
  SELECT RAISE(ABORT, 'JUSTERA_LOCKED: audit');
END;
--> statement-breakpoint
CREATE TRIGGER audit_log_append_only_delete BEFORE DELETE ON audit_log
BEGIN
  SELECT RAISE(ABORT, 'JUSTERA_LOCKED: audit');
END;
--> statement-breakpoint
-- Full-text search over paragraphs: title, case number and every text run of the content.
-- unicode61 folds case for å, ä, ö too; diacritics are kept so "år" and "ar" stay apart.
CREATE VIRTUAL TABLE paragraphs_fts USING fts5(title, case_number, body, tokenize = 'unicode61 remove_diacritics 0');
--> statement-breakpoint
CREATE TRIGGER paragraphs_fts_insert AFTER INSERT ON paragraphs BEGIN
  INSERT INTO paragraphs_fts(rowid, title, case_number, body)
  VALUES (NEW.rowid, NEW.title, coalesce(NEW.case_number, ''),
    (SELECT coalesce(group_concat(value, ' '), '') FROM json_tree(NEW.content) WHERE type = 'text' AND (typeof(key) = 'integer' OR key NOT IN ('type', 'kind', 'person', 'by', 'link', 'vote'))));
END;
--> statement-breakpoint
CREATE TRIGGER paragraphs_fts_update AFTER UPDATE ON paragraphs BEGIN
  DELETE FROM paragraphs_fts WHERE rowid = OLD.rowid;
  INSERT INTO paragraphs_fts(rowid, title, case_number, body)
  VALUES (NEW.rowid, NEW.title, coalesce(NEW.case_number, ''),
    (SELECT coalesce(group_concat(value, ' '), '') FROM json_tree(NEW.content) WHERE type = 'text' AND (typeof(key) = 'integer' OR key NOT IN ('type', 'kind', 'person', 'by', 'link', 'vote'))));
END;
--> statement-breakpoint
CREATE TRIGGER paragraphs_fts_delete AFTER DELETE ON paragraphs BEGIN
  DELETE FROM paragraphs_fts WHERE rowid = OLD.rowid;
END;
