// Runs @doyensec/electronegativity over electron/ and fails on any finding above INFORMATIONAL
// that .electronegativity/exceptions.json does not accept with a reason, on accepted entries
// that no longer match (so the file stays honest), and on files the tool could not parse.
import run from '@doyensec/electronegativity';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const input = join(root, 'electron');
const config = JSON.parse(readFileSync(join(root, '.electronegativity', 'exceptions.json'), 'utf8'));
const electronVersion = JSON.parse(readFileSync(join(root, 'node_modules', 'electron', 'package.json'), 'utf8')).version;

const result = await run({
  input,
  isRelative: true,
  electronVersionOverride: electronVersion,
  excludeFromScan: Object.keys(config.excludedChecks ?? {}),
  severitySet: 'informational',
  confidenceSet: 'tentative',
});

const accepted = config.accepted ?? [];
const used = new Set();
const unexplained = [];
for (const issue of result.issues) {
  if (issue.severity.value === 0) continue; // INFORMATIONAL
  const index = accepted.findIndex((a) => a.check === issue.id && a.file === issue.file && (!a.sample || String(issue.sample ?? '').includes(a.sample)));
  if (index >= 0) used.add(index);
  else unexplained.push(issue);
}
const stale = accepted.filter((_, i) => !used.has(i));
const unparsed = result.errors.filter((e) => !e.tolerable);

const where = (i) => `${i.file}:${i.location.line}:${i.location.column}`;
console.log(`electronegativity (Electron ${electronVersion}): ${result.issues.length} findings, ${used.size} accepted in .electronegativity/exceptions.json`);
for (const i of unexplained) console.error(`  NOT ACCEPTED ${i.id} [${i.severity.name}/${i.confidence.name}] ${where(i)}: ${i.description}\n    ${String(i.sample ?? '').trim()}`);
for (const a of stale) console.error(`  STALE EXCEPTION ${a.check} in ${a.file}: no such finding any more; remove it from the file.`);
for (const e of unparsed) console.error(`  NOT PARSED ${e.file}: ${e.message}`);
if (unexplained.length + stale.length + unparsed.length > 0) process.exit(1);
console.log('electronegativity: inga oförklarade fynd.');
