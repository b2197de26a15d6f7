CREATE TABLE `corrections` (
	`id` text PRIMARY KEY NOT NULL,
	`group_id` text NOT NULL,
	`paragraph_id` text NOT NULL,
	`reason` text NOT NULL,
	`before` text NOT NULL,
	`after` text NOT NULL,
	`pending` integer NOT NULL,
	`version_id` text,
	`created_at` text NOT NULL,
	`actor` text NOT NULL,
	FOREIGN KEY (`group_id`) REFERENCES `adjustment_groups`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`paragraph_id`) REFERENCES `paragraphs`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`version_id`) REFERENCES `document_versions`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `corrections_paragraph_idx` ON `corrections` (`paragraph_id`);--> statement-breakpoint
-- Rättelse: a § of an adjusted group may change only while a pending correction row for it
-- exists (inserted, applied and closed in one transaction by justering.correct). Frozen groups
-- stay fully locked; the § may not move to another group or change number.
DROP TRIGGER paragraphs_locked_update;
--> statement-breakpoint
CREATE TRIGGER paragraphs_locked_update BEFORE UPDATE ON paragraphs
WHEN ((OLD.group_id IS NOT NULL AND (SELECT status FROM adjustment_groups WHERE id = OLD.group_id) IN ('frozen', 'adjusted'))
  OR (NEW.group_id IS NOT NULL AND NEW.group_id IS NOT OLD.group_id AND (SELECT status FROM adjustment_groups WHERE id = NEW.group_id) IN ('frozen', 'adjusted')))
  AND NOT (
    NEW.group_id IS OLD.group_id AND NEW.number = OLD.number AND NEW.meeting_id = OLD.meeting_id
    AND (SELECT status FROM adjustment_groups WHERE id = OLD.group_id) = 'adjusted'
    AND EXISTS (SELECT 1 FROM corrections WHERE paragraph_id = OLD.id AND group_id = OLD.group_id AND pending = 1)
  )
BEGIN
  SELECT RAISE(ABORT, 'JUSTERA_LOCKED: paragraph');
END;
--> statement-breakpoint
-- Corrections are append-only: inserted pending for a § of an adjusted group; the one allowed
-- update closes it (pending 1 → 0, recording the new version); never deleted.
CREATE TRIGGER corrections_insert_check BEFORE INSERT ON corrections
WHEN NEW.pending <> 1
  OR (SELECT status FROM adjustment_groups WHERE id = NEW.group_id) IS NOT 'adjusted'
  OR (SELECT group_id FROM paragraphs WHERE id = NEW.paragraph_id) IS NOT NEW.group_id
BEGIN
  SELECT RAISE(ABORT, 'JUSTERA_LOCKED: correction');
END;
--> statement-breakpoint
CREATE TRIGGER corrections_append_only BEFORE UPDATE ON corrections
WHEN NOT (OLD.pending = 1 AND NEW.pending = 0
  AND NEW.id IS OLD.id AND NEW.group_id IS OLD.group_id AND NEW.paragraph_id IS OLD.paragraph_id
  AND NEW.reason IS OLD.reason AND NEW.before IS OLD.before AND NEW.after IS OLD.after
  AND NEW.created_at IS OLD.created_at AND NEW.actor IS OLD.actor AND OLD.version_id IS NULL)
BEGIN
  SELECT RAISE(ABORT, 'JUSTERA_LOCKED: correction');
END;
--> statement-breakpoint
CREATE TRIGGER corrections_no_delete BEFORE DELETE ON corrections
BEGIN
  SELECT RAISE(ABORT, 'JUSTERA_LOCKED: correction');
END;
