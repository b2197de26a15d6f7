// Central signing services (Sweden Connect DSS profile) the municipality has connected: what
// "Skriv under med e-legitimation" sends the signer to. Stored as one JSON list in app_settings,
// every change audited. Only references to the requester's key are stored (a PKCS#12 path and a
// password file), never the key or the password.
import { AppError } from '../../api/errors';
import type { AppDeps } from '../ports';
import type { SettingsStore } from './ports';

export type SignServiceLoa = 'loa2' | 'loa3' | 'loa4';

export interface SignServiceSetting {
  id: string;
  /** Shown to the user, e.g. "Sefos underskriftstjänst" or "Kommunens signeringstjänst". */
  name: string;
  /** SAML entityID of the signing service. */
  signServiceEntityId: string;
  /** The service's DSS endpoint (HTTP POST binding). */
  signServiceUrl: string;
  /** The certificate the service signs its responses with (PEM). */
  serviceCertificatePem: string;
  /** entityID of the identity provider the signer authenticates with (BankID, Freja eID+ …). */
  identityProvider: string;
  /** The municipality's entityID as registered with the service. */
  requesterEntityId: string;
  /** The requester's signing key and certificate: a PKCS#12 file and a file holding its password. */
  requesterP12Path: string;
  requesterPasswordFile: string;
  loa: SignServiceLoa;
}

export type SignServiceInput = Omit<SignServiceSetting, 'id'> & { id?: string | undefined };

const KEY = 'signServices';

export function readSignServices(settings: SettingsStore): SignServiceSetting[] {
  const v = settings.get(KEY);
  return Array.isArray(v) ? (v as SignServiceSetting[]) : [];
}

export function listSignServices(deps: { settings: SettingsStore }): { services: SignServiceSetting[] } {
  return { services: readSignServices(deps.settings) };
}

export function signServiceById(settings: SettingsStore, id: string): SignServiceSetting {
  const found = readSignServices(settings).find((s) => s.id === id);
  if (!found) throw new AppError('not_found', 'Underskriftstjänsten finns inte längre i inställningarna. Välj en annan eller lägg till den igen.', { id });
  return found;
}

type Deps = Pick<AppDeps, 'store' | 'ids'> & { settings: SettingsStore };

/** Adds a service (no id) or replaces the one with `id`; names are unique. */
export function saveSignService(deps: Deps, input: SignServiceInput): SignServiceSetting {
  return deps.store.transaction(() => {
    const list = readSignServices(deps.settings);
    if (input.id !== undefined && !list.some((s) => s.id === input.id)) {
      throw new AppError('not_found', 'Underskriftstjänsten som skulle ändras finns inte längre. Lägg till den på nytt.', { id: input.id });
    }
    const id = input.id ?? deps.ids.next();
    if (list.some((s) => s.id !== id && s.name.toLocaleLowerCase('sv-SE') === input.name.toLocaleLowerCase('sv-SE'))) {
      throw new AppError('conflict', `Det finns redan en underskriftstjänst som heter ”${input.name}”. Välj ett annat namn.`, { field: 'name' });
    }
    const saved: SignServiceSetting = { ...input, id };
    const next = input.id === undefined ? [...list, saved] : list.map((s) => (s.id === id ? saved : s));
    deps.settings.set(KEY, next);
    deps.store.audit({ action: input.id === undefined ? 'signservice.add' : 'signservice.update', entity: 'app_settings', entityId: id, details: { ...saved } });
    return saved;
  });
}

export function removeSignService(deps: Deps, input: { id: string }): { removed: boolean } {
  return deps.store.transaction(() => {
    const list = readSignServices(deps.settings);
    const next = list.filter((s) => s.id !== input.id);
    if (next.length === list.length) return { removed: false };
    deps.settings.set(KEY, next);
    deps.store.audit({ action: 'signservice.remove', entity: 'app_settings', entityId: input.id, details: {} });
    return { removed: true };
  });
}
