// ConfirmButton in a DOM: acts only after the confirmation, stays open on failure.
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { ConfirmButton } from '../../../../renderer/src/components/ConfirmButton';
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
