// `npm run web`: serves the app on 127.0.0.1 for a browser, over a database file.
// Prints the address (with its access token) on a line of its own.
import { parseArgs } from 'node:util';
import { existsSync, mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createBackend } from './backend';
import { startHost } from './host';
import { defaultDataDir } from './data-dir';
import { checkModulePath } from './services/signing/pkcs11-modules';

const here = dirname(fileURLToPath(import.meta.url));

async function run(): Promise<void> {
  const { values } = parseArgs({
    options: {
      db: { type: 'string' },
      port: { type: 'string' },
      empty: { type: 'boolean' },
      'pkcs11-module': { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
    strict: true,
  });
  if (values.help) {
    process.stdout.write(
      [
        'Användning: npm run web -- [--db FIL] [--port N] [--empty]',
        '',
        '  --db FIL   databasfilen (standard: justera.db i användarens datamapp)',
        '  --port N   porten på 127.0.0.1 (standard: en ledig port)',
        '  --empty    läs inte in referenssammanträdet i en ny databas',
        '  --pkcs11-module SÖKVÄG  kortläsarens PKCS#11-modul (den enda som webbläsaren kan använda)',
        '',
      ].join('\n'),
    );
    return;
  }
  const dbPath = resolve(values.db ?? join(defaultDataDir(), 'justera.db'));
  mkdirSync(dirname(dbPath), { recursive: true });
  const isNew = !existsSync(dbPath);
  // A browser never names a library to load: only the module given here (checked) can be used.
  const pkcs11Module = values['pkcs11-module'] === undefined ? undefined : checkModulePath(resolve(values['pkcs11-module']));
  const backend = createBackend({ databasePath: dbPath, transport: 'http', pkcs11: { configured: pkcs11Module } });
  if (isNew && !values.empty) await backend.dispatch('demo.load', {});
  const port = values.port === undefined ? 0 : Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`--port ska vara ett heltal 0–65535, inte "${values.port}".`);
  const host = await startHost({
    dispatch: (m, i) => backend.dispatch(m, i),
    staticDir: process.env.JUSTERA_RENDERER_DIR ?? join(here, '..', 'renderer', 'dist'),
    port,
  });
  process.stdout.write(`Justera körs. Databas: ${dbPath}\nÖppna adressen nedan i webbläsaren (den innehåller en engångsnyckel):\n${host.url}\n`);
  const stop = () => {
    void host.close().then(() => {
      backend.close();
      process.exit(0);
    });
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

run().catch((e: unknown) => {
  process.stderr.write(`Fel: ${e instanceof Error ? e.message : String(e)}\n`);
  process.exit(1);
});
