// The desktop app's entry point (bundled to dist-electron/main.js): one instance, the app://
// scheme, hardened sessions and web contents, the database opened with recovery, then the
// window. Work that can wait runs asynchronously; nothing here blocks on a timer.
import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { BrowserWindow, app, dialog, session, shell } from 'electron';
import { parseLaunchArgs, type OpenRequest } from './argv';
import { createBackend } from './backend';
import { defaultDataDir } from './data-dir';
import { registerIpc } from './ipc';
import { findElectronNativeBuild, useElectronNativeBuild } from './native';
import { handleAppProtocol, registerAppScheme } from './protocol';
import { createDesktop, type Desktop } from './shell/desktop';
import { createElectronDialogs } from './shell/dialogs';
import { hardenSession } from './shell/session';
import { openWithRecovery } from './startup-db';
import { isLoopbackStartUrl } from './urls';
import { APP_NAME } from './version';
import { hardenWebContents, isTrustedWebContents } from './window';

export const APP_ID = 'se.justera.app';
// The same file the loopback host (`npm run web`) uses, so both open the same data.
export const DATABASE_FILE = 'justera.db';
export const BACKUP_FOLDER = 'Säkerhetskopior';
export const WINDOW_STATE_FILE = 'window-state.json';
export const BACKUP_INTERVAL_MS = 10 * 60_000;

// dist-electron/ once bundled (the build defines import.meta.url for the CommonJS output).
const here = dirname(fileURLToPath(import.meta.url));

function argsOf(argv: readonly string[], cwd: string) {
  // `electron .` in development puts the app folder after the executable.
  return parseLaunchArgs(argv, { cwd, skip: process.defaultApp ? 2 : 1 });
}

/**
 * In development (`npm start`, `electron .`) the native modules in node_modules are Node's build;
 * load the Electron build the prestart step made in .electron-native/<abi> instead. The packaged
 * app's node_modules were rebuilt for Electron by electron-builder. False: the app cannot start.
 */
function loadNativeModules(): boolean {
  const electron = process.versions.electron;
  if (electron === undefined || app.isPackaged) return true;
  const found = findElectronNativeBuild(app.getAppPath(), { electron, modules: process.versions.modules });
  if (found.ok) {
    useElectronNativeBuild(found.build);
    return true;
  }
  console.error(found.message);
  dialog.showErrorBox('Justera kan inte starta', found.message);
  app.exit(1);
  return false;
}

function run(): Promise<void> {
  if (!loadNativeModules()) return Promise.resolve();
  // Before the lock: the single-instance lock lives in the userData folder, so development
  // (package name "justera") and the packaged app ("Justera") must agree on it. Tests that run
  // several instances side by side give each its own --user-data-dir.
  const profile = app.commandLine.hasSwitch('user-data-dir') ? app.commandLine.getSwitchValue('user-data-dir') : '';
  app.setPath('userData', profile !== '' ? profile : join(app.getPath('appData'), APP_NAME));
  if (!app.requestSingleInstanceLock()) {
    // The first instance got our argv through 'second-instance' and takes it from here.
    app.quit();
    return Promise.resolve();
  }
  if (app.isPackaged && (app.commandLine.hasSwitch('remote-debugging-port') || app.commandLine.hasSwitch('remote-debugging-pipe'))) {
    // The fuses turn off --inspect; Chromium's remote debugging is refused here instead.
    app.quit();
    return Promise.resolve();
  }

  registerAppScheme();
  if (process.platform === 'win32') app.setAppUserModelId(APP_ID);
  const bundledMigrations = join(here, 'migrations');
  if (!process.env['JUSTERA_MIGRATIONS_DIR'] && existsSync(bundledMigrations)) process.env['JUSTERA_MIGRATIONS_DIR'] = bundledMigrations;

  const launch = argsOf(process.argv, process.cwd());
  const early: OpenRequest[] = [...launch.files];
  let desktop: Desktop | null = null;

  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents));
  app.on('second-instance', (_event, argv, workingDirectory) => {
    const second = argsOf(argv, workingDirectory);
    if (desktop) desktop.openFiles(second.files);
    else early.push(...second.files);
  });
  app.on('open-file', (event, path) => {
    // macOS: a double-clicked .justera or PDF, possibly before the app is ready.
    event.preventDefault();
    const request = parseLaunchArgs(['--', path], { cwd: process.cwd(), skip: 0 }).files;
    if (desktop) desktop.openFiles(request);
    else early.push(...request);
  });
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  app.on('activate', () => {
    if (desktop) void desktop.openWindow();
  });
  let shuttingDown = false;
  app.on('before-quit', (event) => {
    if (shuttingDown || !desktop) return;
    // Finish a running backup and close the database before the process ends.
    event.preventDefault();
    shuttingDown = true;
    desktop
      .shutdown()
      .catch((e: unknown) => console.error('[justera] avslut:', e))
      .finally(() => app.quit());
  });

  async function start(): Promise<void> {
    hardenSession(session.defaultSession);
    handleAppProtocol(join(app.getAppPath(), 'renderer', 'dist'));
    const dialogs = createElectronDialogs(() => BrowserWindow.getFocusedWindow());
    if (launch.problems.length > 0) {
      await dialogs.message({ type: 'error', title: 'Justera kan inte starta', message: launch.problems.join('\n'), buttons: ['Avsluta'], defaultId: 0, cancelId: 0 });
      app.quit();
      return;
    }
    // --data-dir, else JUSTERA_DATA_DIR, else the userData folder (see data-dir.ts).
    const dataDir = launch.dataDir ?? defaultDataDir();
    const paths = {
      dataDir,
      databasePath: join(dataDir, DATABASE_FILE),
      backupDir: join(dataDir, BACKUP_FOLDER),
      windowStateFile: join(app.getPath('userData'), WINDOW_STATE_FILE),
      preloadPath: join(here, 'preload.cjs'),
    };
    try {
      await mkdir(dataDir, { recursive: true });
    } catch {
      await dialogs.message({
        type: 'error',
        title: 'Justera kan inte starta',
        message: `Datamappen ${dataDir} kan inte skapas.`,
        detail: 'Kontrollera att enheten är ansluten och att du har skrivrätt, eller kontakta IT-supporten.',
        buttons: ['Avsluta'],
        defaultId: 0,
        cancelId: 0,
      });
      app.quit();
      return;
    }
    // The PKCS#11 module is chosen here, in the main process, in a native dialog (never sent by the renderer).
    const chooseModule = () =>
      dialogs.openFile({
        title: 'Välj kortläsarens PKCS#11-modul',
        filters: [{ name: 'PKCS#11-modul', extensions: process.platform === 'win32' ? ['dll'] : process.platform === 'darwin' ? ['dylib', 'so'] : ['so'] }],
      });
    const openBackend = (databasePath: string) =>
      createBackend({
        databasePath,
        transport: 'ipc',
        pkcs11: { choose: chooseModule },
        // Only the signing service's loopback page (http://127.0.0.1:PORT/start/STATE), made in the main process.
        openExternal: (url) => (isLoopbackStartUrl(url) ? shell.openExternal(url) : Promise.reject(new Error('not a loopback page'))),
      });
    const isNew = !existsSync(paths.databasePath);
    const outcome = await openWithRecovery({ databasePath: paths.databasePath, backupDir: paths.backupDir, dialogs, open: openBackend, now: () => new Date() });
    if (outcome.kind === 'quit') {
      app.quit();
      return;
    }
    // In development (`npm start`) a new database gets the reference meeting, as with `npm run web`;
    // the installed app never adds example data to a board's database.
    if (isNew && outcome.restoredFrom === null && !app.isPackaged) {
      const demo = await outcome.backend.dispatch('demo.load', {});
      if (!demo.ok) console.error('[justera] referenssammanträdet:', demo.error.message);
    }
    const running = createDesktop(
      { paths, isPackaged: app.isPackaged, platform: process.platform, dialogs, openBackend, backupIntervalMs: BACKUP_INTERVAL_MS, now: () => new Date() },
      outcome.backend,
    );
    desktop = running;
    registerIpc({ dispatch: running.dispatch, isTrusted: isTrustedWebContents, afterCall: running.afterCall });
    await running.openWindow();
    running.openFiles(early.splice(0));
  }

  return app
    .whenReady()
    .then(start)
    .catch((e: unknown) => {
      console.error('[justera] start:', e);
      dialog.showErrorBox('Justera kan inte starta', 'Ett oväntat fel inträffade vid start. Kontakta IT-supporten och ange tidpunkten.');
      app.exit(1);
    });
}

/** Resolves when start-up has finished (tests wait on it). */
export const started: Promise<void> = run();
