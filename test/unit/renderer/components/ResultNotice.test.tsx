// The result notice in the frame, in a DOM against a fake bridge (issue 11 §2): the kiosk
// reference of a finished application, never shown while the screen is locked.
import { act, fireEvent, render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { SessionView } from '../../../../preload/contract';
import { useNavigation } from '../../../../renderer/src/app/navigation-store';
import { ResultNotice } from '../../../../renderer/src/components/ResultNotice';
import { useSessionStore } from '../../../../renderer/src/stores/session-store';
import { captureBridge, freshCaptureDom } from '../features/capture/capture-fixtures';

freshCaptureDom();

describe('the result notice in the frame', () => {
  const session = (state: SessionView['state']) =>
    ({ state, accountMode: 'shared', staff: null, admin: false, adminPinSet: true, idleTimeoutSeconds: 120, idleWarningSeconds: 30, offlinePinSet: false }) as unknown as SessionView;

  it('shows the kiosk reference and opens the result; never while the screen is locked', async () => {
    const bridge = captureBridge({});
    useSessionStore.setState({ session: session('locked') });
    render(<ResultNotice />);
    await act(async () => bridge.emit('results.arrived', { id: 'app-9', reference: 'K7Q-4M2', origin: 'kiosk', at: 1 }));
    expect(screen.queryByTestId('result-notice')).toBeNull();
    await act(async () => useSessionStore.setState({ session: session('signed-in') }));
    expect(screen.getByTestId('result-notice').textContent).toContain('A result has arrived for check K7Q-4M2.');
    fireEvent.click(screen.getByTestId('result-notice-open'));
    expect(useNavigation.getState().route).toEqual({ screen: 'result-detail', params: { id: 'app-9' } });
    expect(screen.queryByTestId('result-notice')).toBeNull();
  });
});
