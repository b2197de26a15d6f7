-- Custom SQL migration: the workspace's drafting state is locked with the protocol it belongs to.
-- Where § numbering starts is printed content once a group is frozen or adjusted.
CREATE TRIGGER meeting_drafts_locked_update BEFORE UPDATE OF first_number ON meeting_drafts
WHEN EXISTS (SELECT 1 FROM adjustment_groups WHERE meeting_id = OLD.meeting_id AND status IN ('frozen', 'adjusted'))
BEGIN
  SELECT RAISE(ABORT, 'JUSTERA_LOCKED: meeting');
END;
--> statement-breakpoint
CREATE TRIGGER meeting_drafts_locked_delete BEFORE DELETE ON meeting_drafts
WHEN EXISTS (SELECT 1 FROM adjustment_groups WHERE meeting_id = OLD.meeting_id AND status IN ('frozen', 'adjusted'))
BEGIN
  SELECT RAISE(ABORT, 'JUSTERA_LOCKED: meeting');
END;
