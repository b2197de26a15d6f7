CREATE TABLE `kallelse_messages` (
	`id` text PRIMARY KEY NOT NULL,
	`sending_id` text NOT NULL,
	`position` integer NOT NULL,
	`file_name` text NOT NULL,
	`recipients` text NOT NULL,
	`eml` blob NOT NULL,
	FOREIGN KEY (`sending_id`) REFERENCES `kallelse_sendings`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `kallelse_messages_sending_pos_uq` ON `kallelse_messages` (`sending_id`,`position`);--> statement-breakpoint
CREATE TABLE `kallelse_sendings` (
	`id` text PRIMARY KEY NOT NULL,
	`meeting_id` text NOT NULL,
	`sent_at` text NOT NULL,
	`mode` text NOT NULL,
	`from_address` text NOT NULL,
	`days_before` integer NOT NULL,
	`deadline` text NOT NULL,
	`late` integer NOT NULL,
	`recipients` text NOT NULL,
	`missing` text NOT NULL,
	`files` text NOT NULL,
	`actor` text NOT NULL,
	FOREIGN KEY (`meeting_id`) REFERENCES `meetings`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `kallelse_sendings_meeting_idx` ON `kallelse_sendings` (`meeting_id`,`sent_at`);--> statement-breakpoint
ALTER TABLE `boards` ADD `kallelse_days_before` integer DEFAULT 7 NOT NULL;--> statement-breakpoint
ALTER TABLE `persons` ADD `email` text;--> statement-breakpoint
CREATE TRIGGER kallelse_sendings_no_update BEFORE UPDATE ON kallelse_sendings
BEGIN
  SELECT RAISE(ABORT, 'En skickad kallelse är en uppgift om vad som hände och kan inte ändras.');
END;
--> statement-breakpoint
CREATE TRIGGER kallelse_messages_no_update BEFORE UPDATE ON kallelse_messages
BEGIN
  SELECT RAISE(ABORT, 'En skickad kallelse är en uppgift om vad som hände och kan inte ändras.');
END;
