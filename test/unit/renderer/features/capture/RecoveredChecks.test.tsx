// Checks saved before a restart, shown on the capture screen where staff would start scanning
// again (issue 10 §1), in a DOM against a fake bridge.
import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { CaptureScreen } from '../../../../../renderer/src/features/capture/CaptureScreen';
import { captureBridge, submissionView, freshCaptureDom } from './capture-fixtures';

freshCaptureDom();

describe('after a restart', () => {
  it('shows checks saved before it, with their state and what happens, where staff would start scanning again', async () => {
    captureBridge({ 'capture.recovered': [submissionView({ applicationId: 'old-1', localReference: 'ABC-123', stage: 'sending' })] });
    render(<CaptureScreen params={{}} />);
    const item = await screen.findByTestId('recovered-check');
    expect(item.textContent).toContain('ABC-123');
    expect(item.textContent).toContain('Being sent');
    expect(item.textContent).toContain('sent to TrustID automatically, exactly once');
    expect(screen.getByTestId('recovered-checks').textContent).toContain('Do not scan these visitors again.');
  });
});
