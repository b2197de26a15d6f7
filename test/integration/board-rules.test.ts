// Rules every entrance shares: the organisation number's check digit (Luhn, core), one number per
// substitute in the board's ersättarordning (by hand and in a CSV file), and validation messages
// that never show an internal field name.
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { isValidOrgNumber, luhnValid } from '../../core/domain/org-number';
import { referenceCopy, rejection, testBackend, type TestBackend } from '../helpers/backend';

let t: TestBackend;
beforeEach(() => {
  t = testBackend();
});
afterEach(() => t.dispose());

const csv = (text: string) => Buffer.from(text, 'utf8').toString('base64');

describe('organisation number', () => {
  it('accepts a valid number and refuses a wrong check digit, in the UI API and in an imported meeting', async () => {
    expect(isValidOrgNumber('212000-2627')).toBe(true);
    const { organisationId } = await t.api.call('workspace.organisations.create', { name: 'Luleå kommun', kind: 'kommun', orgNumber: '212000-2627' });
    expect(organisationId).toBeTruthy();
    const wrong = await rejection(t.api.call('workspace.organisations.create', { name: 'Piteå kommun', kind: 'kommun', orgNumber: '212000-2628' }));
    expect(wrong.code).toBe('validation');
    expect(wrong.message).toContain('kontrollsiffran');
    expect(wrong.message).not.toContain('orgNumber');
    const update = await rejection(t.api.call('workspace.organisations.update', { organisationId, patch: { orgNumber: '212000-2626' } }));
    expect(update.message).toContain('kontrollsiffran');

    const doc = referenceCopy();
    (doc as unknown as { organisation: Record<string, unknown> }).organisation.orgNumber = '212000-2621';
    const imported = await rejection(t.api.call('meetings.import', { document: doc }));
    expect(imported.code).toBe('validation');
    expect(imported.message).toContain('kontrollsiffran');
  });

  it('the check digit: exactly one of the ten last digits fits any nine digits', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^\d{9}$/), (nine) => {
        const fits = [...'0123456789'].filter((d) => luhnValid(`${nine}${d}`));
        expect(fits).toHaveLength(1);
        expect(isValidOrgNumber(`${nine.slice(0, 6)}-${nine.slice(6)}${fits[0]}`)).toBe(true);
      }),
    );
  });

  it('messages name the field in Swedish, never by its internal name', async () => {
    const e = await rejection(t.api.call('workspace.organisations.create', { name: '', kind: 'kommun' }));
    expect(e.message).toBe('Skriv organisationens namn, t.ex. "Luleå kommun".');
    const seats = await rejection(t.api.call('workspace.boards.create', { organisationId: 'x', name: 'N', kind: 'namnd', seats: 0, storagePlace: 'S' }));
    expect(seats.message).not.toMatch(/\b(seats|organisationId|name):/);
  });
});

describe('ersättarordning', () => {
  it('refuses a second substitute with the same number, by hand and in a CSV file, and accepts another number', async () => {
    const { organisationId } = await t.api.call('workspace.organisations.create', { name: 'Luleå kommun', kind: 'kommun' });
    const { boardId } = await t.api.call('workspace.boards.create', { organisationId, name: 'Nämnd', kind: 'namnd', seats: 5, storagePlace: 'Stadshuset' });
    const term = { termStart: '2023-01-01', termEnd: '2026-12-31' };
    await t.api.call('workspace.members.add', { boardId, name: 'Anna Berg', role: 'ersattare', substituteOrder: 2, ...term });
    const twice = await rejection(t.api.call('workspace.members.add', { boardId, name: 'Bo Ek', role: 'ersattare', substituteOrder: 2, ...term }));
    expect(twice.code).toBe('conflict');
    expect(twice.message).toContain('Ersättarordning nr 2 har redan Anna Berg');
    const { assignmentId } = await t.api.call('workspace.members.add', { boardId, name: 'Bo Ek', role: 'ersattare', substituteOrder: 3, ...term });
    const moved = await rejection(t.api.call('workspace.members.update', { assignmentId, substituteOrder: 2 }));
    expect(moved.message).toContain('nr 2');
    // A later term may reuse the number.
    await t.api.call('workspace.members.add', { boardId, name: 'Cia Dahl', role: 'ersattare', substituteOrder: 2, termStart: '2027-01-01', termEnd: '2030-12-31' });

    const file =
      'Namn;Roll;Mandat från;Mandat till;Ersättarordning\nDan Fors;Ersättare;2023-01-01;2026-12-31;4\nEva Gran;Ersättare;2023-01-01;2026-12-31;4\nFia Holm;Ersättare;2023-01-01;2026-12-31;3\n';
    const bad = await rejection(t.api.call('workspace.members.import', { boardId, dataBase64: csv(file) }));
    expect(bad.code).toBe('validation');
    const messages = (bad.details as { issues: { path: string; message: string }[] }).issues;
    expect(messages).toEqual(
      expect.arrayContaining([
        { path: 'rad 2, Ersättarordning', message: 'Nr 4 har också Eva Gran. Varje ersättare får ett eget nummer i ersättarordningen.' },
        { path: 'rad 3, Ersättarordning', message: 'Nr 4 har också Dan Fors. Varje ersättare får ett eget nummer i ersättarordningen.' },
        { path: 'rad 4, Ersättarordning', message: 'Nr 3 har också Bo Ek. Varje ersättare får ett eget nummer i ersättarordningen.' },
      ]),
    );
    expect((await t.api.call('workspace.boards.get', { boardId })).members).toHaveLength(3);
  });
});
