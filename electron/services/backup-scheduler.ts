// Runs a backup at start and then every N minutes, but only when the database changed since the
// last one; one backup at a time, and stop() waits for a running one so closing never cuts it.

export interface BackupSchedulerOptions {
  intervalMs: number;
  /** A number that grows whenever data changes (SQLite's total_changes() on the app's connection). */
  changeCounter: () => number;
  /** Makes one backup (and rotates); rejects on failure. */
  runBackup: () => Promise<void>;
  onError: (error: unknown) => void;
  timers?: { setInterval: (fn: () => void, ms: number) => unknown; clearInterval: (handle: unknown) => void };
}

export interface BackupScheduler {
  /** Makes the start backup now and schedules the following ones. */
  start(): Promise<void>;
  /** A backup now, changed or not (the menu's "Säkerhetskopiera nu"); resolves when written. */
  runNow(): Promise<void>;
  stop(): Promise<void>;
}

export function createBackupScheduler(options: BackupSchedulerOptions): BackupScheduler {
  const timers = options.timers ?? {
    setInterval: (fn: () => void, ms: number) => setInterval(fn, ms),
    clearInterval: (h: unknown) => clearInterval(h as ReturnType<typeof setInterval>),
  };
  let handle: unknown = null;
  let lastBackedUp: number | null = null;
  let running: Promise<void> | null = null;

  function backup(force: boolean): Promise<void> {
    if (running) return running;
    const counter = options.changeCounter();
    if (!force && lastBackedUp === counter) return Promise.resolve();
    running = options
      .runBackup()
      .then(() => {
        lastBackedUp = counter;
      })
      .finally(() => {
        running = null;
      });
    return running;
  }

  function tick(): void {
    backup(false).catch(options.onError);
  }

  return {
    async start() {
      if (handle === null) handle = timers.setInterval(tick, options.intervalMs);
      await backup(true);
    },
    runNow: () => backup(true),
    async stop() {
      if (handle !== null) timers.clearInterval(handle);
      handle = null;
      if (running) await running.catch(() => undefined);
    },
  };
}
