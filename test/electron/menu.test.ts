// The Swedish menu: its structure, shortcuts and actions on Windows/Linux and macOS.
import { describe, expect, it, vi } from 'vitest';
import type { MenuItemConstructorOptions } from 'electron';
import { buildMenuTemplate, type MenuActions, type MenuDeps } from '../../electron/menu';

function actions(): MenuActions {
  return {
    openFile: vi.fn(),
    openMeeting: vi.fn(),
    print: vi.fn(),
    backupNow: vi.fn(),
    saveDatabaseCopy: vi.fn(),
    restoreBackup: vi.fn(),
    showDataFolder: vi.fn(),
    about: vi.fn(),
  };
}

function deps(overrides: Partial<MenuDeps> = {}): MenuDeps {
  return { platform: 'win32', isPackaged: true, recentMeetings: [], actions: actions(), ...overrides };
}

function items(menu: MenuItemConstructorOptions | undefined): MenuItemConstructorOptions[] {
  return (menu?.submenu ?? []) as MenuItemConstructorOptions[];
}

function find(template: MenuItemConstructorOptions[], top: string, label: string): MenuItemConstructorOptions {
  const item = items(template.find((m) => m.label === top)).find((i) => i.label === label);
  if (!item) throw new Error(`${top} › ${label} saknas`);
  return item;
}

function click(item: MenuItemConstructorOptions): void {
  (item.click as () => void)();
}

describe('application menu', () => {
  it('has the Swedish top-level menus on Windows and Linux', () => {
    expect(buildMenuTemplate(deps()).map((m) => m.label)).toStrictEqual(['Arkiv', 'Redigera', 'Visa', 'Fönster', 'Hjälp']);
    expect(buildMenuTemplate(deps({ platform: 'linux' })).map((m) => m.label)).toStrictEqual(['Arkiv', 'Redigera', 'Visa', 'Fönster', 'Hjälp']);
  });

  it('puts the app menu first on macOS, with Om Justera and Avsluta', () => {
    const d = deps({ platform: 'darwin' });
    const template = buildMenuTemplate(d);
    expect(template.map((m) => m.label)).toStrictEqual(['Justera', 'Arkiv', 'Redigera', 'Visa', 'Fönster', 'Hjälp']);
    const appMenu = items(template[0]);
    expect(appMenu.map((i) => i.label ?? i.type)).toStrictEqual(['Om Justera', 'separator', 'Tjänster', 'separator', 'Göm Justera', 'Göm övriga', 'Visa alla', 'separator', 'Avsluta Justera']);
    click(find(template, 'Justera', 'Om Justera'));
    expect(d.actions.about).toHaveBeenCalled();
    expect(items(template.find((m) => m.label === 'Arkiv')).at(-1)).toMatchObject({ role: 'close' });
  });

  it('has the usual shortcuts', () => {
    const template = buildMenuTemplate(deps());
    expect(find(template, 'Arkiv', 'Öppna…').accelerator).toBe('CmdOrCtrl+O');
    expect(find(template, 'Arkiv', 'Skriv ut…').accelerator).toBe('CmdOrCtrl+P');
    expect(find(template, 'Arkiv', 'Avsluta')).toMatchObject({ role: 'quit', accelerator: 'Ctrl+Q' });
    const edit = items(template.find((m) => m.label === 'Redigera')).filter((i) => i.role);
    expect(edit.map((i) => [i.role, i.label])).toStrictEqual([
      ['undo', 'Ångra'],
      ['redo', 'Gör om'],
      ['cut', 'Klipp ut'],
      ['copy', 'Kopiera'],
      ['paste', 'Klistra in'],
      ['pasteAndMatchStyle', 'Klistra in som oformaterad text'],
      ['delete', 'Radera'],
      ['selectAll', 'Markera allt'],
    ]);
  });

  it('calls the actions behind Arkiv and Hjälp', () => {
    const d = deps();
    const template = buildMenuTemplate(d);
    const pairs: [string, string, keyof MenuActions][] = [
      ['Arkiv', 'Öppna…', 'openFile'],
      ['Arkiv', 'Skriv ut…', 'print'],
      ['Arkiv', 'Säkerhetskopiera nu', 'backupNow'],
      ['Arkiv', 'Spara en kopia av databasen…', 'saveDatabaseCopy'],
      ['Arkiv', 'Återställ från säkerhetskopia…', 'restoreBackup'],
      ['Arkiv', 'Visa datamappen', 'showDataFolder'],
      ['Hjälp', 'Om Justera', 'about'],
    ];
    for (const [top, label, action] of pairs) {
      click(find(template, top, label));
      expect(d.actions[action], label).toHaveBeenCalledTimes(1);
    }
  });

  it('lists recent meetings and opens the one chosen', () => {
    const d = deps({
      recentMeetings: [
        { id: 'm2', label: '2025-03-04 – Kommunstyrelsen' },
        { id: 'm1', label: '2025-02-11 – Barn- och utbildningsnämnden' },
      ],
    });
    const recent = items(find(buildMenuTemplate(d), 'Arkiv', 'Senaste möten'));
    expect(recent.map((i) => i.label)).toStrictEqual(['2025-03-04 – Kommunstyrelsen', '2025-02-11 – Barn- och utbildningsnämnden']);
    click(recent[1] as MenuItemConstructorOptions);
    expect(d.actions.openMeeting).toHaveBeenCalledWith('m1');
  });

  it('shows a disabled placeholder when there are no meetings', () => {
    const recent = items(find(buildMenuTemplate(deps()), 'Arkiv', 'Senaste möten'));
    expect(recent).toStrictEqual([{ label: 'Inga möten ännu', enabled: false }]);
  });

  it('offers reload and DevTools only in development', () => {
    const roles = (packaged: boolean) =>
      items(buildMenuTemplate(deps({ isPackaged: packaged })).find((m) => m.label === 'Visa'))
        .map((i) => i.role)
        .filter(Boolean);
    expect(roles(true)).toStrictEqual(['resetZoom', 'zoomIn', 'zoomOut', 'togglefullscreen']);
    expect(roles(false)).toStrictEqual(['reload', 'toggleDevTools', 'resetZoom', 'zoomIn', 'zoomOut', 'togglefullscreen']);
  });
});
