CREATE TABLE `person_identifiers` (
	`id` text PRIMARY KEY NOT NULL,
	`person_id` text NOT NULL,
	`kind` text NOT NULL,
	`value` text NOT NULL,
	`created_at` text NOT NULL,
	FOREIGN KEY (`person_id`) REFERENCES `persons`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `person_identifiers_uq` ON `person_identifiers` (`person_id`,`kind`,`value`);--> statement-breakpoint
CREATE INDEX `person_identifiers_person_idx` ON `person_identifiers` (`person_id`);--> statement-breakpoint
CREATE TABLE `trust_anchors` (
	`id` text PRIMARY KEY NOT NULL,
	`subject` text NOT NULL,
	`issuer` text NOT NULL,
	`not_before` text NOT NULL,
	`not_after` text NOT NULL,
	`sha256` text NOT NULL,
	`is_ca` integer NOT NULL,
	`der` blob NOT NULL,
	`added_at` text NOT NULL,
	`added_by` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `trust_anchors_sha256_uq` ON `trust_anchors` (`sha256`);--> statement-breakpoint
ALTER TABLE `boards` ADD `require_eid` integer DEFAULT false NOT NULL;