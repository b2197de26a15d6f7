// The running desktop app once the database is open: the back end behind IPC, the backup
// schedule, the main window, the menu and its actions, and files handed over by the OS.
import { mkdir, writeFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { Menu, app, shell, type BrowserWindow } from 'electron';
import { AppError, isAppError, toErrorBody, type Result } from '../../core/api/errors';
import { contract } from '../../core/api/contract';
import type { MeetingSummary } from '../../core/app/ports';
import type { Backend } from '../backend';
import type { OpenRequest } from '../argv';
import { openableKind } from '../argv';
import { DATABASE_FILTERS, DOCUMENT_FILTERS } from '../file-filters';
import { isTrustedWebContents } from '../window';
import { sendEvent } from '../ipc';
import { buildMenuTemplate, type RecentMeeting } from '../menu';
import { createBackupScheduler, type BackupScheduler } from '../services/backup-scheduler';
import { backupDatabase, restoreBackup, rotateBackups, writeConsistentCopy } from '../services/backup';
import { APP_NAME, APP_VERSION } from '../version';
import type { Dialogs } from './dialogs';
import { openMainWindow, type MainWindow } from './main-window';

export interface DesktopPaths {
  dataDir: string;
  databasePath: string;
  backupDir: string;
  windowStateFile: string;
  preloadPath: string;
}

export interface DesktopConfig {
  paths: DesktopPaths;
  isPackaged: boolean;
  platform: NodeJS.Platform;
  dialogs: Dialogs;
  openBackend: (databasePath: string) => Backend;
  backupIntervalMs: number;
  now: () => Date;
}

export interface Desktop {
  dispatch(method: string, input: unknown): Promise<Result<unknown>>;
  afterCall(method: string): void;
  openWindow(): Promise<void>;
  focus(): void;
  openFiles(requests: readonly OpenRequest[]): void;
  shutdown(): Promise<void>;
  /** Resolves when the work started in the background so far (menu actions, menu rebuilds, backups) has ended. */
  settled(): Promise<void>;
}

const RECENT_COUNT = 8;

/** SQLite's count of rows changed on this connection: the cheap "did anything change?" signal. */
export function totalChanges(backend: Backend): number {
  const row = backend.db.$client.prepare('SELECT total_changes() AS n').get() as { n: number };
  return row.n;
}

export function recentMeetings(list: readonly MeetingSummary[]): RecentMeeting[] {
  return [...list]
    .sort((a, b) => `${b.date} ${b.startTime}`.localeCompare(`${a.date} ${a.startTime}`))
    .slice(0, RECENT_COUNT)
    .map((m) => ({ id: m.id, label: `${m.date} – ${m.boardName}` }));
}

/** The page's folder dialog (shell.chooseFolder), validated like any call, answered by the native dialog. */
export async function chooseFolder(dialogs: Pick<Dialogs, 'openFolder'>, input: unknown): Promise<Result<unknown>> {
  const parsed = contract['shell.chooseFolder'].input.safeParse(input);
  if (!parsed.success) return { ok: false, error: new AppError('validation', 'Ange en rubrik för mappdialogen.').toBody() };
  try {
    return { ok: true, value: { available: true, path: await dialogs.openFolder({ title: parsed.data.title }) } };
  } catch (e) {
    return { ok: false, error: toErrorBody(e) };
  }
}

/**
 * Opens a written kallelse message in the mail program: the stored .eml (asked for through the
 * back end, never bytes from the page) is written under the data folder's "Kallelser" and handed
 * to the operating system, which opens it with the program registered for .eml files.
 */
export async function openMail(backend: Pick<Backend, 'dispatch'>, dataDir: string, openPath: (path: string) => Promise<string>, input: unknown): Promise<Result<unknown>> {
  const parsed = contract['shell.openMail'].input.safeParse(input);
  if (!parsed.success) return { ok: false, error: new AppError('validation', 'Välj ett meddelande att öppna.').toBody() };
  const message = await backend.dispatch('kallelse.message', { messageId: parsed.data.messageId });
  if (!message.ok) return message;
  try {
    const { fileName, emlBase64 } = message.value as { fileName: string; emlBase64: string };
    const dir = join(dataDir, 'Kallelser', parsed.data.messageId.replace(/[^A-Za-z0-9-]/g, ''));
    await mkdir(dir, { recursive: true });
    const path = join(dir, basename(fileName));
    await writeFile(path, Buffer.from(emlBase64, 'base64'));
    const problem = await openPath(path);
    if (problem) throw new AppError('io', `E-postprogrammet kunde inte öppna meddelandet (${problem}). Filen finns i ${path}; öppna den därifrån.`);
    return { ok: true, value: { available: true, path } };
  } catch (e) {
    return { ok: false, error: toErrorBody(e) };
  }
}

export function createDesktop(config: DesktopConfig, initial: Backend): Desktop {
  const { paths, dialogs } = config;
  let backend: Backend | null = initial;
  let busy: string | null = null;
  let main: MainWindow | null = null;
  let pageLoaded = false;
  const pending: OpenRequest[] = [];
  let menuBuiltAt = -1;
  // Work a menu click or a call starts without waiting for it; `settled()` waits for all of it.
  const background = new Set<Promise<unknown>>();
  function inBackground(p: Promise<unknown>): void {
    const tracked: Promise<unknown> = p.catch((e: unknown) => console.error('[justera] arbete i bakgrunden misslyckades:', e)).finally(() => background.delete(tracked));
    background.add(tracked);
  }

  const scheduler: BackupScheduler = createBackupScheduler({
    intervalMs: config.backupIntervalMs,
    changeCounter: () => (backend ? totalChanges(backend) : 0),
    runBackup: async () => {
      if (!backend) return;
      await backupDatabase(backend.db.$client, paths.backupDir, config.now());
      await rotateBackups(paths.backupDir);
    },
    onError: (e) => console.error('[justera] automatisk säkerhetskopiering misslyckades:', e),
  });
  // In the background: the window does not wait for the first backup.
  inBackground(scheduler.start().catch((e: unknown) => console.error('[justera] säkerhetskopian vid start misslyckades:', e)));

  const win = (): BrowserWindow | null => (main && !main.window.isDestroyed() ? main.window : null);

  async function refreshMenu(): Promise<void> {
    let recent: RecentMeeting[] = [];
    if (backend && !busy) {
      menuBuiltAt = totalChanges(backend);
      const r = await backend.dispatch('meetings.list', {});
      if (r.ok) recent = recentMeetings(r.value as MeetingSummary[]);
    }
    const template = buildMenuTemplate({ platform: config.platform, isPackaged: config.isPackaged, recentMeetings: recent, actions });
    Menu.setApplicationMenu(Menu.buildFromTemplate(template));
  }

  function deliver(request: OpenRequest): void {
    const w = win();
    if (!w || !pageLoaded) {
      pending.push(request);
      return;
    }
    sendEvent(w.webContents, isTrustedWebContents, 'file.opened', request);
  }

  async function info(title: string, message: string, detail?: string): Promise<void> {
    await dialogs.message({ type: 'info', title, message, detail, buttons: ['OK'], defaultId: 0, cancelId: 0 });
  }

  async function failure(title: string, e: unknown): Promise<void> {
    if (!isAppError(e)) console.error(`[justera] ${title}:`, e);
    const message = isAppError(e) ? e.message : 'Ett oväntat fel inträffade. Försök igen; om felet kvarstår, kontakta IT-supporten.';
    await dialogs.message({ type: 'error', title, message, buttons: ['OK'], defaultId: 0, cancelId: 0 });
  }

  async function restoreFromBackup(): Promise<void> {
    const chosen = await dialogs.openFile({ title: 'Välj säkerhetskopia att återställa', filters: DATABASE_FILTERS, defaultPath: paths.backupDir });
    if (!chosen) return;
    const pressed = await dialogs.message({
      type: 'warning',
      title: 'Återställ säkerhetskopia',
      message: 'Vill du ersätta den nuvarande databasen med säkerhetskopian?',
      detail: `${chosen}\n\nÄndringar som gjorts efter säkerhetskopian försvinner ur Justera. Den nuvarande databasen sparas under ett nytt namn i samma mapp; inget raderas.`,
      buttons: ['Återställ', 'Avbryt'],
      defaultId: 1,
      cancelId: 1,
    });
    if (pressed !== 0) return;
    busy = 'En säkerhetskopia återställs just nu; försök igen om en stund.';
    let error: unknown = null;
    let setAside: string | null = null;
    try {
      await scheduler.stop();
      backend?.close();
      backend = null;
      // restoreBackup checks the backup before it touches the database; a bad one changes nothing.
      setAside = (await restoreBackup({ backupPath: chosen, databasePath: paths.databasePath, at: config.now() })).setAsidePath;
    } catch (e) {
      error = e;
    }
    try {
      backend = config.openBackend(paths.databasePath);
    } catch (e) {
      error ??= e;
    } finally {
      busy = null;
    }
    if (backend) inBackground(scheduler.start().catch((e: unknown) => console.error('[justera] säkerhetskopian efter återställning misslyckades:', e)));
    win()?.webContents.reload();
    await refreshMenu();
    if (error) await failure('Återställningen misslyckades', error);
    else await info('Säkerhetskopian är återställd', 'Justera visar nu innehållet från säkerhetskopian.', setAside ? `Den tidigare databasen finns kvar som\n${setAside}` : undefined);
  }

  const actions = {
    openFile: () => {
      inBackground(
        dialogs.openFile({ title: 'Öppna', filters: DOCUMENT_FILTERS }).then((path) => {
          const kind = path ? openableKind(path) : null;
          if (path && kind) desktop.openFiles([{ path, kind }]);
        }),
      );
    },
    openMeeting: (meetingId: string) => {
      const w = win();
      if (w) sendEvent(w.webContents, isTrustedWebContents, 'menu.command', { command: 'meeting.open', meetingId });
    },
    print: () => {
      win()?.webContents.print({}, (ok, reason) => {
        if (!ok && reason !== 'cancelled') inBackground(failure('Utskriften misslyckades', new AppError('io', `Utskriften kunde inte göras (${reason}). Kontrollera skrivaren och försök igen.`)));
      });
    },
    backupNow: () => {
      inBackground(
        scheduler
          .runNow()
          .then(() => info('Säkerhetskopian är sparad', 'Databasen är säkerhetskopierad.', `Säkerhetskopiorna finns i\n${paths.backupDir}`))
          .catch((e: unknown) => failure('Säkerhetskopieringen misslyckades', e)),
      );
    },
    saveDatabaseCopy: () => {
      const date = config.now().toISOString().slice(0, 10);
      const copy = dialogs
        .saveFile({ title: 'Spara en kopia av databasen', defaultPath: join(app.getPath('documents'), `Justera-kopia-${date}.sqlite`), filters: DATABASE_FILTERS })
        .then(async (target) => {
          if (!target || !backend) return;
          await writeConsistentCopy(backend.db.$client, target);
          await info('Kopian är sparad', 'En kopia av databasen är sparad.', target);
        })
        .catch((e: unknown) => failure('Kopian kunde inte sparas', e));
      inBackground(copy);
    },
    restoreBackup: () => {
      inBackground(restoreFromBackup().catch((e: unknown) => failure('Återställningen misslyckades', e)));
    },
    showDataFolder: () => {
      inBackground(
        shell.openPath(paths.dataDir).then(async (problem) => {
          if (problem) await failure('Mappen kunde inte visas', new AppError('io', `Datamappen ${paths.dataDir} kunde inte öppnas: ${problem}`));
        }),
      );
    },
    about: () => {
      const v = process.versions;
      inBackground(
        info(
          `Om ${APP_NAME}`,
          `${APP_NAME} ${APP_VERSION}`,
          `Protokoll, justering och anslag för nämnder.\n\nDatabas: ${paths.databasePath}\nSäkerhetskopior: ${paths.backupDir}\n\nElectron ${v.electron ?? '–'} · Chromium ${v.chrome ?? '–'} · Node ${v.node}`,
        ),
      );
    },
  };

  const desktop: Desktop = {
    dispatch(method, input) {
      if (method === 'shell.chooseFolder') return chooseFolder(dialogs, input);
      if (method === 'shell.openMail' && backend && !busy) return openMail(backend, paths.dataDir, (p) => shell.openPath(p), input);
      if (busy || !backend) return Promise.resolve({ ok: false, error: new AppError('locked', busy ?? 'Databasen är inte öppen.').toBody() });
      return backend.dispatch(method, input);
    },
    afterCall() {
      // Rebuild the recent-meetings menu only when the call changed data.
      if (backend && !busy && totalChanges(backend) !== menuBuiltAt) inBackground(refreshMenu());
    },
    async openWindow() {
      if (win()) return;
      pageLoaded = false;
      main = await openMainWindow({ preloadPath: paths.preloadPath, devTools: !config.isPackaged, stateFile: paths.windowStateFile });
      const contents = main.window.webContents;
      contents.on('did-finish-load', () => {
        pageLoaded = true;
        for (const request of pending.splice(0)) deliver(request);
      });
      contents.on('render-process-gone', (_event, details) => {
        console.error(`[justera] fönstrets process avslutades (${details.reason})`);
        if (details.reason !== 'clean-exit' && !contents.isDestroyed()) contents.reload();
      });
      await refreshMenu();
    },
    focus() {
      const w = win();
      if (!w) return;
      if (w.isMinimized()) w.restore();
      w.show();
      w.focus();
    },
    openFiles(requests) {
      for (const request of requests) {
        app.addRecentDocument(request.path);
        deliver(request);
      }
      desktop.focus();
    },
    async shutdown() {
      await main?.flushState();
      await scheduler.stop();
      backend?.close();
      backend = null;
    },
    async settled() {
      // Work may start more work (a restore starts a backup), so wait until nothing is left.
      while (background.size > 0) await Promise.all([...background]);
    },
  };
  return desktop;
}
