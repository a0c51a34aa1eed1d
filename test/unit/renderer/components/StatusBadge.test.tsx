// StatusBadge in a DOM: its state in words and tone, not colour alone.
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { StatusBadge } from '../../../../renderer/src/components/StatusBadge';

afterEach(cleanup);

describe('StatusBadge', () => {
  it('carries its state in words and tone, not colour alone', () => {
    render(<StatusBadge tone="bad">Needs attention</StatusBadge>);
    const badge = screen.getByText('Needs attention');
    expect(badge.dataset.tone).toBe('bad');
    expect(badge.textContent).toMatch(/✕\s*Needs attention/);
  });
});
