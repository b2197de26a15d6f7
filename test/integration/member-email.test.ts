// A member and their e-mail address are saved in one call and one transaction (workspace.members.add
// and .update take `email`): the member dialog no longer makes a second call that could fail after
// the first had written, leaving a member without the address the secretary typed, or an address
// changed while the member's other changes were refused.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { rejection, testBackend, type TestBackend } from '../helpers/backend';

let t: TestBackend;
let boardId: string;
beforeEach(async () => {
  t = testBackend();
  const { organisationId } = await t.api.call('workspace.organisations.create', { name: 'Luleå kommun', kind: 'kommun' });
  boardId = (await t.api.call('workspace.boards.create', { organisationId, name: 'Kulturnämnden', shortName: 'KUN', kind: 'namnd', seats: 5, storagePlace: 'Kommunkansliet' })).boardId;
});
afterEach(() => t.dispose());

const term = { termStart: '2023-01-01', termEnd: '2026-12-31' };
const members = async () => (await t.api.call('workspace.boards.get', { boardId })).members;
const counts = () => {
  const sql = t.backend.db.$client;
  const n = (table: string) => (sql.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
  return { persons: n('persons'), audit: n('audit_log'), emails: sql.prepare('SELECT id, email FROM persons ORDER BY id').all() };
};

describe('a member and their e-mail address, in one call', () => {
  it('adds the member with the address, and changes or removes it with the member', async () => {
    const { assignmentId } = await t.api.call('workspace.members.add', { boardId, name: 'Anna Berg', role: 'ledamot', ...term, email: ' anna.berg@lulea.se ' });
    expect((await members()).find((m) => m.assignmentId === assignmentId)?.email).toBe('anna.berg@lulea.se');
    await t.api.call('workspace.members.update', { assignmentId, party: 'S', email: 'anna@lulea.se' });
    let anna = (await members()).find((m) => m.assignmentId === assignmentId);
    expect([anna?.party, anna?.email]).toEqual(['S', 'anna@lulea.se']);
    await t.api.call('workspace.members.update', { assignmentId, email: '' });
    anna = (await members()).find((m) => m.assignmentId === assignmentId);
    expect(anna?.email ?? null).toBeNull();
  });

  it('refuses a bad address in Swedish and adds nobody', async () => {
    const before = counts();
    const err = await rejection(t.api.call('workspace.members.add', { boardId, name: 'Bo Ek', role: 'ledamot', ...term, email: 'Bo Ek <bo@lulea.se>' }));
    expect(err.code).toBe('validation');
    expect(err.message).toContain('namn@exempel.se');
    expect(counts()).toEqual(before);
    expect(await members()).toEqual([]);
  });

  it('a refused member change leaves the address as it was, and a refused address the member', async () => {
    const { assignmentId } = await t.api.call('workspace.members.add', { boardId, name: 'Anna Berg', role: 'ledamot', ...term, email: 'anna.berg@lulea.se' });
    const before = counts();
    // The term ends before it starts: refused by the use case, after the address would have been valid.
    const bad = await rejection(t.api.call('workspace.members.update', { assignmentId, termEnd: '2022-12-31', email: 'ny@lulea.se' }));
    expect(bad.code).toBe('validation');
    expect(counts()).toEqual(before);
    // A bad address: the valid party change is not saved either.
    const badEmail = await rejection(t.api.call('workspace.members.update', { assignmentId, party: 'M', email: 'inte en adress' }));
    expect(badEmail.code).toBe('validation');
    expect(counts()).toEqual(before);
    const anna = (await members()).find((m) => m.assignmentId === assignmentId);
    expect([anna?.party ?? null, anna?.email]).toEqual([null, 'anna.berg@lulea.se']);
  });

  it('a refused new member leaves an existing person’s address alone', async () => {
    await t.api.call('workspace.members.add', { boardId, name: 'Anna Berg', role: 'ledamot', ...term, email: 'anna.berg@lulea.se' });
    const before = counts();
    // The same person again for an overlapping term: refused, and the new address not written.
    const err = await rejection(t.api.call('workspace.members.add', { boardId, name: 'Anna Berg', role: 'ledamot', ...term, email: 'annan@lulea.se' }));
    expect(err.code).toBe('conflict');
    expect(counts()).toEqual(before);
  });
});
