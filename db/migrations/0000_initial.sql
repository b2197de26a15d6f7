CREATE TABLE `assignments` (
	`id` text PRIMARY KEY NOT NULL,
	`board_id` text NOT NULL,
	`person_id` text NOT NULL,
	`role` text NOT NULL,
	`party` text,
	`represents` text,
	`term_start` text NOT NULL,
	`term_end` text NOT NULL,
	`substitute_order` integer,
	`substitute_for_person_id` text,
	`retired_on` text,
	FOREIGN KEY (`board_id`) REFERENCES `boards`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`person_id`) REFERENCES `persons`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`substitute_for_person_id`) REFERENCES `persons`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `assignments_board_idx` ON `assignments` (`board_id`);--> statement-breakpoint
CREATE TABLE `boards` (
	`id` text PRIMARY KEY NOT NULL,
	`organisation_id` text NOT NULL,
	`name` text NOT NULL,
	`short_name` text,
	`kind` text NOT NULL,
	`seats` integer NOT NULL,
	`storage_place` text NOT NULL,
	`notice_board_url` text,
	`created_at` text NOT NULL,
	FOREIGN KEY (`organisation_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `boards_org_name_uq` ON `boards` (`organisation_id`,`name`);--> statement-breakpoint
CREATE TABLE `officials` (
	`id` text PRIMARY KEY NOT NULL,
	`board_id` text NOT NULL,
	`person_id` text NOT NULL,
	`title` text,
	`organisation` text,
	FOREIGN KEY (`board_id`) REFERENCES `boards`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`person_id`) REFERENCES `persons`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `officials_board_person_uq` ON `officials` (`board_id`,`person_id`);--> statement-breakpoint
CREATE TABLE `organisations` (
	`id` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`kind` text NOT NULL,
	`header_name` text,
	`org_number` text,
	`created_at` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `organisations_name_uq` ON `organisations` (`name`);--> statement-breakpoint
CREATE TABLE `persons` (
	`id` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`created_at` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `persons_name_idx` ON `persons` (`name`);--> statement-breakpoint
CREATE TABLE `adjustment_groups` (
	`id` text PRIMARY KEY NOT NULL,
	`meeting_id` text NOT NULL,
	`position` integer NOT NULL,
	`immediate` integer NOT NULL,
	`status` text NOT NULL,
	`adjusted_at` text,
	FOREIGN KEY (`meeting_id`) REFERENCES `meetings`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `adjustment_groups_meeting_pos_uq` ON `adjustment_groups` (`meeting_id`,`position`);--> statement-breakpoint
CREATE TABLE `attachments` (
	`id` text PRIMARY KEY NOT NULL,
	`paragraph_id` text NOT NULL,
	`position` integer NOT NULL,
	`kind` text NOT NULL,
	`title` text NOT NULL,
	`filename` text,
	`media_type` text,
	`data` blob,
	`sha256` text,
	`sections` text,
	FOREIGN KEY (`paragraph_id`) REFERENCES `paragraphs`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `attachments_paragraph_idx` ON `attachments` (`paragraph_id`);--> statement-breakpoint
CREATE TABLE `attendance` (
	`id` text PRIMARY KEY NOT NULL,
	`meeting_id` text NOT NULL,
	`position` integer NOT NULL,
	`person_id` text NOT NULL,
	`capacity` text NOT NULL,
	`replaces_person_id` text,
	`from_paragraph` integer,
	`to_paragraph` integer,
	`note` text,
	FOREIGN KEY (`meeting_id`) REFERENCES `meetings`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`person_id`) REFERENCES `persons`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`replaces_person_id`) REFERENCES `persons`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `attendance_meeting_idx` ON `attendance` (`meeting_id`);--> statement-breakpoint
CREATE TABLE `meeting_justerare` (
	`meeting_id` text NOT NULL,
	`position` integer NOT NULL,
	`person_id` text NOT NULL,
	PRIMARY KEY(`meeting_id`, `position`),
	FOREIGN KEY (`meeting_id`) REFERENCES `meetings`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`person_id`) REFERENCES `persons`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `meetings` (
	`id` text PRIMARY KEY NOT NULL,
	`board_id` text NOT NULL,
	`date` text NOT NULL,
	`year` integer NOT NULL,
	`start_time` text NOT NULL,
	`end_time` text,
	`place` text NOT NULL,
	`status` text NOT NULL,
	`secretary_id` text NOT NULL,
	`chair_id` text NOT NULL,
	`adjustment_time_place` text,
	`digital_signatures` integer NOT NULL,
	`notice_signatory_id` text,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`board_id`) REFERENCES `boards`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`secretary_id`) REFERENCES `persons`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`chair_id`) REFERENCES `persons`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`notice_signatory_id`) REFERENCES `persons`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `meetings_board_year_idx` ON `meetings` (`board_id`,`year`,`date`);--> statement-breakpoint
CREATE TABLE `paragraphs` (
	`id` text PRIMARY KEY NOT NULL,
	`meeting_id` text NOT NULL,
	`board_id` text NOT NULL,
	`year` integer NOT NULL,
	`number` integer NOT NULL,
	`title` text NOT NULL,
	`case_number` text,
	`content` text NOT NULL,
	`immediately_adjusted` integer NOT NULL,
	`confidential_provision` text,
	`group_id` text,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`meeting_id`) REFERENCES `meetings`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`board_id`) REFERENCES `boards`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`group_id`) REFERENCES `adjustment_groups`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `paragraphs_board_year_number_uq` ON `paragraphs` (`board_id`,`year`,`number`);--> statement-breakpoint
CREATE INDEX `paragraphs_meeting_idx` ON `paragraphs` (`meeting_id`,`number`);--> statement-breakpoint
CREATE TABLE `document_versions` (
	`id` text PRIMARY KEY NOT NULL,
	`meeting_id` text NOT NULL,
	`group_id` text,
	`kind` text NOT NULL,
	`version_no` integer NOT NULL,
	`reason` text,
	`snapshot` text NOT NULL,
	`pdf` blob NOT NULL,
	`sha256` text NOT NULL,
	`is_current` integer NOT NULL,
	`created_at` text NOT NULL,
	FOREIGN KEY (`meeting_id`) REFERENCES `meetings`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`group_id`) REFERENCES `adjustment_groups`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `document_versions_uq` ON `document_versions` (`meeting_id`,`kind`,`group_id`,`version_no`);--> statement-breakpoint
CREATE TABLE `extracts` (
	`id` text PRIMARY KEY NOT NULL,
	`meeting_id` text NOT NULL,
	`paragraph_numbers` text NOT NULL,
	`recipients` text NOT NULL,
	`version_id` text,
	`sent_at` text,
	`created_at` text NOT NULL,
	FOREIGN KEY (`meeting_id`) REFERENCES `meetings`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`version_id`) REFERENCES `document_versions`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `extracts_meeting_idx` ON `extracts` (`meeting_id`);--> statement-breakpoint
CREATE TABLE `follow_up_tasks` (
	`id` text PRIMARY KEY NOT NULL,
	`paragraph_id` text NOT NULL,
	`decision_point` integer,
	`responsible` text NOT NULL,
	`description` text NOT NULL,
	`due_on` text,
	`status` text NOT NULL,
	`confirmed` integer NOT NULL,
	`done_on` text,
	`note` text,
	FOREIGN KEY (`paragraph_id`) REFERENCES `paragraphs`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `follow_up_tasks_paragraph_idx` ON `follow_up_tasks` (`paragraph_id`);--> statement-breakpoint
CREATE TABLE `notices` (
	`id` text PRIMARY KEY NOT NULL,
	`group_id` text NOT NULL,
	`posted_on` text NOT NULL,
	`take_down_on` text NOT NULL,
	`taken_down_on` text,
	`created_at` text NOT NULL,
	FOREIGN KEY (`group_id`) REFERENCES `adjustment_groups`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `notices_group_uq` ON `notices` (`group_id`);--> statement-breakpoint
CREATE TABLE `signatures` (
	`id` text PRIMARY KEY NOT NULL,
	`version_id` text NOT NULL,
	`field` text NOT NULL,
	`role` text NOT NULL,
	`person_id` text,
	`signer_name` text NOT NULL,
	`signed_at` text NOT NULL,
	`certificate` text,
	`validation` text,
	`pdf` blob NOT NULL,
	`sha256` text NOT NULL,
	FOREIGN KEY (`version_id`) REFERENCES `document_versions`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`person_id`) REFERENCES `persons`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `signatures_version_field_uq` ON `signatures` (`version_id`,`field`);--> statement-breakpoint
CREATE TABLE `audit_log` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`at` text NOT NULL,
	`actor` text NOT NULL,
	`action` text NOT NULL,
	`entity` text NOT NULL,
	`entity_id` text,
	`details` text
);
--> statement-breakpoint
CREATE INDEX `audit_log_entity_idx` ON `audit_log` (`entity`,`entity_id`);