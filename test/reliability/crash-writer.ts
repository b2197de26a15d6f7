// Child process for the crash test: opens the database, then types into § 23's summary through
// the API as fast as it can, printing "ack N" after each write the API has acknowledged.
import { createBackend } from '../../electron/backend';

const dbPath = process.argv[2];
const paragraphId = process.argv[3];
const start = Number(process.argv[4] ?? '0');
if (!dbPath || !paragraphId) throw new Error('usage: crash-writer DB PARAGRAPH_ID START');
const backend = createBackend({ databasePath: dbPath, actor: 'crash-test' });

async function run(): Promise<void> {
  process.stdout.write('ready\n');
  for (let n = start + 1; ; n += 1) {
    const text = `Skrivet före avbrottet, version ${n}: ${'åäö '.repeat(n % 50)}`;
    const r = await backend.dispatch('workspace.paragraphs.update', {
      paragraphId,
      patch: { summary: [{ type: 'paragraph', content: [{ text }] }] },
    });
    if (!r.ok) throw new Error(r.error.message);
    process.stdout.write(`ack ${n}\n`);
  }
}
void run();
