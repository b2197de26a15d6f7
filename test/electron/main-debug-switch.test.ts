// The packaged app refuses Chromium's remote debugging switches (the fuses cover --inspect).
import { describe, expect, it, vi } from 'vitest';
import * as electron from 'electron';
import type { FakeElectron } from './fake-electron';

vi.mock('electron', async () => {
  const fake = (await import('./fake-electron')).createFakeElectron();
  fake.app.isPackaged = true;
  fake.app.commandLine.hasSwitch = vi.fn((name: string) => name === 'remote-debugging-port');
  return fake;
});
const fake = electron as unknown as FakeElectron;

describe('remote debugging in the packaged app', () => {
  it('quits before anything is set up', async () => {
    const main = await import('../../electron/main');
    await main.started;
    expect(fake.app.quit).toHaveBeenCalledTimes(1);
    expect(fake.app.whenReady).not.toHaveBeenCalled();
  });
});
