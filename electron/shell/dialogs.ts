// Native dialogs behind a port: main.ts, the startup recovery and the menu actions ask through
// this interface, so tests answer with a fake and never open a real dialog.
import { dialog, type BrowserWindow, type MessageBoxOptions, type OpenDialogOptions, type SaveDialogOptions } from 'electron';

export interface FileFilter {
  name: string;
  extensions: string[];
}

export interface MessageOptions {
  type: 'info' | 'warning' | 'error' | 'question';
  title: string;
  message: string;
  detail?: string;
  buttons: string[];
  /** The button Enter presses. */
  defaultId: number;
  /** The button Esc (or closing the dialog) means. */
  cancelId: number;
}

export interface Dialogs {
  /** The chosen file, or null when cancelled. */
  openFile(options: { title: string; filters: FileFilter[]; defaultPath?: string }): Promise<string | null>;
  saveFile(options: { title: string; defaultPath: string; filters: FileFilter[] }): Promise<string | null>;
  /** The chosen folder (it may be created in the dialog), or null when cancelled. */
  openFolder(options: { title: string }): Promise<string | null>;
  /** The index of the button pressed. */
  message(options: MessageOptions): Promise<number>;
}

export function createElectronDialogs(parent: () => BrowserWindow | null): Dialogs {
  return {
    async openFile(options) {
      const opts: OpenDialogOptions = { title: options.title, filters: options.filters, defaultPath: options.defaultPath, properties: ['openFile'] };
      const win = parent();
      const r = win ? await dialog.showOpenDialog(win, opts) : await dialog.showOpenDialog(opts);
      return r.canceled ? null : (r.filePaths[0] ?? null);
    },
    async saveFile(options) {
      const opts: SaveDialogOptions = { title: options.title, defaultPath: options.defaultPath, filters: options.filters, properties: ['createDirectory', 'showOverwriteConfirmation'] };
      const win = parent();
      const r = win ? await dialog.showSaveDialog(win, opts) : await dialog.showSaveDialog(opts);
      return r.canceled || !r.filePath ? null : r.filePath;
    },
    async openFolder(options) {
      const opts: OpenDialogOptions = { title: options.title, properties: ['openDirectory', 'createDirectory'] };
      const win = parent();
      const r = win ? await dialog.showOpenDialog(win, opts) : await dialog.showOpenDialog(opts);
      return r.canceled ? null : (r.filePaths[0] ?? null);
    },
    async message(options) {
      const opts: MessageBoxOptions = { ...options, noLink: true };
      const win = parent();
      const r = win ? await dialog.showMessageBox(win, opts) : await dialog.showMessageBox(opts);
      return r.response;
    },
  };
}
