// App-wide settings (e.g. the RFC 3161 time-stamping service), one row per key; the value is JSON.
import { sqliteTable, text } from 'drizzle-orm/sqlite-core';

export const appSettings = sqliteTable('app_settings', {
  key: text('key').primaryKey(),
  value: text('value', { mode: 'json' }),
  updatedAt: text('updated_at').notNull(),
});
