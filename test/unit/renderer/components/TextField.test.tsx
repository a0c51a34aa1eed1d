// TextField in a DOM: named by its label, described by its hint and error.
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { TextField } from '../../../../renderer/src/components/TextField';
import { setUpI18n } from '../../../../renderer/src/i18n';

beforeAll(() => setUpI18n('en'));
afterEach(cleanup);

describe('TextField', () => {
  it('is named by its label and describes itself with its hint and error', () => {
    const onChange = vi.fn();
    render(<TextField label="Username" value="" onChange={onChange} hint="Your TrustID user name." error="Enter your username." />);
    const field = screen.getByLabelText('Username');
    fireEvent.change(field, { target: { value: 'ana' } });
    expect(onChange).toHaveBeenCalledWith('ana');
    expect(field.getAttribute('aria-invalid')).toBe('true');
    const described = field.getAttribute('aria-describedby')!.split(' ').map((id) => document.getElementById(id)?.textContent);
    expect(described).toEqual(['Your TrustID user name.', 'Enter your username.']);
  });
});
