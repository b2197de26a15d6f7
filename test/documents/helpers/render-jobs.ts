// Child process for the history-independence tests: renders the given corpus jobs in the given
// order in this (fresh) process, writes each PDF to the output directory as <n>-<job>.pdf and
// prints one JSON line per job: { id, digest, pages }.
// Usage: node --import tsx test/documents/helpers/render-jobs.ts OUTDIR JOB…
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { digest, job, renderJob } from './corpus';

const [out, ...ids] = process.argv.slice(2);
if (out === undefined) throw new Error('usage: render-jobs.ts OUTDIR JOB…');
for (const [i, id] of ids.entries()) {
  const result = await renderJob(job(id));
  writeFileSync(join(out, `${i}-${id.replace(':', '-')}.pdf`), result.pdf);
  process.stdout.write(`${JSON.stringify({ id, digest: digest(result.pdf), pages: result.pageCount })}\n`);
}
