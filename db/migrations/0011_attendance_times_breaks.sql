ALTER TABLE `attendance` ADD `from_time` text;--> statement-breakpoint
ALTER TABLE `attendance` ADD `to_time` text;--> statement-breakpoint
ALTER TABLE `meetings` ADD `breaks` text;--> statement-breakpoint
-- The breaks are printed in every frozen version, like the other header fields: the lock now covers them too.
DROP TRIGGER IF EXISTS meetings_locked_update;
--> statement-breakpoint
CREATE TRIGGER meetings_locked_update BEFORE UPDATE OF date, start_time, end_time, place, secretary_id, chair_id, adjustment_time_place, digital_signatures, notice_signatory_id, board_id, breaks ON meetings
WHEN EXISTS (SELECT 1 FROM adjustment_groups WHERE meeting_id = OLD.id AND status IN ('frozen', 'adjusted'))
BEGIN
  SELECT RAISE(ABORT, 'JUSTERA_LOCKED: meeting');
END;
