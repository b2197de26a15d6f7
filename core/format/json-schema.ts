// The meeting format as JSON Schema (draft 2020-12), derived from the zod schema so they never drift.
import { z } from 'zod';
import { meetingDocumentSchema } from './meeting';

export function meetingSchemaJson(): Record<string, unknown> {
  const schema = z.toJSONSchema(meetingDocumentSchema, { target: 'draft-2020-12', io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
  return {
    $id: 'urn:justera:meeting-format:1',
    title: 'Justera – mötesformat, version 1',
    description: 'Ett sammanträde med nämnd, ledamöter, närvaro, paragrafer och justeringsgrupper. Se docs/meeting-format.md.',
    ...schema,
  };
}
