// The shared Dialog in a DOM: naming, focus placement and trap, Esc, inert background.
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { useState } from 'react';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { Dialog } from '../../../../renderer/src/components/Dialog';
import { setUpI18n } from '../../../../renderer/src/i18n';

beforeAll(() => setUpI18n('en'));
afterEach(cleanup);

function Harness({ onClose }: { onClose?: () => void }) {
  const [open, setOpen] = useState(false);
  return (
    <div data-testid="page">
      <button type="button" onClick={() => setOpen(true)}>
        Open
      </button>
      <Dialog
        open={open}
        title="Discard this application?"
        onClose={onClose ? () => (onClose(), setOpen(false)) : undefined}
        actions={
          <>
            <button type="button" onClick={() => setOpen(false)}>
              Keep
            </button>
            <button type="button">Discard</button>
          </>
        }
      >
        <p>It will not be sent to TrustID.</p>
      </Dialog>
    </div>
  );
}

describe('Dialog', () => {
  it('is named by its title, takes focus when it opens and gives it back to the opener when it closes', () => {
    render(<Harness />);
    const opener = screen.getByRole('button', { name: 'Open' });
    opener.focus();
    fireEvent.click(opener);
    const dialog = screen.getByRole('dialog', { name: 'Discard this application?' });
    expect(dialog.getAttribute('aria-modal')).toBe('true');
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Keep' }));
    fireEvent.click(screen.getByRole('button', { name: 'Keep' }));
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(document.activeElement).toBe(opener);
  });

  it('keeps Tab inside: forward from the last control wraps to the first, backward from the first to the last', () => {
    render(<Harness />);
    fireEvent.click(screen.getByRole('button', { name: 'Open' }));
    const keep = screen.getByRole('button', { name: 'Keep' });
    const discard = screen.getByRole('button', { name: 'Discard' });
    discard.focus();
    fireEvent.keyDown(discard, { key: 'Tab' });
    expect(document.activeElement).toBe(keep);
    fireEvent.keyDown(keep, { key: 'Tab', shiftKey: true });
    expect(document.activeElement).toBe(discard);
  });

  it('pulls focus back inside when something outside gets it', () => {
    render(<Harness />);
    const opener = screen.getByRole('button', { name: 'Open' });
    fireEvent.click(opener);
    opener.focus();
    expect(screen.getByRole('dialog').contains(document.activeElement)).toBe(true);
  });

  it('closes on Esc when it may be closed, and ignores Esc when an answer is required', () => {
    const onClose = vi.fn();
    const { unmount } = render(<Harness onClose={onClose} />);
    fireEvent.click(screen.getByRole('button', { name: 'Open' }));
    fireEvent.keyDown(screen.getByRole('dialog'), { key: 'Escape' });
    expect(onClose).toHaveBeenCalledTimes(1);
    expect(screen.queryByRole('dialog')).toBeNull();
    unmount();

    render(<Harness />);
    fireEvent.click(screen.getByRole('button', { name: 'Open' }));
    fireEvent.keyDown(screen.getByRole('dialog'), { key: 'Escape' });
    expect(screen.getByRole('dialog')).toBeTruthy();
  });

  it('makes the rest of the page inert while open and restores it afterwards', () => {
    const { container } = render(<Harness />);
    fireEvent.click(screen.getByRole('button', { name: 'Open' }));
    expect(container.hasAttribute('inert')).toBe(true);
    expect(screen.getByRole('dialog').closest('[inert]')).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Keep' }));
    expect(container.hasAttribute('inert')).toBe(false);
  });
});
