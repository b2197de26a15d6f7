import { defineConfig } from 'vitest/config';

/**
 * Two projects. `fast` (npm run test:fast): pure units, the use cases with fakes for the PDF ports,
 * the database on ':memory:' — no external tools, no PDF rendering, no signing; it answers in well
 * under a minute. `full`: everything else (real PDFs, pdfsig/qpdf/openssl/xmllint, SoftHSM2, the
 * Electron shell with a fake Electron, the CLI). `npm run test:unit` runs both; CI runs `npm test`.
 */
export const FAST = [
  'test/unit/**/*.test.ts',
  'test/core/**/*.test.ts',
  'test/db/**/*.test.ts',
  'test/integration/meetings.test.ts',
  'test/integration/search-order.test.ts',
  'test/integration/workspace.test.ts',
  'test/reliability/csv-fuzz.test.ts',
  'test/reliability/import-fuzz.test.ts',
  'test/documents/builders.test.ts',
  'test/documents/vote.test.ts',
  'test/electron/argv.test.ts',
  'test/electron/window-state.test.ts',
];

const ALL = [
  'test/unit/**/*.test.ts',
  'test/core/**/*.test.ts',
  'test/integration/**/*.test.ts',
  'test/db/**/*.test.ts',
  'test/documents/**/*.test.ts',
  'test/electron/**/*.test.ts',
  'test/signing/**/*.test.ts',
  'test/reliability/**/*.test.ts',
];

export default defineConfig({
  test: {
    environment: 'node',
    testTimeout: 60_000,
    hookTimeout: 60_000,
    setupFiles: ['test/helpers/fast-check-setup.ts'],
    projects: [
      {
        extends: true,
        test: {
          name: 'fast',
          include: FAST,
          // These files mock nothing and share no global state, so one module graph per worker
          // is safe: the back end's imports are evaluated once per worker, not once per file.
          pool: 'threads',
          isolate: false,
        },
      },
      {
        extends: true,
        test: {
          name: 'full',
          include: ALL,
          exclude: FAST,
          pool: 'forks',
          // Vitest's default is one worker fewer than the machine has cores: one on the two-core CI
          // machine, where these files mostly wait on child processes (pdftotext, qpdf, Java,
          // SoftHSM) and render threads. Two forks keep both cores busy. A project with its own
          // maxWorkers needs its own group: the fast project runs first, as before, then this one.
          maxWorkers: 2,
          sequence: { groupOrder: 1 },
        },
      },
    ],
  },
});
