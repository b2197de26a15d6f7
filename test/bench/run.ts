// `npm run bench`: runs every benchmark script in turn (each in its own process, so memory
// numbers are not mixed) and prints their tables; `--write` also stores them in docs/benchmarks.md.
import { spawnSync } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { cpus, totalmem, platform, release } from 'node:os';
import { fileURLToPath } from 'node:url';

const benches: { file: string; title: string }[] = [
  { file: 'render.ts', title: 'Rendering documents (issue 4)' },
  { file: 'signing.ts', title: 'Signing and verifying (issue 5)' },
  { file: 'workspace.ts', title: 'Workspace in Chromium (issue 3)' },
  { file: 'scale.ts', title: 'Scale: import, search, open, list (issue 8)' },
  { file: 'cli.ts', title: 'CLI start-up (issue 17)' },
  { file: 'paste.ts', title: 'Pasting 500 KB from Word into the § editor (issue 16)' },
];

const quick = process.argv.includes('--quick');
const sections: string[] = [];
const machine = `${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, ${platform()} ${release()}, Node ${process.version}`;
console.log(`Justera benchmarks — ${machine}\n`);
for (const b of benches) {
  const path = fileURLToPath(new URL(`./${b.file}`, import.meta.url));
  if (!existsSync(path)) continue;
  console.log(`## ${b.title}\n`);
  const r = spawnSync(process.execPath, ['--import', 'tsx', path, ...(quick ? ['--quick'] : [])], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  const out = `${r.stdout}${r.status === 0 ? '' : `\n(avslutades med status ${r.status}: ${r.stderr.split('\n').slice(-5).join(' ')})`}`;
  console.log(out.trim(), '\n');
  sections.push(`## ${b.title}\n\n${out.trim()}\n`);
}
if (process.argv.includes('--write')) {
  const date = new Date().toISOString().slice(0, 10);
  writeFileSync(
    new URL('../../docs/benchmarks.md', import.meta.url),
    `# Benchmarks\n\nResults of \`npm run bench\` on the current main, ${date}, on ${machine}.\nNumbers vary with the machine's load; compare ratios measured in the same run.\n\n${sections.join('\n')}`,
  );
}
