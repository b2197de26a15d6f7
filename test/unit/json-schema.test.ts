// The committed JSON Schema is exactly what the zod schema generates (run `npm run schema`).
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { meetingSchemaJson } from '../../core/format/json-schema';

describe('docs/meeting-format.schema.json', () => {
  it('is up to date with core/format/meeting.ts', () => {
    const committed = JSON.parse(readFileSync(new URL('../../docs/meeting-format.schema.json', import.meta.url), 'utf8')) as unknown;
    expect(committed).toEqual(JSON.parse(JSON.stringify(meetingSchemaJson())));
  });

  it('names every top-level part of the format as required', () => {
    const schema = meetingSchemaJson() as { required: string[] };
    expect(schema.required).toEqual(expect.arrayContaining(['format', 'formatVersion', 'organisation', 'board', 'people', 'members', 'meeting', 'attendance', 'paragraphs']));
  });
});
