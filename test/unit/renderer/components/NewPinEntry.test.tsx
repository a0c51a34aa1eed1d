// NewPinEntry in a DOM: a new PIN entered twice, and what a mismatch says.
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { NewPinEntry } from '../../../../renderer/src/components/NewPinEntry';
import { setUpI18n } from '../../../../renderer/src/i18n';

beforeAll(() => setUpI18n('en'));
afterEach(cleanup);

const press = (label: string) => fireEvent.click(screen.getByRole('button', { name: label }));

describe('NewPinEntry', () => {
  const enter = (pin: string, button: string) => {
    for (const d of pin) press(d);
    return act(async () => press(button));
  };

  it('submits the PIN only when it was entered the same twice', async () => {
    const onSubmit = vi.fn();
    render(<NewPinEntry label="Choose a PIN" submitLabel="Save PIN" onSubmit={onSubmit} />);
    await enter('2468', 'Next');
    expect(screen.getByLabelText('Enter the same PIN again')).toBeTruthy();
    await enter('2468', 'Save PIN');
    expect(onSubmit).toHaveBeenCalledExactlyOnceWith('2468');
  });

  it('says so when the two entries differ, and starts again without submitting', async () => {
    const onSubmit = vi.fn();
    render(<NewPinEntry label="Choose a PIN" submitLabel="Save PIN" onSubmit={onSubmit} />);
    await enter('2468', 'Next');
    await enter('2469', 'Save PIN');
    expect(onSubmit).not.toHaveBeenCalled();
    expect(screen.getByLabelText('Choose a PIN')).toBeTruthy();
    expect(screen.getByRole('alert').textContent).toMatch(/not the same/);
  });
});
