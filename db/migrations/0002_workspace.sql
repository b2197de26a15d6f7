CREATE TABLE `meeting_drafts` (
	`meeting_id` text PRIMARY KEY NOT NULL,
	`first_number` integer NOT NULL,
	FOREIGN KEY (`meeting_id`) REFERENCES `meetings`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `workspace_journal` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`meeting_id` text NOT NULL,
	`label` text NOT NULL,
	`coalesce_key` text,
	`before` text NOT NULL,
	`after` text NOT NULL,
	`undone` integer NOT NULL,
	`at` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`meeting_id`) REFERENCES `meetings`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `workspace_journal_meeting_idx` ON `workspace_journal` (`meeting_id`,`id`);