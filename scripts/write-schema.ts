// Writes docs/meeting-format.schema.json from the zod schema (npm run schema).
import { writeFileSync } from 'node:fs';
import { meetingSchemaJson } from '../core/format/json-schema';

writeFileSync(new URL('../docs/meeting-format.schema.json', import.meta.url), `${JSON.stringify(meetingSchemaJson(), null, 2)}\n`);
