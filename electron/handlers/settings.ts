// Handlers for core/api/contracts/settings.ts: app settings stored in app_settings.
import type { HandlersFor } from '../../core/api/contract';
import type { settingsContract } from '../../core/api/contracts/settings';
import { getSettings, setSettings } from '../../core/app/justering/settings';
import { createSettingsStore } from '../../db/repos/settings';
import type { HandlerContext } from './context';

export function settingsHandlers(ctx: HandlerContext): HandlersFor<keyof typeof settingsContract> {
  const deps = { store: ctx.deps.store, settings: createSettingsStore(ctx.db, { clock: ctx.deps.clock }) };
  return {
    'settings.get': () => getSettings(deps),
    'settings.set': (input) => setSettings(deps, input),
  };
}
