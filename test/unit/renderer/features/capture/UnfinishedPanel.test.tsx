// The unfinished check met when starting one, in a DOM against a fake bridge (issue 10 §1):
// resume or discard, showing no personal data.
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { useNavigation } from '../../../../../renderer/src/app/navigation-store';
import { resetVisitor } from '../../../../../renderer/src/app/visitor-reset';
import { setBridge } from '../../../../../renderer/src/bridge';
import { CaptureScreen } from '../../../../../renderer/src/features/capture/CaptureScreen';
import { setUpI18n } from '../../../../../renderer/src/i18n';
import { useResultNotices } from '../../../../../renderer/src/stores/result-notices';
import { useSessionStore } from '../../../../../renderer/src/stores/session-store';
import { captureBridge, fullPassport, installDecoder } from './capture-fixtures';

beforeAll(() => setUpI18n('en'));
afterEach(() => {
  cleanup();
  resetVisitor();
  useResultNotices.setState({ arrivals: [] });
  useSessionStore.setState({ session: null });
  useNavigation.getState().reset('home');
  setBridge(null);
});

describe('starting a check while one is open', () => {
  it('asks resume or discard instead of reopening it, showing no personal data', async () => {
    const bridge = captureBridge({ 'capture.get': fullPassport(), 'capture.discard': undefined });
    useNavigation.getState().navigate('capture');
    render(<CaptureScreen params={{}} />);
    const panel = await screen.findByTestId('capture-unfinished');
    expect(panel.textContent).toMatch(/Documents: 1\. Images: 3\./);
    expect(screen.queryByTestId('review-stage')).toBeNull();
    fireEvent.click(screen.getByTestId('unfinished-discard'));
    fireEvent.click(within(await screen.findByTestId('unfinished-discard-dialog')).getByRole('button', { name: 'Yes, discard it' }));
    expect(await screen.findByTestId('capture-start')).toBeTruthy();
    expect(bridge.calls.map(([c]) => c)).toContain('capture.discard');
  });

  it('carries on without asking when the same screen comes back (after the idle lock)', async () => {
    captureBridge({ 'capture.get': fullPassport() });
    installDecoder();
    useNavigation.getState().navigate('capture');
    const first = render(<CaptureScreen params={{}} />);
    fireEvent.click(await screen.findByTestId('unfinished-resume'));
    await screen.findByTestId('details-stage');
    first.unmount();
    render(<CaptureScreen params={{}} />);
    expect(await screen.findByTestId('details-stage')).toBeTruthy();
    expect(screen.queryByTestId('capture-unfinished')).toBeNull();
  });
});
