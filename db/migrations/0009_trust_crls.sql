CREATE TABLE `trust_crls` (
	`id` text PRIMARY KEY NOT NULL,
	`issuer` text NOT NULL,
	`this_update` text NOT NULL,
	`next_update` text,
	`crl_number` text,
	`revoked_count` integer NOT NULL,
	`sha256` text NOT NULL,
	`verified_by` text,
	`der` blob NOT NULL,
	`added_at` text NOT NULL,
	`added_by` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `trust_crls_sha256_uq` ON `trust_crls` (`sha256`);--> statement-breakpoint
CREATE INDEX `trust_crls_issuer_idx` ON `trust_crls` (`issuer`);