// A button that asks before it acts: opens a Dialog with the consequence in plain words and a
// confirm/cancel pair. Renderer process. When the action returns a promise the dialog waits,
// shows the failure's message if it rejects, and closes when it succeeds.
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Dialog } from './Dialog';

export type ConfirmButtonProps = {
  /** The button's text. */
  children: ReactNode;
  /** The dialog's title: the question ("Discard this application?"). */
  title: string;
  /** What will happen, in plain words. */
  message?: ReactNode;
  confirmLabel: string;
  cancelLabel?: string;
  onConfirm(): unknown;
  tone?: 'danger' | 'primary' | 'default';
  className?: string;
  disabled?: boolean;
  /** Keeps the confirm button disabled, e.g. until a reason is typed in `body`. */
  confirmDisabled?: boolean;
  /** Extra content in the dialog, e.g. a reason field. */
  body?: ReactNode;
  /** Called when the dialog opens or is cancelled, e.g. to reset `body`'s state. */
  onOpenChange?(open: boolean): void;
  testId?: string;
};

export function ConfirmButton({ children, title, message, confirmLabel, cancelLabel, onConfirm, tone = 'default', className, disabled, confirmDisabled, body, onOpenChange, testId }: ConfirmButtonProps) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const change = (next: boolean) => {
    setOpen(next);
    setError(null);
    onOpenChange?.(next);
  };
  const confirm = async () => {
    setBusy(true);
    setError(null);
    try {
      await onConfirm();
      setOpen(false);
      onOpenChange?.(false);
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : String(failure));
    } finally {
      setBusy(false);
    }
  };
  const toneClass = tone === 'danger' ? ' button-danger' : tone === 'primary' ? ' button-primary' : '';

  return (
    <>
      <button type="button" className={className ?? `button${toneClass}`} disabled={disabled} onClick={() => change(true)} data-testid={testId}>
        {children}
      </button>
      <Dialog
        open={open}
        title={title}
        role="alertdialog"
        onClose={busy ? undefined : () => change(false)}
        testId={testId ? `${testId}-dialog` : undefined}
        actions={
          <>
            <button type="button" className="button" disabled={busy} onClick={() => change(false)}>
              {cancelLabel ?? t('components.cancel')}
            </button>
            <button type="button" className={`button${toneClass || ' button-primary'}`} disabled={busy || confirmDisabled} aria-busy={busy || undefined} onClick={() => void confirm()}>
              {busy ? t('components.working') : confirmLabel}
            </button>
          </>
        }
      >
        {message && <div className="dialog-message">{message}</div>}
        {body}
        {error && (
          <p className="field-error" role="alert">
            {error}
          </p>
        )}
      </Dialog>
    </>
  );
}
