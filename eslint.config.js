// ESLint flat config: TypeScript rules plus the import boundaries that keep the layers honest.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const nodeBuiltins = ['node:*', 'fs', 'path', 'os', 'crypto', 'child_process', 'http', 'worker_threads', 'url', 'stream', 'buffer', 'util', 'zlib'];

export default tseslint.config(
  { ignores: ['node_modules/', '.tmp/', 'dist/', 'dist-electron/', 'dist-cli/', 'renderer/dist/', 'release/', 'test-results/', 'playwright-report/', 'db/migrations/', '.electron-native/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    // Plain JavaScript run by Node (the bin shim, build scripts).
    files: ['**/*.js', '**/*.mjs', '**/*.cjs'],
    languageOptions: {
      globals: {
        process: 'readonly',
        console: 'readonly',
        Buffer: 'readonly',
        URL: 'readonly',
        __dirname: 'readonly',
        setTimeout: 'readonly',
        clearTimeout: 'readonly',
        fetch: 'readonly',
        AbortSignal: 'readonly',
        Request: 'readonly',
        Response: 'readonly',
        performance: 'readonly',
      },
    },
  },
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'off',
    },
  },
  {
    files: ['core/**/*.ts', 'db/**/*.ts', 'templates/**/*.ts', 'templates/**/*.tsx'],
    rules: { '@typescript-eslint/no-explicit-any': 'error' },
  },
  {
    // core/ is pure: no electron, no node, no db, no DOM-bound UI code.
    files: ['core/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['electron', 'electron/*'], message: 'core/ är ren: ingen electron.' },
            { group: nodeBuiltins, message: 'core/ är ren: inga node-moduler (använd portar).' },
            { group: ['**/db/**', '../db', 'better-sqlite3', 'drizzle-orm', 'drizzle-orm/*'], message: 'core/ känner inte databasen; använd portar.' },
            { group: ['**/renderer/**', '**/electron/**', '**/templates/**', 'react', 'react-dom'], message: 'core/ beror inte på yttre lager.' },
          ],
        },
      ],
    },
  },
  {
    // renderer/ talks to the back end only through the typed client.
    files: ['renderer/**/*.ts', 'renderer/**/*.tsx'],
    ignores: ['renderer/vite.config.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['electron', 'electron/*'], message: 'renderer/ använder bara den typade klienten.' },
            { group: nodeBuiltins, message: 'renderer/ körs i webbläsaren: inga node-moduler.' },
            { group: ['**/db/**', 'better-sqlite3', 'drizzle-orm', 'drizzle-orm/*'], message: 'renderer/ når databasen bara via API:t.' },
            { group: ['**/electron/**'], message: 'renderer/ importerar inget från electron/.' },
          ],
        },
      ],
    },
  },
  {
    // db/ and templates/ never reach into the shell or the UI.
    files: ['db/**/*.ts', 'templates/**/*.ts', 'templates/**/*.tsx'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['electron', 'electron/*', '**/electron/**'], message: 'Endast electron/ får importera electron.' },
            { group: ['**/renderer/**'], message: 'renderer/ är UI; importera den inte härifrån.' },
          ],
        },
      ],
    },
  },
  {
    // Playwright fixtures take their dependencies as an (often empty) destructured object.
    files: ['test/e2e/**/*.ts'],
    rules: { 'no-empty-pattern': 'off' },
  },
  {
    // Only the shell files that really run in Electron may import it.
    files: ['electron/**/*.ts'],
    ignores: ['electron/main.ts', 'electron/window.ts', 'electron/protocol.ts', 'electron/preload.ts', 'electron/ipc.ts', 'electron/menu.ts', 'electron/shell/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { paths: [{ name: 'electron', message: 'backend, cli och host får inte bero på electron.' }] }],
    },
  },
  {
    // Native modules: the Electron main process must load its own build (.electron-native/<abi>,
    // electron/native.ts), so each is loaded in exactly one place that honours it. Types are free.
    // A separate rule name from no-restricted-imports above, so neither replaces the other.
    files: ['core/**/*.ts', 'db/**/*.ts', 'electron/**/*.ts', 'templates/**/*.ts', 'templates/**/*.tsx'],
    ignores: ['db/sqlite.ts', 'electron/services/signing/pkcs11.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          paths: [
            { name: 'better-sqlite3', allowTypeImports: true, message: 'Öppna SQLite med openSqlite från db/sqlite.ts (Electrons huvudprocess laddar sin egen build av better-sqlite3).' },
            { name: 'pkcs11js', allowTypeImports: true, message: 'pkcs11js laddas bara i electron/services/signing/pkcs11.ts (Electrons huvudprocess laddar sin egen build).' },
          ],
        },
      ],
      'no-restricted-syntax': [
        'error',
        {
          selector: "CallExpression[callee.name='require'][arguments.0.value=/^(better-sqlite3|pkcs11js)$/]",
          message: 'Native moduler laddas bara via db/sqlite.ts och signing/pkcs11.ts.',
        },
        {
          selector: 'ImportExpression[source.value=/^(better-sqlite3|pkcs11js)$/]',
          message: 'Native moduler laddas bara via db/sqlite.ts och signing/pkcs11.ts.',
        },
      ],
    },
  },
);
