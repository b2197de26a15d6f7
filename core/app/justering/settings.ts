// App settings: today the RFC 3161 time-stamping service that justering.sign,
// signPackage and documents.sign ask for a signature time stamp (PAdES B-T).
import type { AppDeps } from '../ports';
import type { SettingsStore } from './ports';
import type { AppSettings } from './types';

const TSA_URL = 'tsaUrl';

export function readSettings(settings: SettingsStore): AppSettings {
  const tsa = settings.get(TSA_URL);
  return { tsaUrl: typeof tsa === 'string' && tsa.length > 0 ? tsa : null };
}

export function getSettings(deps: { settings: SettingsStore }): AppSettings {
  return readSettings(deps.settings);
}

/** Stores the settings and audits what changed, in one transaction. */
export function setSettings(deps: Pick<AppDeps, 'store'> & { settings: SettingsStore }, input: AppSettings): AppSettings {
  return deps.store.transaction(() => {
    const before = readSettings(deps.settings);
    deps.settings.set(TSA_URL, input.tsaUrl);
    const after = readSettings(deps.settings);
    deps.store.audit({ action: 'settings.set', entity: 'app_settings', entityId: TSA_URL, details: { before: before.tsaUrl, after: after.tsaUrl } });
    return after;
  });
}
