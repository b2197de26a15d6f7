#!/usr/bin/env node
// `justera` command. Runs the esbuild bundle dist-cli/justera.js, which `npm ci` / `npm install`
// build through the `prepare` script (`npm run build:cli` rebuilds it after a change to the CLI's
// sources). Without it, or with JUSTERA_CLI=source (development), it runs the TypeScript sources
// through tsx — the same program, only slower to start.
import { existsSync } from 'node:fs';

const bundle = new URL('../dist-cli/justera.js', import.meta.url);
if (process.env.JUSTERA_CLI !== 'source' && existsSync(bundle)) {
  await import(bundle.href);
} else {
  const { register } = await import('tsx/esm/api');
  register();
  const { run } = await import('../electron/cli/process.ts');
  await run(process.argv.slice(2));
}
