// The unfinished check met when starting one, in a DOM against a fake bridge (issue 10 §1):
// resume or discard, showing no personal data.
import { fireEvent, render, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { useNavigation } from '../../../../../renderer/src/app/navigation-store';
import { CaptureScreen } from '../../../../../renderer/src/features/capture/CaptureScreen';
import { captureBridge, fullPassport, installDecoder, freshCaptureDom } from './capture-fixtures';

freshCaptureDom();

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
