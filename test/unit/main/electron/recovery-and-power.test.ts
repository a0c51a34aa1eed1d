import { describe, expect, it, vi } from 'vitest';
import { silentLogger } from '../../../../main/logging/logger';
import { FakeApp, FakeBrowserWindow, FakePowerSaveBlocker } from '../../../fakes/electron';

vi.mock('electron', async () => (await import('../../../fakes/electron')).createFakeElectron());
const { rendererRecoveredNotice, watchForCrashes } = await import('../../../../main/electron/recovery');
const { kioskPower } = await import('../../../../main/electron/power');

describe('crash recovery', () => {
  it('reloads a crashed renderer and leaves staff a notice', () => {
    const app = new FakeApp();
    const window = new FakeBrowserWindow({});
    const notices: string[] = [];
    watchForCrashes(app as never, window as never, silentLogger(), (m) => notices.push(m));
    window.webContents.emit('render-process-gone', {}, { reason: 'crashed', exitCode: 139 });
    expect(window.webContents.reloads).toBe(1);
    expect(notices).toEqual([rendererRecoveredNotice]);
  });

  it('does not reload after a clean exit', () => {
    const app = new FakeApp();
    const window = new FakeBrowserWindow({});
    watchForCrashes(app as never, window as never, silentLogger(), () => undefined);
    window.webContents.emit('render-process-gone', {}, { reason: 'clean-exit', exitCode: 0 });
    expect(window.webContents.reloads).toBe(0);
  });

  it('logs a helper process that dies', () => {
    const app = new FakeApp();
    const log = silentLogger();
    const error = vi.spyOn(log, 'error');
    watchForCrashes(app as never, new FakeBrowserWindow({}) as never, log, () => undefined);
    app.emit('child-process-gone', {}, { type: 'GPU', reason: 'crashed', exitCode: 1 });
    expect(error).toHaveBeenCalledWith(expect.objectContaining({ type: 'GPU', reason: 'crashed' }), 'child process gone');
  });
});

describe('power', () => {
  it('blocks display sleep while a kiosk session is open, once, and releases it after', () => {
    const blocker = new FakePowerSaveBlocker();
    const power = kioskPower(blocker as never);
    power.sessionOpened();
    power.sessionOpened();
    expect(blocker.active.size).toBe(1);
    power.sessionClosed();
    expect(blocker.active.size).toBe(0);
  });
});
