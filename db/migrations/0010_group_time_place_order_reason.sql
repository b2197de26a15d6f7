ALTER TABLE `adjustment_groups` ADD `justering_date` text;--> statement-breakpoint
ALTER TABLE `adjustment_groups` ADD `justering_time` text;--> statement-breakpoint
ALTER TABLE `adjustment_groups` ADD `justering_place` text;--> statement-breakpoint
ALTER TABLE `attendance` ADD `order_reason` text;--> statement-breakpoint
-- A group's time and place of justering is printed in its frozen version: fixed once frozen.
CREATE TRIGGER adjustment_groups_time_place_locked BEFORE UPDATE OF justering_date, justering_time, justering_place ON adjustment_groups
WHEN OLD.status IN ('frozen', 'adjusted')
  AND (NEW.justering_date IS NOT OLD.justering_date OR NEW.justering_time IS NOT OLD.justering_time OR NEW.justering_place IS NOT OLD.justering_place)
BEGIN
  SELECT RAISE(ABORT, 'JUSTERA_LOCKED: group');
END;
