// Bundles the `justera` command with esbuild into dist-cli/, so that a start loads plain
// JavaScript instead of transpiling the TypeScript tree through tsx. Runs as `prepare` (so `npm ci`
// builds it, offline, in about a second) and as `npm run build:cli`.
//
//   dist-cli/justera.js      the entry (ESM): argument parsing, help, the command table
//   dist-cli/chunk-*.js      code split at every dynamic import(): the back end, the document
//                            templates, the signing libraries load only for commands that use them
//   dist-cli/worker.js       the document rendering worker (electron/services/documents), which
//                            worker-client.ts starts as new URL('./worker.js', import.meta.url)
//   dist-cli/migrations/     db/migrations: db/open.ts reads them next to import.meta.url
//   dist-cli/*.ttf           templates/fonts: templates/fonts/register.ts finds them the same way
//   dist-cli/sources.json    the project files bundled (bin/justera.js checks they are not newer)
//
// Everything is found relative to the bundle, never the working directory. Native modules and
// pdfkit (its fonts resolve through its own package's subpath imports) stay in node_modules.
// bin/justera.js runs dist-cli/justera.js when it exists, else the sources through tsx.
import { build } from 'esbuild';
import { existsSync } from 'node:fs';
import { cp, mkdir, readdir, rm, writeFile } from 'node:fs/promises';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const outFlag = process.argv.indexOf('--out');
const out = outFlag > 0 && process.argv[outFlag + 1] ? resolve(process.argv[outFlag + 1]) : join(root, 'dist-cli');
const metafile = process.argv.includes('--metafile');

const common = {
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  jsx: 'automatic',
  legalComments: 'none',
  logLevel: 'warning',
  absWorkingDir: root,
  external: ['electron', 'better-sqlite3', 'pkcs11js', 'graphene-pk11', 'pdfkit'],
  // Bundled CommonJS packages call require(); ESM has none, so every chunk gets one.
  banner: { js: "import { createRequire as __justeraCreateRequire } from 'node:module'; const require = __justeraCreateRequire(import.meta.url);" },
};

const started = performance.now();
await rm(out, { recursive: true, force: true });
await mkdir(out, { recursive: true });
const cli = await build({
  ...common,
  // The worker is a second entry of the same build: it shares the chunks (templates, pdf-lib)
  // instead of carrying its own copy, and the graph is bundled once.
  entryPoints: { justera: 'electron/cli/entry.ts', worker: 'electron/services/documents/worker.ts' },
  outdir: out,
  splitting: true,
  chunkNames: 'chunk-[hash]',
  metafile: true,
});
// The root package.json says "type": "module"; say it here too, so a copy elsewhere still works.
await writeFile(join(out, 'package.json'), `${JSON.stringify({ type: 'module' }, null, 2)}\n`);
await cp(join(root, 'db', 'migrations'), join(out, 'migrations'), { recursive: true });
const fonts = join(root, 'templates', 'fonts');
if (existsSync(fonts)) {
  for (const name of await readdir(fonts)) {
    if (/\.(ttf|otf)$/i.test(name) || name.startsWith('LICENSE')) await cp(join(fonts, name), join(out, name));
  }
}
if (metafile) await writeFile(join(out, 'meta.json'), JSON.stringify(cli.metafile));
// The project's own files in the bundle: bin/justera.js runs the sources instead while any of
// them is newer than the bundle (an edit, a checkout), so a stale build never answers.
const sources = Object.keys(cli.metafile.inputs).filter((f) => !f.includes('node_modules/') && !f.startsWith('<'));
await writeFile(join(out, 'sources.json'), `${JSON.stringify(sources)}\n`);
console.log(`${relative(root, out) || out}: justera.js, worker.js, migrations/, fonts (${Math.round(performance.now() - started)} ms)`);
