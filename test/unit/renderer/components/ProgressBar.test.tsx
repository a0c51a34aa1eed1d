// ProgressBar in a DOM: its label, value and words, or no value when the amount is unknown.
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ProgressBar } from '../../../../renderer/src/components/ProgressBar';
import { setUpI18n } from '../../../../renderer/src/i18n';

beforeAll(() => setUpI18n('en'));
afterEach(cleanup);

describe('ProgressBar', () => {
  it('reports progress with its label and words, and no value when the amount is unknown', () => {
    const { rerender } = render(<ProgressBar label="Upload" value={40} valueText="Uploading 40 %" />);
    const bar = screen.getByRole('progressbar', { name: 'Upload' });
    expect(bar.getAttribute('aria-valuenow')).toBe('40');
    expect(bar.getAttribute('aria-valuetext')).toBe('Uploading 40 %');
    rerender(<ProgressBar label="Upload" value={null} />);
    expect(screen.getByRole('progressbar').hasAttribute('aria-valuenow')).toBe(false);
  });
});
