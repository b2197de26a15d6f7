// The list editors (Ajournering, Uppdrag) put an API refusal at the row and field its issue path
// names; one parser serves both (renderer/features/workspace/rows.ts).
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { rowErrors, rowIssueAt } from '../../renderer/features/workspace/rows';

const fields = ['start', 'end', 'paragraph', 'when'] as const;
const at = (path: string) => rowIssueAt('breaks', fields, path);

describe('rowIssueAt', () => {
  it('reads the row and field from bracket and dot paths, with any prefix', () => {
    fc.assert(
      fc.property(fc.nat(999), fc.constantFrom(...fields), fc.constantFrom('', 'patch.', 'meeting.'), fc.boolean(), (i, f, prefix, dots) => {
        expect(at(`${prefix}breaks${dots ? `.${i}` : `[${i}]`}.${f}`)).toEqual({ i, field: f });
      }),
    );
  });
  it('a path naming only the row points at its first field; another list or none is not a row', () => {
    expect(at('patch.breaks[2]')).toEqual({ i: 2, field: 'start' });
    expect(at('patch.tasks[2].due')).toBeNull();
    expect(at('(hela indata)')).toBeNull();
    expect(rowIssueAt('tasks', ['what', 'responsible', 'due'] as const, 'patch.tasks[1].due')).toEqual({ i: 1, field: 'due' });
  });
});

describe('rowErrors', () => {
  it('puts each issue at its field; a refusal without a row path goes to the fallback field', () => {
    const issues = [
      { path: 'meeting.breaks[1].end', message: 'Slutet ligger efter sammanträdets slut.' },
      { path: 'meeting.breaks[0].start', message: 'Ange en tid.' },
    ];
    expect(rowErrors({ code: 'validation', message: 'Ogiltigt', details: { issues } }, at, '0.when')).toEqual({ '1.end': issues[0]?.message, '0.start': issues[1]?.message });
    expect(rowErrors({ code: 'conflict', message: 'Sammanträdet är låst.' }, at, '2.when')).toEqual({ '2.when': 'Sammanträdet är låst.' });
  });
});
