// ConfirmButton, TextField, ProgressBar and StatusBadge in a DOM.
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { ConfirmButton } from '../../../../renderer/src/components/ConfirmButton';
import { ProgressBar } from '../../../../renderer/src/components/ProgressBar';
import { StatusBadge } from '../../../../renderer/src/components/StatusBadge';
import { TextField } from '../../../../renderer/src/components/TextField';
import { setUpI18n } from '../../../../renderer/src/i18n';

beforeAll(() => setUpI18n('en'));
afterEach(cleanup);

describe('ConfirmButton', () => {
  it('acts only after the confirmation; Cancel leaves everything as it was', async () => {
    const onConfirm = vi.fn();
    render(
      <ConfirmButton title="Sign out?" confirmLabel="Sign out" onConfirm={onConfirm}>
        Sign out
      </ConfirmButton>,
    );
    fireEvent.click(screen.getByRole('button', { name: 'Sign out' }));
    fireEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(onConfirm).not.toHaveBeenCalled();
    expect(screen.queryByRole('alertdialog')).toBeNull();

    fireEvent.click(screen.getByRole('button', { name: 'Sign out' }));
    const dialog = screen.getByRole('alertdialog', { name: 'Sign out?' });
    await act(async () => fireEvent.click(dialog.querySelector('button.button-primary')!));
    expect(onConfirm).toHaveBeenCalledTimes(1);
    expect(screen.queryByRole('alertdialog')).toBeNull();
  });

  it('stays open with the failure’s message when the action fails', async () => {
    render(
      <ConfirmButton title="Discard?" confirmLabel="Discard" tone="danger" onConfirm={() => Promise.reject(new Error('Only an administrator can discard.'))}>
        Discard
      </ConfirmButton>,
    );
    fireEvent.click(screen.getByRole('button', { name: 'Discard' }));
    const dialog = screen.getByRole('alertdialog');
    await act(async () => fireEvent.click(dialog.querySelector('button.button-danger')!));
    expect(screen.getByRole('alertdialog').textContent).toContain('Only an administrator can discard.');
  });

  it('keeps the confirm button disabled while confirmDisabled holds', () => {
    render(
      <ConfirmButton title="Discard?" confirmLabel="Discard now" confirmDisabled onConfirm={() => undefined}>
        Discard
      </ConfirmButton>,
    );
    fireEvent.click(screen.getByRole('button', { name: 'Discard' }));
    expect(screen.getByRole('button', { name: 'Discard now' })).toHaveProperty('disabled', true);
  });
});

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

describe('ProgressBar and StatusBadge', () => {
  it('reports progress with its label and words, and no value when the amount is unknown', () => {
    const { rerender } = render(<ProgressBar label="Upload" value={40} valueText="Uploading 40 %" />);
    const bar = screen.getByRole('progressbar', { name: 'Upload' });
    expect(bar.getAttribute('aria-valuenow')).toBe('40');
    expect(bar.getAttribute('aria-valuetext')).toBe('Uploading 40 %');
    rerender(<ProgressBar label="Upload" value={null} />);
    expect(screen.getByRole('progressbar').hasAttribute('aria-valuenow')).toBe(false);
  });

  it('carries its state in words and tone, not colour alone', () => {
    render(<StatusBadge tone="bad">Needs attention</StatusBadge>);
    const badge = screen.getByText('Needs attention');
    expect(badge.dataset.tone).toBe('bad');
    expect(badge.textContent).toMatch(/✕\s*Needs attention/);
  });
});
