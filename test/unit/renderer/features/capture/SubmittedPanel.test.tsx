// The submitted panel in a DOM against a fake bridge (issue 11 §1): it follows its application
// to the verdict, and only its own.
import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { useNavigation } from '../../../../../renderer/src/app/navigation-store';
import { CaptureScreen } from '../../../../../renderer/src/features/capture/CaptureScreen';
import { useCaptureStore } from '../../../../../renderer/src/stores/capture-store';
import { captureBridge, fullPassport, installDecoder, submissionView, freshCaptureDom } from './capture-fixtures';

freshCaptureDom();

describe('after Submit', () => {
  async function submitted() {
    const bridge = captureBridge({
      'capture.get': { ...fullPassport(), personConfirmed: true },
      'capture.submit': { applicationId: 'app-1', localReference: 'K7-2041', queued: false, message: 'Sending.' },
      'capture.submission': submissionView({ stage: 'sending' }),
      'capture.finish': undefined,
    });
    installDecoder();
    render(<CaptureScreen params={{}} />);
    fireEvent.click(await screen.findByTestId('to-details'));
    fireEvent.click(await screen.findByTestId('submit'));
    await screen.findByTestId('receipt');
    return bridge;
  }

  it('follows the application: image by image, being checked with the time, then the verdict with Open result', async () => {
    const bridge = await submitted();
    await act(async () => bridge.emit('capture.submissionChanged', submissionView({ stage: 'sending', images: { total: 3, sent: 1, current: { number: 2, percent: 40 } } })));
    expect(screen.getByTestId('submitted-upload').textContent).toContain('Image 2 of 3: 40 %');
    await act(async () => bridge.emit('capture.submissionChanged', submissionView({ stage: 'checking', sentAt: Date.now() - 75_000, images: { total: 3, sent: 3, current: null } })));
    expect(screen.getByTestId('submitted-elapsed').textContent).toMatch(/1 min 1[45] s/);
    expect(screen.getByTestId('submitted-checking').textContent).toContain('up to an hour');
    expect(screen.getByTestId('submitted-sending').textContent).toContain('Sent to TrustID');
    await act(async () => bridge.emit('capture.submissionChanged', submissionView({ stage: 'result', verdict: 'accepted', sentAt: 1 })));
    expect(screen.getByTestId('submitted-verdict').textContent).toBe('Accepted: the documents passed TrustID’s checks.');
    fireEvent.click(screen.getByTestId('open-result'));
    await waitFor(() => expect(useNavigation.getState().route).toEqual({ screen: 'result-detail', params: { id: 'app-1' } }));
    expect(useCaptureStore.getState().receipt).toBeNull();
  });

  it('ignores news of another application', async () => {
    const bridge = await submitted();
    await act(async () => bridge.emit('capture.submissionChanged', submissionView({ applicationId: 'other', stage: 'result', verdict: 'failed' })));
    expect(screen.getByTestId('receipt').dataset.stage).toBe('sending');
  });
});
