// Bundles the Electron main process, the preload and the worker entries with esbuild into
// dist-electron/, and copies the files they read at run time beside them. Never starts Electron
// (it works without its binary).
//
//   dist-electron/main.js        main process, CommonJS (dist-electron/package.json says so,
//                                overriding the root's "type": "module")
//   dist-electron/preload.cjs    sandboxed preloads must be CommonJS and may require only
//                                'electron', so it is built for the browser platform
//   dist-electron/worker.js      the document rendering worker (electron/services/documents),
//                                which main.js starts as new URL('./worker.js', import.meta.url)
//   dist-electron/migrations/    db/migrations, found through JUSTERA_MIGRATIONS_DIR
//   dist-electron/*.ttf          templates/fonts: register.ts finds them next to import.meta.url,
//                                which in the bundles is dist-electron/
import { build } from 'esbuild';
import { existsSync } from 'node:fs';
import { cp, mkdir, readdir, rm, writeFile } from 'node:fs/promises';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
// `--out DIR` builds elsewhere (the bundle smoke test uses a temp folder).
const outFlag = process.argv.indexOf('--out');
const out = outFlag > 0 && process.argv[outFlag + 1] ? resolve(process.argv[outFlag + 1]) : join(root, 'dist-electron');

// Native modules cannot be bundled; electron-builder rebuilds them for Electron when packaging.
// pdfjs-dist loads its worker module at run time: kept external so node resolves it.
const nativeExternals = ['electron', 'better-sqlite3', 'pkcs11js', 'graphene-pk11', 'pdfjs-dist'];

// Code shared with the ESM side (db/open.ts) reads import.meta.url; give CommonJS a real value.
const importMetaShim = {
  banner: { js: "const __justeraImportMetaUrl = require('node:url').pathToFileURL(__filename).href;" },
  define: { 'import.meta.url': '__justeraImportMetaUrl' },
};

const common = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node22', // Electron 45 ships Node 22
  sourcemap: true,
  keepNames: true,
  logLevel: 'warning',
  absWorkingDir: root,
  external: nativeExternals,
  ...importMetaShim,
};

// Worker-thread entries: [source, bundle name]. Built when the source exists.
const workers = [['electron/services/documents/worker.ts', 'worker.js']];
// pdfkit finds its standard fonts with createRequire(import.meta.url) and "#standard-fonts/…"
// subpath imports, which only resolve inside its own package: load it from node_modules.
const workerExternals = ['pdfkit'];

async function main() {
  await rm(out, { recursive: true, force: true });
  await mkdir(out, { recursive: true });

  // The main process renders some documents itself (anslag), so pdfkit stays external there too.
  await build({ ...common, external: [...nativeExternals, ...workerExternals], entryPoints: ['electron/main.ts'], outfile: join(out, 'main.js') });

  await build({
    bundle: true,
    platform: 'browser',
    format: 'cjs',
    target: 'chrome140',
    sourcemap: true,
    logLevel: 'warning',
    absWorkingDir: root,
    external: ['electron'],
    entryPoints: ['electron/preload.ts'],
    outfile: join(out, 'preload.cjs'),
  });

  const built = ['main.js', 'preload.cjs'];
  for (const [source, name] of workers) {
    if (!existsSync(join(root, source))) continue;
    await build({ ...common, external: [...nativeExternals, ...workerExternals], entryPoints: [source], outfile: join(out, name) });
    built.push(name);
  }

  await writeFile(join(out, 'package.json'), `${JSON.stringify({ type: 'commonjs' }, null, 2)}\n`);
  await cp(join(root, 'db', 'migrations'), join(out, 'migrations'), { recursive: true });
  built.push('migrations/');
  const fonts = join(root, 'templates', 'fonts');
  if (existsSync(fonts)) {
    for (const name of await readdir(fonts)) {
      if (/\.(ttf|otf)$/i.test(name) || name.startsWith('LICENSE')) await cp(join(fonts, name), join(out, name));
    }
    built.push('fonts');
  }

  console.log(`${relative(root, out) || out}: ${built.join(', ')}`);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
