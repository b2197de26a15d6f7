// Benchmark: start-up of the `justera` command (issue 17), as a ratio to a bare `node -e 0` start
// measured in the same run, interleaved, so that the machine's load affects both alike.
//   npx tsx test/bench/cli.ts            builds dist-cli (scripts/build-cli.mjs) and measures
//   npx tsx test/bench/cli.ts --quick    fewer rounds
// Targets: `justera --help` ≤ 4×, `justera list` ≤ 6× a bare node start. Also shown: the same
// commands from the TypeScript sources through tsx (JUSTERA_CLI=source, development only), the
// bundle's size and how long the `prepare` build takes.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));
const bin = join(root, 'bin', 'justera.js');
const quick = process.argv.includes('--quick');
const rounds = quick ? 5 : 15;

function wall(args: string[], env: Record<string, string | undefined> = {}): number {
  const started = process.hrtime.bigint();
  const r = spawnSync(process.execPath, args, { env: { ...process.env, ...env }, stdio: ['ignore', 'ignore', 'pipe'] });
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  if (r.status !== 0) throw new Error(`${args.join(' ')}: status ${r.status}: ${r.stderr.toString().slice(0, 500)}`);
  return ms;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;

const buildStarted = process.hrtime.bigint();
execFileSync(process.execPath, [join(root, 'scripts', 'build-cli.mjs')], { stdio: 'ignore' });
const buildMs = Number(process.hrtime.bigint() - buildStarted) / 1e6;
const dist = join(root, 'dist-cli');
const sizeOf = (files: string[]) => files.reduce((sum, f) => sum + statSync(join(dist, f)).size, 0);
const js = readdirSync(dist).filter((f) => f.endsWith('.js'));
const entryKb = sizeOf(['justera.js']) / 1024;
const allKb = sizeOf(js.filter((f) => f !== 'worker.js')) / 1024;

const dir = mkdtempSync(join(tmpdir(), 'justera-bench-cli-'));
try {
  const db = join(dir, 'bench.db');
  execFileSync(process.execPath, [bin, 'demo', '--db', db], { stdio: 'ignore' });
  const cases: { name: string; args: string[]; env?: Record<string, string>; target: number | null }[] = [
    { name: 'justera --help', args: [bin, '--help'], target: 4 },
    { name: 'justera list', args: [bin, 'list', '--db', db], target: 6 },
    { name: 'justera --help (tsx, sources)', args: [bin, '--help'], env: { JUSTERA_CLI: 'source' }, target: null },
    { name: 'justera list (tsx, sources)', args: [bin, 'list', '--db', db], env: { JUSTERA_CLI: 'source' }, target: null },
  ];
  const times = new Map<string, number[]>([['node -e 0', []], ...cases.map((c) => [c.name, []] as [string, number[]])]);
  for (const c of cases) wall(c.args, c.env); // warm the file cache
  for (let i = 0; i < rounds; i++) {
    for (const c of cases) {
      if (c.env && i >= Math.ceil(rounds / 3)) continue; // the slow tsx path: fewer rounds
      times.get('node -e 0')!.push(wall(['-e', '0']));
      times.get(c.name)!.push(wall(c.args, c.env));
    }
  }
  const base = median(times.get('node -e 0')!);
  console.log(`| Command | Median wall (ms) | × node -e 0 | Target |`);
  console.log(`|---|---:|---:|---|`);
  console.log(`| node -e 0 | ${base.toFixed(0)} | 1.0 | |`);
  for (const c of cases) {
    const m = median(times.get(c.name)!);
    const ratio = m / base;
    const verdict = c.target === null ? '' : `≤ ${c.target}× ${ratio <= c.target ? 'ja' : 'NEJ'}`;
    console.log(`| ${c.name} | ${m.toFixed(0)} | ${ratio.toFixed(1)} | ${verdict} |`);
  }
  console.log(
    `\nBundle (dist-cli): entry ${entryKb.toFixed(0)} KiB, all chunks ${(allKb / 1024).toFixed(1)} MiB in ${js.length - 1} files, worker.js ${(sizeOf(['worker.js']) / 2 ** 20).toFixed(1)} MiB; build (prepare) ${(buildMs / 1000).toFixed(1)} s. ${rounds} rounds, medians.`,
  );
} finally {
  rmSync(dir, { recursive: true, force: true });
}
