// The error boundary in a DOM: a crashed screen gives way to a recoverable error screen.
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ErrorBoundary } from '../../../../renderer/src/components/ErrorBoundary';
import { setUpI18n } from '../../../../renderer/src/i18n';

beforeAll(() => setUpI18n('en'));
afterEach(cleanup);

describe('error boundary', () => {
  let explode = true;
  function Boom(): null {
    if (explode) throw new Error('render failed');
    return null;
  }

  it('replaces a crashed screen with a recoverable error screen, and recovers on "Start again"', () => {
    const original = console.error;
    console.error = () => undefined; // React reports the caught error; expected here
    render(
      <ErrorBoundary onReset={() => (explode = false)}>
        <Boom />
        <p>screen content</p>
      </ErrorBoundary>,
    );
    console.error = original;
    expect(screen.getByTestId('error-screen')).toBeTruthy();
    expect(screen.queryByText('screen content')).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Start again' }));
    expect(screen.queryByTestId('error-screen')).toBeNull();
    expect(screen.getByText('screen content')).toBeTruthy();
  });
});
