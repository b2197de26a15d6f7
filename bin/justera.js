#!/usr/bin/env node
// `justera` command. Runs the esbuild bundle dist-cli/justera.js, which `npm ci` / `npm install`
// build through the `prepare` script (`npm run build:cli` rebuilds it). It runs the TypeScript
// sources through tsx instead — the same program, only slower to start — when the bundle is
// missing, when one of the project files in it (dist-cli/sources.json) has changed since it was
// built, or with JUSTERA_CLI=source.
import { readFileSync, statSync } from 'node:fs';

const root = new URL('../', import.meta.url);
const bundle = new URL('dist-cli/justera.js', root);

function bundleIsCurrent() {
  if (process.env.JUSTERA_CLI === 'source') return false;
  try {
    const built = statSync(bundle).mtimeMs;
    const sources = JSON.parse(readFileSync(new URL('dist-cli/sources.json', root), 'utf8'));
    return sources.every((file) => statSync(new URL(file, root)).mtimeMs <= built);
  } catch {
    return false;
  }
}

if (bundleIsCurrent()) {
  await import(bundle.href);
} else {
  const { register } = await import('tsx/esm/api');
  register();
  const { run } = await import('../electron/cli/process.ts');
  await run(process.argv.slice(2));
}
