// The app frame in a DOM: mode badge, health pill, disk notice, notices from main, start errors.
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { App } from '../../../renderer/src/App';
import { setUpI18n } from '../../../renderer/src/i18n';
import { startAppSync, useAppStore } from '../../../renderer/src/stores/app-store';
import { fakeBridge } from '../../fakes/fake-bridge';

beforeAll(() => setUpI18n('en'));
afterEach(() => {
  cleanup();
  useAppStore.setState({ info: null, health: null, connection: 'connecting', notice: null, startError: null });
});

const info = (mode: 'demo' | 'production', notice: string | null = null) => ({
  productName: 'Scan Station',
  version: '1',
  shell: 'chromium' as const,
  mode,
  modeReason: 'No TrustID account is configured.',
  kiosk: false,
  language: 'en' as const,
  notice,
});

describe('app frame', () => {
  it('shows a DEMO badge in demo mode, and no badge otherwise', async () => {
    const bridge = fakeBridge({ 'app.info': info('demo'), 'health.get': { overall: 'ok', components: [], checkedAt: 1 } });
    startAppSync(bridge);
    render(<App />);
    expect(await screen.findByTestId('demo-badge')).toHaveProperty('textContent', 'DEMO');
    bridge.answers['app.info'] = info('production');
    await act(async () => bridge.emit('settings.changed', {}));
    expect(screen.queryByTestId('demo-badge')).toBeNull();
    expect(screen.getByTestId('mode-badge').textContent).toContain('Production');
  });

  it('follows health events and the connection state', async () => {
    const bridge = fakeBridge({ 'app.info': info('demo'), 'health.get': { overall: 'ok', components: [], checkedAt: 1 } });
    startAppSync(bridge);
    render(<App />);
    const pill = await screen.findByTestId('health-indicator');
    await act(async () => bridge.emit('health.changed', { overall: 'down', components: [{ id: 'trustid', state: 'down', message: 'TrustID cannot be reached.' }], checkedAt: 2 }));
    expect(pill.dataset.state).toBe('down');
    await act(async () => bridge.setConnection('closed'));
    expect(pill.textContent).toMatch(/Disconnected/);
  });

  it('words the disk state from health in plain terms: full with what to do, then nearly full, then nothing', async () => {
    const bridge = fakeBridge({ 'app.info': info('demo'), 'health.get': { overall: 'ok', components: [], checkedAt: 1 } });
    startAppSync(bridge);
    render(<App />);
    const pill = await screen.findByTestId('health-indicator');
    const disk = (state: 'down' | 'degraded' | 'ok', freeMb: number) => ({ overall: state, components: [{ id: 'disk' as const, state, message: 'x', params: { freeMb, floorMb: 500, warnMb: 1500, droppedLogLines: 0 } }], checkedAt: 2 });
    await act(async () => bridge.emit('health.changed', disk('down', 28)));
    const notice = screen.getByTestId('disk-notice');
    expect(notice.dataset.state).toBe('full');
    expect(notice.textContent).toMatch(/The disk is full.*28 MB free.*at least 500 MB.*Ask an administrator to free space/);
    expect(pill.textContent).toBe('Disk full');
    await act(async () => bridge.emit('health.changed', disk('degraded', 1200)));
    expect(screen.getByTestId('disk-notice').textContent).toMatch(/nearly full \(1,200 MB free\)/);
    await act(async () => bridge.emit('health.changed', disk('ok', 9000)));
    expect(screen.queryByTestId('disk-notice')).toBeNull();
  });

  it('shows a notice from main until staff dismiss it', async () => {
    startAppSync(fakeBridge({ 'app.info': info('demo', 'The screen was restarted.'), 'health.get': { overall: 'ok', components: [], checkedAt: 1 } }));
    render(<App />);
    expect((await screen.findByTestId('notice')).textContent).toContain('The screen was restarted.');
    fireEvent.click(screen.getByRole('button', { name: 'Dismiss' }));
    expect(screen.queryByTestId('notice')).toBeNull();
  });

  it('says why when main cannot be reached at start', async () => {
    const bridge = fakeBridge({});
    startAppSync(bridge);
    render(<App />);
    expect((await screen.findByRole('alert')).textContent).toContain('could not start');
  });
});
