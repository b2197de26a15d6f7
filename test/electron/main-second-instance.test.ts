// A second launch (the lock is taken) hands over and quits at once: no scheme, no window, no
// database opened twice.
import { describe, expect, it, vi } from 'vitest';
import * as electron from 'electron';
import type { FakeElectron } from './fake-electron';

vi.mock('electron', async () => {
  const fake = (await import('./fake-electron')).createFakeElectron();
  fake.app.singleInstance = false;
  return fake;
});
const fake = electron as unknown as FakeElectron;

describe('second instance', () => {
  it('quits without setting anything up', async () => {
    const main = await import('../../electron/main');
    await main.started;
    expect(fake.app.requestSingleInstanceLock).toHaveBeenCalledTimes(1);
    expect(fake.app.quit).toHaveBeenCalledTimes(1);
    expect(fake.protocol.registerSchemesAsPrivileged).not.toHaveBeenCalled();
    expect(fake.app.whenReady).not.toHaveBeenCalled();
    expect(fake.app.eventNames()).toStrictEqual([]);
  });
});
