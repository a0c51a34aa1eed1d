// A fake of the parts of the `electron` module that main/electron/** and the preload use. The real
// binary cannot run on build machines (ENVIRONMENT.md), so unit tests load this via vi.mock.
import { EventEmitter } from 'node:events';

type Listener = (...args: unknown[]) => unknown;

export class FakeWebContents extends EventEmitter {
  readonly sent: Array<[string, unknown]> = [];
  readonly mainFrame = { url: 'app://scan-station/index.html' };
  windowOpenHandler: ((details: { url: string }) => { action: string }) | null = null;
  reloads = 0;
  send(channel: string, payload: unknown) {
    this.sent.push([channel, payload]);
  }
  setWindowOpenHandler(handler: (details: { url: string }) => { action: string }) {
    this.windowOpenHandler = handler;
  }
  reload() {
    this.reloads++;
  }
}

let nextWindowId = 1;
export class FakeBrowserWindow extends EventEmitter {
  static created: FakeBrowserWindow[] = [];
  readonly id = nextWindowId++;
  readonly webContents = new FakeWebContents();
  loadedUrl: string | null = null;
  destroyed = false;
  constructor(readonly options: Record<string, unknown>) {
    super();
    FakeBrowserWindow.created.push(this);
  }
  loadURL(url: string) {
    this.loadedUrl = url;
    return Promise.resolve();
  }
  isDestroyed() {
    return this.destroyed;
  }
  isMinimized() {
    return false;
  }
  restore() {}
  focus() {}
  show() {}
}

export class FakeIpcMain {
  readonly handlers = new Map<string, Listener>();
  handle(channel: string, handler: Listener) {
    if (this.handlers.has(channel)) throw new Error(`second handler for ${channel}`);
    this.handlers.set(channel, handler);
  }
  removeHandler(channel: string) {
    this.handlers.delete(channel);
  }
}

export class FakeIpcRenderer extends EventEmitter {
  readonly invoked: Array<[string, unknown]> = [];
  invoke(channel: string, payload: unknown) {
    this.invoked.push([channel, payload]);
    return Promise.resolve({ ok: true, value: channel });
  }
}

export class FakeSession {
  permissionRequestHandler: Listener | null = null;
  permissionCheckHandler: Listener | null = null;
  setPermissionRequestHandler(handler: Listener) {
    this.permissionRequestHandler = handler;
  }
  setPermissionCheckHandler(handler: Listener) {
    this.permissionCheckHandler = handler;
  }
}

export class FakePowerSaveBlocker {
  private next = 1;
  readonly active = new Set<number>();
  start() {
    const id = this.next++;
    this.active.add(id);
    return id;
  }
  stop(id: number) {
    this.active.delete(id);
  }
  isStarted(id: number) {
    return this.active.has(id);
  }
}

/** safeStorage with a reversible "encryption" and a selectable backend. */
export class FakeSafeStorage {
  backend = 'gnome_libsecret';
  available = true;
  isEncryptionAvailable() {
    return this.available;
  }
  getSelectedStorageBackend() {
    return this.backend;
  }
  encryptString(text: string) {
    return Buffer.from(`wrapped:${Buffer.from(text).toString('hex')}`);
  }
  decryptString(data: Buffer) {
    const text = data.toString();
    if (!text.startsWith('wrapped:')) throw new Error('Error while decrypting the ciphertext provided to safeStorage.decryptString.');
    return Buffer.from(text.slice('wrapped:'.length), 'hex').toString();
  }
}

export class FakeApp extends EventEmitter {
  hasLock = true;
  isPackaged = false;
  paths = new Map<string, string>();
  requestSingleInstanceLock() {
    return this.hasLock;
  }
  setPath(name: string, value: string) {
    this.paths.set(name, value);
  }
  whenReady() {
    return Promise.resolve();
  }
  quit() {}
}

export function createFakeElectron() {
  const exposed: Record<string, unknown> = {};
  return {
    app: new FakeApp(),
    BrowserWindow: FakeBrowserWindow,
    ipcMain: new FakeIpcMain(),
    ipcRenderer: new FakeIpcRenderer(),
    session: { defaultSession: new FakeSession() },
    powerSaveBlocker: new FakePowerSaveBlocker(),
    safeStorage: new FakeSafeStorage(),
    protocol: {
      registered: [] as unknown[],
      handlers: new Map<string, Listener>(),
      registerSchemesAsPrivileged(schemes: unknown[]) {
        this.registered.push(...schemes);
      },
      handle(scheme: string, handler: Listener) {
        this.handlers.set(scheme, handler);
      },
    },
    contextBridge: {
      exposed,
      exposeInMainWorld(key: string, api: unknown) {
        exposed[key] = api;
      },
    },
  };
}

export type FakeElectron = ReturnType<typeof createFakeElectron>;
