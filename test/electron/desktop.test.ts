// The running app's menu actions with a real database: recent meetings, backup now, restore from
// a backup (checked first), a copy of the database, print, Om Justera.
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import * as electron from 'electron';
import type { MenuItemConstructorOptions } from 'electron';
import { FakeBrowserWindow, type FakeElectron } from './fake-electron';
import { createBackend, type Backend } from '../../electron/backend';
import { createDesktop, recentMeetings, type Desktop } from '../../electron/shell/desktop';
import type { Dialogs, MessageOptions } from '../../electron/shell/dialogs';
import { backupDatabase, checkIntegrity } from '../../electron/services/backup';

vi.mock('electron', async () => (await import('./fake-electron')).createFakeElectron());
const fake = electron as unknown as FakeElectron;

let dir: string;
let desktop: Desktop;
let asked: MessageOptions[];
let answers: { message: number[]; openFile: (string | null)[]; saveFile: (string | null)[]; openFolder: (string | null)[] };
let folderTitles: string[];
const backends: Backend[] = [];

const paths = () => ({
  dataDir: dir,
  databasePath: join(dir, 'justera.db'),
  backupDir: join(dir, 'Säkerhetskopior'),
  windowStateFile: join(dir, 'window-state.json'),
  preloadPath: '/app/preload.cjs',
});

function openBackend(path: string): Backend {
  const b = createBackend({ databasePath: path, actor: 'test' });
  backends.push(b);
  return b;
}

const dialogs: Dialogs = {
  message: async (o) => {
    asked.push(o);
    return answers.message.shift() ?? o.cancelId;
  },
  openFile: async () => answers.openFile.shift() ?? null,
  saveFile: async () => answers.saveFile.shift() ?? null,
  openFolder: async (o) => {
    folderTitles.push(o.title);
    return answers.openFolder.shift() ?? null;
  },
};

function menuItem(top: string, label: string): MenuItemConstructorOptions {
  const template = fake.Menu.buildFromTemplate.mock.calls.at(-1)?.[0] as MenuItemConstructorOptions[];
  const item = (template.find((m) => m.label === top)?.submenu as MenuItemConstructorOptions[]).find((i) => i.label === label);
  if (!item) throw new Error(`${top} › ${label} saknas`);
  return item;
}

function click(top: string, label: string): void {
  (menuItem(top, label).click as () => void)();
}

/** Waits for what the click or call started in the background (no sleeping, no polling). */
const settled = (): Promise<void> => desktop.settled();

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'justera-desktop-'));
  asked = [];
  answers = { message: [], openFile: [], saveFile: [], openFolder: [] };
  folderTitles = [];
  fake.app.setPath('documents', dir);
  desktop = createDesktop(
    { paths: paths(), isPackaged: true, platform: 'linux', dialogs, openBackend, backupIntervalMs: 600_000, now: () => new Date('2025-03-02T08:00:00Z') },
    openBackend(paths().databasePath),
  );
  await desktop.openWindow();
});

afterEach(async () => {
  await desktop.shutdown();
  rmSync(dir, { recursive: true, force: true });
});

const meetingCount = async (): Promise<number> => {
  const r = await desktop.dispatch('meetings.list', {});
  return r.ok ? (r.value as unknown[]).length : -1;
};

describe('the folder dialog for the page (shell.chooseFolder)', () => {
  it('answers with the native dialog in the desktop app, null when cancelled, and validates the call', async () => {
    answers.openFolder = ['/srv/www/anslagstavla', null];
    expect(await desktop.dispatch('shell.chooseFolder', { title: 'Välj mapp för anslagstavlan' })).toEqual({ ok: true, value: { available: true, path: '/srv/www/anslagstavla' } });
    expect(await desktop.dispatch('shell.chooseFolder', { title: 'Välj mapp för anslagstavlan' })).toEqual({ ok: true, value: { available: true, path: null } });
    expect(folderTitles).toEqual(['Välj mapp för anslagstavlan', 'Välj mapp för anslagstavlan']);
    const bad = await desktop.dispatch('shell.chooseFolder', { title: '', extra: 1 });
    expect(bad).toMatchObject({ ok: false, error: { code: 'validation' } });
    expect(folderTitles).toHaveLength(2);
  });

  it('is not available outside the desktop app (browser host, CLI)', async () => {
    const b = openBackend(join(dir, 'annan.db'));
    expect(await b.dispatch('shell.chooseFolder', { title: 'Välj mapp' })).toEqual({ ok: true, value: { available: false, path: null } });
  });
});

describe('recent meetings', () => {
  it('fill the menu after a call that changed data, newest first', async () => {
    expect(menuItem('Arkiv', 'Senaste möten').submenu).toStrictEqual([{ label: 'Inga möten ännu', enabled: false }]);
    await desktop.dispatch('demo.load', {});
    desktop.afterCall('demo.load');
    await settled();
    const recent = menuItem('Arkiv', 'Senaste möten').submenu as MenuItemConstructorOptions[];
    (recent[0]?.click as () => void)();
    const win = FakeBrowserWindow.created.at(-1);
    expect(win?.webContents.sent.at(-1)).toMatchObject(['justera:event', 'menu.command', { command: 'meeting.open' }]);
  });

  it('are sorted by date and time and limited to eight', () => {
    const m = (id: string, date: string) => ({
      id,
      boardId: 'b',
      boardName: 'KS',
      date,
      startTime: '09:00',
      endTime: null,
      place: '',
      state: 'held' as const,
      paragraphCount: 0,
      firstParagraph: null,
      lastParagraph: null,
    });
    const list = Array.from({ length: 12 }, (_, i) => m(`m${i}`, `2025-01-${String(i + 1).padStart(2, '0')}`));
    expect(recentMeetings(list).map((r) => r.id)).toStrictEqual(['m11', 'm10', 'm9', 'm8', 'm7', 'm6', 'm5', 'm4']);
  });
});

describe('backups from the menu', () => {
  it('Säkerhetskopiera nu writes a backup and says where', async () => {
    await settled();
    click('Arkiv', 'Säkerhetskopiera nu');
    await settled();
    expect(asked.at(-1)?.detail).toContain(paths().backupDir);
  });

  it('Återställ från säkerhetskopia… replaces the data after confirmation and reloads the window', async () => {
    const before = openBackend(join(dir, 'before.sqlite'));
    const backup = await backupDatabase(before.db.$client, join(dir, 'elsewhere'), new Date('2025-03-01T10:00:00Z')); // empty
    await desktop.dispatch('demo.load', {});
    expect(await meetingCount()).toBeGreaterThan(0);
    answers.openFile.push(backup.path);
    answers.message.push(0); // Återställ
    click('Arkiv', 'Återställ från säkerhetskopia…');
    await settled();
    expect(asked[0]).toMatchObject({ title: 'Återställ säkerhetskopia', buttons: ['Återställ', 'Avbryt'], defaultId: 1, cancelId: 1 });
    expect(await meetingCount()).toBe(0);
    expect(FakeBrowserWindow.created.at(-1)?.webContents.reload).toHaveBeenCalled();
    expect(readdirSync(dir).some((n) => n.startsWith('justera.db.ersatt-'))).toBe(true);
  });

  it('does nothing when the user cancels the confirmation', async () => {
    await desktop.dispatch('demo.load', {});
    const count = await meetingCount();
    answers.openFile.push(join(dir, 'whatever.sqlite'));
    answers.message.push(1); // Avbryt
    click('Arkiv', 'Återställ från säkerhetskopia…');
    await settled();
    expect(asked).toHaveLength(1);
    expect(await meetingCount()).toBe(count);
    expect(readdirSync(dir).some((n) => n.startsWith('justera.db.ersatt-'))).toBe(false);
  });

  it('refuses a damaged backup, keeps the data and says why', async () => {
    await desktop.dispatch('demo.load', {});
    const count = await meetingCount();
    const bad = join(dir, 'trasig.sqlite');
    writeFileSync(bad, 'trasig'.repeat(1000));
    answers.openFile.push(bad);
    answers.message.push(0);
    click('Arkiv', 'Återställ från säkerhetskopia…');
    await settled();
    expect(asked.at(-1)?.message).toContain('är skadad eller ingen Justera-databas');
    expect(await meetingCount()).toBe(count);
  });

  it('Spara en kopia av databasen… writes a checked copy where the user chose', async () => {
    await desktop.dispatch('demo.load', {});
    const target = join(dir, 'usb', 'kopia.sqlite');
    answers.saveFile.push(target);
    click('Arkiv', 'Spara en kopia av databasen…');
    await settled();
    expect(checkIntegrity(target).ok).toBe(true);
  });
});

describe('other menu actions', () => {
  it('prints the window and reports a failed print', async () => {
    click('Arkiv', 'Skriv ut…');
    const win = FakeBrowserWindow.created.at(-1);
    const [, callback] = win?.webContents.print.mock.calls[0] as [unknown, (ok: boolean, reason: string) => void];
    callback(false, 'cancelled');
    callback(false, 'Printer offline');
    await settled();
    expect(asked[0]).toMatchObject({ title: 'Utskriften misslyckades', message: expect.stringContaining('Printer offline') });
  });

  it('Om Justera shows the version and where the data is', async () => {
    click('Hjälp', 'Om Justera');
    await settled();
    expect(asked[0]?.title).toBe('Om Justera');
    expect(asked[0]?.detail).toContain(paths().databasePath);
  });

  it('Visa datamappen opens the data folder, not a URL', () => {
    click('Arkiv', 'Visa datamappen');
    expect(fake.shell.openPath).toHaveBeenCalledWith(dir);
    expect(fake.shell.openExternal).not.toHaveBeenCalled();
  });

  it('Öppna… passes the chosen file to the page', async () => {
    const win = FakeBrowserWindow.created.at(-1);
    win?.webContents.emit('did-finish-load');
    answers.openFile.push(join(dir, 'paket.justera'));
    click('Arkiv', 'Öppna…');
    await settled();
    expect(win?.webContents.sent[0]).toStrictEqual(['justera:event', 'file.opened', { path: join(dir, 'paket.justera'), kind: 'justera' }]);
  });
});
