// PinPad in a DOM: touch and keyboard entry, clearing on submit.
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { PinPad } from '../../../../renderer/src/components/PinPad';
import { setUpI18n } from '../../../../renderer/src/i18n';

beforeAll(() => setUpI18n('en'));
afterEach(cleanup);

const press = (label: string) => fireEvent.click(screen.getByRole('button', { name: label }));

describe('PinPad', () => {
  it('builds the PIN from pad buttons and typed digits, submits it and clears the field at once', async () => {
    const onSubmit = vi.fn();
    render(<PinPad label="Your PIN" submitLabel="Sign in" onSubmit={onSubmit} />);
    const field = screen.getByLabelText<HTMLInputElement>('Your PIN');
    press('1');
    press('2');
    fireEvent.keyDown(screen.getByRole('button', { name: '2' }), { key: '7' });
    fireEvent.change(field, { target: { value: `${field.value}9` } });
    expect(field.value).toBe('1279');
    await act(async () => press('Sign in'));
    expect(onSubmit).toHaveBeenCalledWith('1279');
    expect(field.value).toBe('');
  });

  it('keeps submit disabled below the minimum length, drops non-digits and stops at the maximum', () => {
    render(<PinPad label="Your PIN" submitLabel="Sign in" onSubmit={() => undefined} maxLength={6} />);
    const field = screen.getByLabelText<HTMLInputElement>('Your PIN');
    fireEvent.change(field, { target: { value: '1a2b3' } });
    expect(field.value).toBe('123');
    expect(screen.getByRole('button', { name: 'Sign in' })).toHaveProperty('disabled', true);
    fireEvent.change(field, { target: { value: '123456789' } });
    expect(field.value).toBe('123456');
    expect(screen.getByRole('button', { name: 'Sign in' })).toHaveProperty('disabled', false);
  });

  it('deletes and clears with its own keys', () => {
    render(<PinPad label="Your PIN" submitLabel="Sign in" onSubmit={() => undefined} />);
    const field = screen.getByLabelText<HTMLInputElement>('Your PIN');
    ['4', '5', '6'].forEach(press);
    press('Delete the last digit');
    expect(field.value).toBe('45');
    press('Clear');
    expect(field.value).toBe('');
  });

  it('shows an error as the field’s description', () => {
    render(<PinPad label="Your PIN" submitLabel="Sign in" onSubmit={() => undefined} error="That PIN is not right. Try again." />);
    const field = screen.getByLabelText('Your PIN');
    expect(field.getAttribute('aria-invalid')).toBe('true');
    const described = field.getAttribute('aria-describedby')!.split(' ').map((id) => document.getElementById(id)?.textContent);
    expect(described).toContain('That PIN is not right. Try again.');
  });
});
