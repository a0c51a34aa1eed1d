// The idle guard in a DOM with fake timers: warning, "I'm still here", input, lock, unlock.
import { act, fireEvent, screen } from '@testing-library/react';
import i18next from 'i18next';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { useNavigation } from '../../../../renderer/src/app/navigation-store';
import { onVisitorReset } from '../../../../renderer/src/app/visitor-reset';
import { BridgeError } from '../../../../renderer/src/bridge';
import { useSessionStore } from '../../../../renderer/src/stores/session-store';
import { callsTo, flush, renderApp, resetStores, session } from '../app-fixtures';

beforeEach(() => vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] }));
afterEach(() => {
  vi.useRealTimers();
  resetStores();
});

const advance = async (seconds: number) => {
  await act(async () => vi.advanceTimersByTime(seconds * 1000));
  await flush();
};

describe('idle lock', () => {
  it('warns after the idle time with a countdown, and "I’m still here" keeps the session', async () => {
    const bridge = await renderApp({ 'session.get': session({ idleTimeoutSeconds: 180, idleWarningSeconds: 30 }), 'session.lock': session({ state: 'locked' }) });
    await advance(179);
    expect(screen.queryByTestId('idle-warning')).toBeNull();
    await advance(1);
    expect(screen.getByRole('alertdialog', { name: 'Are you still here?' })).toBeTruthy();
    expect(screen.getByTestId('idle-countdown').textContent).toBe('Locking in 30 s');
    await advance(10);
    expect(screen.getByTestId('idle-countdown').textContent).toBe('Locking in 20 s');
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'I’m still here' })));
    expect(screen.queryByTestId('idle-warning')).toBeNull();
    await advance(179);
    expect(screen.queryByTestId('idle-warning')).toBeNull();
    expect(callsTo(bridge, 'session.lock')).toEqual([]);
  });

  it('counts input as someone at the desk and starts the idle time again', async () => {
    await renderApp({ 'session.get': session({ idleTimeoutSeconds: 180 }) });
    await advance(100);
    fireEvent.keyDown(window, { key: 'a' });
    await advance(100);
    fireEvent.pointerDown(document.body);
    await advance(179);
    expect(screen.queryByTestId('idle-warning')).toBeNull();
    await advance(1);
    expect(screen.getByTestId('idle-warning')).toBeTruthy();
  });

  it('locks through main when nobody answers; the lock screen shows the staff name and nothing of the visitor', async () => {
    const forget = vi.fn();
    const stop = onVisitorReset(forget);
    useNavigation.setState({ route: { screen: 'queue', params: {} }, history: [{ screen: 'home', params: {} }] });
    const bridge = await renderApp({
      'session.get': session({ idleTimeoutSeconds: 60, idleWarningSeconds: 20 }),
      'session.lock': session({ state: 'locked', idleTimeoutSeconds: 60, idleWarningSeconds: 20 }),
      'queue.list': [{ id: 'a1', localReference: 'LOCAL-REF-77', capturedAt: 1, state: 'saved', detail: 'Saved on this kiosk', progress: null, attention: null }],
    });
    expect(screen.getByText('LOCAL-REF-77')).toBeTruthy();
    await advance(60);
    await advance(20);
    expect(callsTo(bridge, 'session.lock')).toHaveLength(1);
    expect(screen.getByTestId('lock-screen')).toBeTruthy();
    expect(screen.queryByText('LOCAL-REF-77')).toBeNull();
    expect(screen.getByTestId('lock-staff').textContent).toContain('Ana Staff');
    expect(forget).not.toHaveBeenCalled();
    stop();
  });

  it('still locks the screen when main cannot be reached (fails closed)', async () => {
    await renderApp({ 'session.get': session({ idleTimeoutSeconds: 60, idleWarningSeconds: 20 }), 'session.lock': new BridgeError('contract.transport-error', 'Lost the connection.') });
    await advance(80);
    expect(screen.getByTestId('lock-screen')).toBeTruthy();
  });

  it('keeps a lock main did not hear: main saying "signed in" shows the lock, and the lock is sent on reconnect', async () => {
    const bridge = await renderApp({ 'session.get': session({ idleTimeoutSeconds: 60, idleWarningSeconds: 20 }), 'session.lock': new BridgeError('contract.transport-error', 'Lost the connection.') });
    await advance(80);
    expect(screen.getByTestId('lock-screen')).toBeTruthy();
    await act(async () => bridge.emit('session.changed', session({ idleTimeoutSeconds: 60, idleWarningSeconds: 20 })));
    expect(screen.getByTestId('lock-screen')).toBeTruthy();

    bridge.answers['session.lock'] = session({ state: 'locked' });
    await act(async () => bridge.setConnection('closed'));
    await act(async () => bridge.setConnection('open'));
    await flush();
    expect(callsTo(bridge, 'session.lock')).toHaveLength(2);
    expect(useSessionStore.getState().lockPending).toBe(false);
    expect(screen.getByTestId('lock-screen')).toBeTruthy();
  });

  it('unlocks with the PIN back to the same screen, with the visitor’s work untouched', async () => {
    const forget = vi.fn();
    const stop = onVisitorReset(forget);
    useNavigation.setState({ route: { screen: 'queue', params: {} }, history: [{ screen: 'home', params: {} }] });
    const bridge = await renderApp({ 'session.get': session({ accountMode: 'shared' }), 'queue.list': [], 'session.unlock': session({ accountMode: 'shared' }) });
    await act(async () => bridge.emit('session.changed', session({ accountMode: 'shared', state: 'locked' })));
    expect(screen.getByTestId('lock-screen')).toBeTruthy();
    for (const digit of '9753') fireEvent.click(screen.getByRole('button', { name: digit }));
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Unlock' })));
    await flush();
    expect(callsTo(bridge, 'session.unlock')).toEqual([{ pin: '9753' }]);
    expect(useNavigation.getState().route.screen).toBe('queue');
    expect(useNavigation.getState().history).toHaveLength(1);
    expect(screen.getByTestId('queue-screen')).toBeTruthy();
    expect(forget).not.toHaveBeenCalled();
    stop();
  });

  it('unlocks with the password in personal mode when no offline PIN is set', async () => {
    const bridge = await renderApp({ 'session.get': session({ state: 'locked', offlinePinSet: false }), 'session.unlock': new BridgeError('session.bad-credentials', 'That password is not right.') });
    fireEvent.change(screen.getByLabelText('Password'), { target: { value: 'pw' } });
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Unlock' })));
    await flush();
    expect(callsTo(bridge, 'session.unlock')).toEqual([{ password: 'pw' }]);
    expect(screen.getByText('That password is not right.')).toBeTruthy();
    expect(screen.getByLabelText<HTMLInputElement>('Password').value).toBe('');
  });

  it('says a wrong unlock attempt in Welsh, with the attempts left, when the language is Welsh', async () => {
    await i18next.changeLanguage('cy');
    try {
      const refusal = new BridgeError('session.wrong-pin', 'That password is not right. 2 more wrong attempts and it is locked for 15 minutes.', { count: 2, minutes: 15 });
      await renderApp({ 'session.get': session({ state: 'locked', offlinePinSet: false }), 'session.unlock': refusal });
      fireEvent.change(screen.getByLabelText('Cyfrinair'), { target: { value: 'pw' } });
      await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Datgloi' })));
      await flush();
      expect(screen.getByText('Nid yw hynny’n gywir. Dau gynnig anghywir arall ac fe’i cloir am 15 mun.')).toBeTruthy();
    } finally {
      await i18next.changeLanguage('en');
    }
  });
});
