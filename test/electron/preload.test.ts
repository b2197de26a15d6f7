// The preload exposes window.justera = { invoke, on } and nothing else; ipcRenderer never leaks.
import { beforeAll, describe, expect, it, vi } from 'vitest';
import * as electron from 'electron';
import type { FakeElectron } from './fake-electron';
import type { JusteraBridge } from '../../electron/preload';
import { DESKTOP_EVENT_NAMES } from '../../electron/events';

vi.mock('electron', async () => (await import('./fake-electron')).createFakeElectron());
const fake = electron as unknown as FakeElectron;

let bridge: JusteraBridge;

beforeAll(async () => {
  await import('../../electron/preload');
  bridge = fake.contextBridge.exposed['justera'] as JusteraBridge;
});

function push(name: unknown, payload: unknown): void {
  fake.ipcRenderer.emit('justera:event', { sender: 'ipc-event-object', ports: [] }, name, payload);
}

describe('preload bridge', () => {
  it('exposes exactly one object, window.justera, with invoke and on', () => {
    expect(fake.contextBridge.exposeInMainWorld).toHaveBeenCalledTimes(1);
    expect(Object.keys(fake.contextBridge.exposed)).toStrictEqual(['justera']);
    expect(Object.keys(bridge).sort()).toStrictEqual(['invoke', 'on']);
    for (const value of Object.values(bridge)) expect(value).not.toBe(fake.ipcRenderer);
  });

  it('invokes through the one channel and returns the Result', async () => {
    fake.ipcRenderer.invoke.mockResolvedValueOnce({ ok: true, value: 42 });
    expect(await bridge.invoke('app.info', {})).toStrictEqual({ ok: true, value: 42 });
    expect(fake.ipcRenderer.invoke).toHaveBeenLastCalledWith('justera:invoke', 'app.info', {});
  });

  it('never rejects: a failed IPC call becomes an internal error Result', async () => {
    fake.ipcRenderer.invoke.mockRejectedValueOnce(new Error('An object could not be cloned.'));
    expect(await bridge.invoke('app.info', {})).toMatchObject({ ok: false, error: { code: 'internal' } });
    expect(await bridge.invoke(42 as unknown as string, {})).toMatchObject({ ok: false, error: { code: 'validation' } });
  });

  it('delivers known events without the IPC event object, and unsubscribes', () => {
    const seen: unknown[][] = [];
    const off = bridge.on('data.changed', (...args: unknown[]) => seen.push(args));
    push('data.changed', { entity: 'meeting', id: 'm1' });
    push('job.progress', { jobId: 'j', done: 1, total: 2, label: 'x' });
    expect(seen).toStrictEqual([[{ entity: 'meeting', id: 'm1' }]]);
    off();
    push('data.changed', { entity: 'meeting' });
    expect(seen).toHaveLength(1);
    off(); // twice is harmless
  });

  it('accepts only the event names the contract (and the shell) define', () => {
    expect([...DESKTOP_EVENT_NAMES].sort()).toStrictEqual(['data.changed', 'file.opened', 'job.progress', 'menu.command']);
    for (const name of DESKTOP_EVENT_NAMES) bridge.on(name, () => undefined)();
    expect(() => bridge.on('justera:invoke' as 'data.changed', () => undefined)).toThrow(/Okänd händelse/);
    expect(() => bridge.on('__proto__' as 'data.changed', () => undefined)).toThrow(/Okänd händelse/);
    expect(() => bridge.on('data.changed', 'not a function' as unknown as () => void)).toThrow(TypeError);
  });

  it('ignores unknown event names pushed on the channel', () => {
    const cb = vi.fn();
    const off = bridge.on('data.changed', cb);
    push('evil', { entity: 'x' });
    push(undefined, undefined);
    expect(cb).not.toHaveBeenCalled();
    off();
  });

  it('keeps other listeners running when one throws', () => {
    const quiet = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const good = vi.fn();
    const offBad = bridge.on('job.progress', () => {
      throw new Error('boom');
    });
    const offGood = bridge.on('job.progress', good);
    push('job.progress', { jobId: 'j', done: 1, total: 1, label: 'klar' });
    expect(good).toHaveBeenCalledTimes(1);
    offBad();
    offGood();
    quiet.mockRestore();
  });
});
