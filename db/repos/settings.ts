// The SettingsStore port (core/app/justering/ports.ts) on SQLite: app_settings(key, value JSON).
import { eq } from 'drizzle-orm';
import type { SettingsStore } from '../../core/app/justering/ports';
import type { Clock } from '../../core/app/ports';
import { withDbErrors } from '../errors';
import type { Db } from '../open';
import { appSettings } from '../schema';

export function createSettingsStore(db: Db, ctx: { clock: Clock }): SettingsStore {
  return {
    get: (key) => db.select({ value: appSettings.value }).from(appSettings).where(eq(appSettings.key, key)).get()?.value ?? null,
    set: (key, value) =>
      withDbErrors(() => {
        const updatedAt = ctx.clock.now().toISOString();
        db.insert(appSettings)
          .values({ key, value: value ?? null, updatedAt })
          .onConflictDoUpdate({ target: appSettings.key, set: { value: value ?? null, updatedAt } })
          .run();
      }),
  };
}
