// The Swedish application menu as a pure function of its inputs, so its items, shortcuts and
// actions are tested without Electron. main.ts turns the template into a Menu.
import type { MenuItemConstructorOptions } from 'electron';

export interface RecentMeeting {
  id: string;
  label: string;
}

export interface MenuActions {
  openFile(): void;
  openMeeting(meetingId: string): void;
  print(): void;
  backupNow(): void;
  saveDatabaseCopy(): void;
  restoreBackup(): void;
  showDataFolder(): void;
  about(): void;
}

export interface MenuDeps {
  platform: NodeJS.Platform;
  /** Reload and DevTools only exist in development. */
  isPackaged: boolean;
  recentMeetings: readonly RecentMeeting[];
  actions: MenuActions;
}

const sep: MenuItemConstructorOptions = { type: 'separator' };

function macAppMenu(deps: MenuDeps): MenuItemConstructorOptions {
  return {
    label: 'Justera',
    submenu: [
      { label: 'Om Justera', click: () => deps.actions.about() },
      sep,
      { role: 'services', label: 'Tjänster' },
      sep,
      { role: 'hide', label: 'Göm Justera' },
      { role: 'hideOthers', label: 'Göm övriga' },
      { role: 'unhide', label: 'Visa alla' },
      sep,
      { role: 'quit', label: 'Avsluta Justera' },
    ],
  };
}

function fileMenu(deps: MenuDeps, mac: boolean): MenuItemConstructorOptions {
  const recent: MenuItemConstructorOptions[] =
    deps.recentMeetings.length === 0 ? [{ label: 'Inga möten ännu', enabled: false }] : deps.recentMeetings.map((m) => ({ label: m.label, click: () => deps.actions.openMeeting(m.id) }));
  return {
    label: 'Arkiv',
    submenu: [
      { label: 'Öppna…', accelerator: 'CmdOrCtrl+O', click: () => deps.actions.openFile() },
      { label: 'Senaste möten', submenu: recent },
      sep,
      { label: 'Skriv ut…', accelerator: 'CmdOrCtrl+P', click: () => deps.actions.print() },
      sep,
      { label: 'Säkerhetskopiera nu', click: () => deps.actions.backupNow() },
      { label: 'Spara en kopia av databasen…', click: () => deps.actions.saveDatabaseCopy() },
      { label: 'Återställ från säkerhetskopia…', click: () => deps.actions.restoreBackup() },
      { label: 'Visa datamappen', click: () => deps.actions.showDataFolder() },
      sep,
      mac ? { role: 'close', label: 'Stäng fönster' } : { role: 'quit', label: 'Avsluta', accelerator: 'Ctrl+Q' },
    ],
  };
}

function editMenu(): MenuItemConstructorOptions {
  return {
    label: 'Redigera',
    submenu: [
      { role: 'undo', label: 'Ångra' },
      { role: 'redo', label: 'Gör om' },
      sep,
      { role: 'cut', label: 'Klipp ut' },
      { role: 'copy', label: 'Kopiera' },
      { role: 'paste', label: 'Klistra in' },
      { role: 'pasteAndMatchStyle', label: 'Klistra in som oformaterad text' },
      { role: 'delete', label: 'Radera' },
      sep,
      { role: 'selectAll', label: 'Markera allt' },
    ],
  };
}

function viewMenu(deps: MenuDeps): MenuItemConstructorOptions {
  const dev: MenuItemConstructorOptions[] = deps.isPackaged ? [] : [{ role: 'reload', label: 'Ladda om' }, { role: 'toggleDevTools', label: 'Utvecklarverktyg' }, sep];
  return {
    label: 'Visa',
    submenu: [
      ...dev,
      { role: 'resetZoom', label: 'Verklig storlek' },
      { role: 'zoomIn', label: 'Zooma in' },
      { role: 'zoomOut', label: 'Zooma ut' },
      sep,
      { role: 'togglefullscreen', label: 'Helskärm' },
    ],
  };
}

function windowMenu(mac: boolean): MenuItemConstructorOptions {
  return {
    label: 'Fönster',
    submenu: mac
      ? [{ role: 'minimize', label: 'Minimera' }, { role: 'zoom', label: 'Zooma' }, sep, { role: 'front', label: 'Lägg alla överst' }]
      : [
          { role: 'minimize', label: 'Minimera' },
          { role: 'close', label: 'Stäng' },
        ],
  };
}

function helpMenu(deps: MenuDeps, mac: boolean): MenuItemConstructorOptions {
  return {
    role: 'help',
    label: 'Hjälp',
    submenu: [{ label: 'Visa datamappen', click: () => deps.actions.showDataFolder() }, ...(mac ? [] : [sep, { label: 'Om Justera', click: () => deps.actions.about() }])],
  };
}

export function buildMenuTemplate(deps: MenuDeps): MenuItemConstructorOptions[] {
  const mac = deps.platform === 'darwin';
  return [...(mac ? [macAppMenu(deps)] : []), fileMenu(deps, mac), editMenu(), viewMenu(deps), windowMenu(mac), helpMenu(deps, mac)];
}
