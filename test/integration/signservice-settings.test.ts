// Settings for central signing services: saved through the API with one validation, audited,
// refused in Swedish when a field is wrong, and nothing half-written.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { rejection, testBackend, type TestBackend } from '../helpers/backend';

let b: TestBackend;
beforeEach(() => {
  b = testBackend({ memory: true });
});
afterEach(() => b.dispose());

const certificatePem = `-----BEGIN CERTIFICATE-----\n${'MII' + 'A'.repeat(157)}\n-----END CERTIFICATE-----\n`;
const valid = {
  name: 'Kommunens underskriftstjänst',
  signServiceEntityId: 'https://sign.kommun.se/signservice',
  signServiceUrl: 'https://sign.kommun.se/sign/request',
  serviceCertificatePem: certificatePem,
  identityProvider: 'http://id.swedenconnect.se/idp/bankid',
  requesterEntityId: 'https://justera.kommun.se/sp',
  requesterP12Path: '/etc/justera/underskrift.p12',
  requesterPasswordFile: '/etc/justera/underskrift.pass',
  loa: 'loa3' as const,
};

describe('settings.signServices', () => {
  it('adds, lists, updates and removes a service; each change is audited', async () => {
    const saved = await b.api.call('settings.signServices.save', valid);
    expect(saved.id).toBeTruthy();
    expect((await b.api.call('settings.signServices.list', {})).services).toEqual([saved]);
    const renamed = await b.api.call('settings.signServices.save', { ...valid, id: saved.id, name: 'Ny tjänst', loa: 'loa4' });
    expect((await b.api.call('settings.signServices.list', {})).services).toEqual([renamed]);
    expect(renamed.loa).toBe('loa4');
    expect(await b.api.call('settings.signServices.remove', { id: saved.id })).toEqual({ removed: true });
    expect((await b.api.call('settings.signServices.list', {})).services).toEqual([]);
    const actions = b.backend.db.$client.prepare(`SELECT action FROM audit_log WHERE action LIKE 'signservice.%' ORDER BY rowid`).all() as { action: string }[];
    expect(actions.map((a) => a.action)).toEqual(['signservice.add', 'signservice.update', 'signservice.remove']);
  });

  it.each<[string, Record<string, unknown>, RegExp]>([
    ['an empty name', { name: '  ' }, /namn/],
    ['a service URL that is not http(s)', { signServiceUrl: 'ftp://sign.kommun.se' }, /https-adress/],
    ['a certificate that is not PEM', { serviceCertificatePem: 'hej' }, /PEM/],
    ['an entityID that is not a URI', { requesterEntityId: 'kommunen' }, /URL eller URN/],
    ['a relative p12 path', { requesterP12Path: 'underskrift.p12' }, /fullständig sökväg/],
    ['a network (UNC) password file', { requesterPasswordFile: '\\\\server\\share\\pass' }, /fullständig sökväg/],
    ['an unknown level of assurance', { loa: 'loa9' }, /tillitsnivå/],
  ])('refuses %s with a Swedish message and stores nothing', async (_what, change, message) => {
    const e = await rejection(b.api.call('settings.signServices.save', { ...valid, ...change } as never));
    expect(e.message).toMatch(message);
    expect((await b.api.call('settings.signServices.list', {})).services).toEqual([]);
  });

  it('refuses a second service with the same name, and an update of a removed one', async () => {
    await b.api.call('settings.signServices.save', valid);
    expect((await rejection(b.api.call('settings.signServices.save', { ...valid, name: 'KOMMUNENS UNDERSKRIFTSTJÄNST' }))).message).toMatch(/redan/);
    expect((await rejection(b.api.call('settings.signServices.save', { ...valid, id: 'finns-inte' }))).message).toMatch(/finns inte längre/);
    expect((await b.api.call('settings.signServices.list', {})).services).toHaveLength(1);
  });
});
