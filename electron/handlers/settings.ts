// Handlers for core/api/contracts/settings.ts: app settings stored in app_settings.
import type { HandlersFor } from '../../core/api/contract';
import type { settingsContract } from '../../core/api/contracts/settings';
import { getSettings, setSettings } from '../../core/app/justering/settings';
import { listSignServices, removeSignService, saveSignService } from '../../core/app/justering/sign-services';
import { createSettingsStore } from '../../db/repos/settings';
import type { HandlerContext } from './context';

export function settingsHandlers(ctx: HandlerContext): HandlersFor<keyof typeof settingsContract> {
  const deps = { store: ctx.deps.store, ids: ctx.deps.ids, settings: createSettingsStore(ctx.db, { clock: ctx.deps.clock }) };
  return {
    'settings.get': () => getSettings(deps),
    'settings.set': (input) => setSettings(deps, input),
    'settings.signServices.list': () => listSignServices(deps),
    'settings.signServices.save': (input) => saveSignService(deps, input),
    'settings.signServices.remove': (input) => removeSignService(deps, input),
  };
}
