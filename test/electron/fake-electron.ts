// A stand-in for the 'electron' module (no Electron binary here): enough of app, BrowserWindow,
// protocol, session, ipc, dialog, Menu, shell and screen to run the shell's code and look at
// what it asked for. Use with vi.mock('electron', () => import('./fake-electron').then(m => m.createFakeElectron())).
import { EventEmitter } from 'node:events';
import { vi } from 'vitest';

type Handler = (...args: unknown[]) => unknown;

export class FakeEvent {
  defaultPrevented = false;
  preventDefault(): void {
    this.defaultPrevented = true;
  }
}

export class FakeFrame {
  parent: FakeFrame | null = null;
  detached = false;
  constructor(
    public url: string,
    public origin: string,
    public frameToken: string,
  ) {}
}

export class FakeWebContents extends EventEmitter {
  static nextId = 1;
  id = FakeWebContents.nextId++;
  url = '';
  destroyed = false;
  mainFrame: FakeFrame = new FakeFrame('app://justera/index.html', 'app://justera', `frame-${this.id}`);
  windowOpenHandler: ((details: { url: string }) => { action: string }) | null = null;
  sent: unknown[][] = [];
  setWindowOpenHandler(handler: (details: { url: string }) => { action: string }): void {
    this.windowOpenHandler = handler;
  }
  send(channel: string, ...args: unknown[]): void {
    this.sent.push([channel, ...args]);
  }
  isDestroyed(): boolean {
    return this.destroyed;
  }
  getURL(): string {
    return this.url;
  }
  reload = vi.fn();
  print = vi.fn();
}

export class FakeBrowserWindow extends EventEmitter {
  static created: FakeBrowserWindow[] = [];
  static focused: FakeBrowserWindow | null = null;
  static getFocusedWindow(): FakeBrowserWindow | null {
    return FakeBrowserWindow.focused;
  }
  static getAllWindows(): FakeBrowserWindow[] {
    return FakeBrowserWindow.created.filter((w) => !w.destroyed);
  }
  webContents = new FakeWebContents();
  destroyed = false;
  maximized = false;
  fullScreen = false;
  minimized = false;
  bounds: { x: number; y: number; width: number; height: number };
  constructor(public options: Record<string, unknown>) {
    super();
    this.bounds = { x: Number(options['x'] ?? 10), y: Number(options['y'] ?? 10), width: Number(options['width']), height: Number(options['height']) };
    FakeBrowserWindow.created.push(this);
  }
  loadURL = vi.fn(async (url: string) => {
    this.webContents.url = url;
  });
  show = vi.fn();
  focus = vi.fn();
  restore = vi.fn(() => {
    this.minimized = false;
  });
  maximize = vi.fn(() => {
    this.maximized = true;
  });
  setFullScreen = vi.fn((v: boolean) => {
    this.fullScreen = v;
  });
  isDestroyed(): boolean {
    return this.destroyed;
  }
  isMinimized(): boolean {
    return this.minimized;
  }
  isMaximized(): boolean {
    return this.maximized;
  }
  isFullScreen(): boolean {
    return this.fullScreen;
  }
  getNormalBounds(): { x: number; y: number; width: number; height: number } {
    return this.bounds;
  }
}

export function createFakeElectron() {
  FakeBrowserWindow.created = [];
  FakeBrowserWindow.focused = null;

  let resolveReady: () => void = () => undefined;
  const ready = new Promise<void>((r) => {
    resolveReady = r;
  });
  const paths: Record<string, string> = { appData: '/tmp/fake-appdata', userData: '/tmp/fake-appdata/justera', documents: '/tmp/fake-documents' };
  const appEmitter = new EventEmitter();
  const app = Object.assign(appEmitter, {
    isPackaged: false,
    singleInstance: true,
    appPath: '/tmp/fake-app',
    requestSingleInstanceLock: vi.fn(() => app.singleInstance),
    quit: vi.fn(),
    exit: vi.fn(),
    whenReady: vi.fn(() => ready),
    markReady: () => resolveReady(),
    getPath: vi.fn((name: string) => paths[name] ?? `/tmp/fake-${name}`),
    setPath: vi.fn((name: string, value: string) => {
      paths[name] = value;
    }),
    getAppPath: vi.fn(() => app.appPath),
    setAppUserModelId: vi.fn(),
    addRecentDocument: vi.fn(),
    commandLine: { hasSwitch: vi.fn((_name: string) => false), getSwitchValue: vi.fn((_name: string) => '') },
  });

  const handlers = new Map<string, Handler>();
  const protocol = {
    registerSchemesAsPrivileged: vi.fn(),
    handle: vi.fn((scheme: string, handler: Handler) => {
      handlers.set(scheme, handler);
    }),
    handlers,
  };

  const defaultSession = {
    setPermissionRequestHandler: vi.fn(),
    setPermissionCheckHandler: vi.fn(),
    setDevicePermissionHandler: vi.fn(),
    setSpellCheckerLanguages: vi.fn(),
    webRequest: { onBeforeRequest: vi.fn() },
    protocol,
  };

  const ipcHandlers = new Map<string, Handler>();
  const ipcMain = {
    handle: vi.fn((channel: string, handler: Handler) => {
      if (ipcHandlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`);
      ipcHandlers.set(channel, handler);
    }),
    removeHandler: vi.fn((channel: string) => {
      ipcHandlers.delete(channel);
    }),
    handlers: ipcHandlers,
  };

  const rendererEmitter = new EventEmitter();
  const ipcRenderer = Object.assign(rendererEmitter, { invoke: vi.fn(async (..._args: unknown[]): Promise<unknown> => ({ ok: true, value: null })) });
  const exposed: Record<string, unknown> = {};
  const contextBridge = {
    exposeInMainWorld: vi.fn((key: string, api: unknown) => {
      exposed[key] = api;
    }),
    exposed,
  };

  const Menu = {
    buildFromTemplate: vi.fn((template: unknown[]) => ({ template })),
    setApplicationMenu: vi.fn(),
  };

  const shell = { openExternal: vi.fn(async () => undefined), openPath: vi.fn(async () => '') };

  const dialog = {
    showMessageBox: vi.fn(async (..._args: unknown[]) => ({ response: 0, checkboxChecked: false })),
    showOpenDialog: vi.fn(async (..._args: unknown[]) => ({ canceled: true, filePaths: [] as string[] })),
    showSaveDialog: vi.fn(async (..._args: unknown[]) => ({ canceled: true, filePath: '' })),
    showErrorBox: vi.fn(),
  };

  const primary = { id: 1, workArea: { x: 0, y: 0, width: 1920, height: 1040 } };
  const screen = {
    displays: [primary],
    getPrimaryDisplay: vi.fn(() => screen.displays[0] ?? primary),
    getAllDisplays: vi.fn(() => screen.displays),
  };

  const electron = {
    app,
    protocol,
    session: { defaultSession },
    BrowserWindow: FakeBrowserWindow,
    ipcMain,
    ipcRenderer,
    contextBridge,
    Menu,
    shell,
    dialog,
    screen,
  };
  return { ...electron, default: electron };
}

export type FakeElectron = ReturnType<typeof createFakeElectron>;
