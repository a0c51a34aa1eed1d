// Choosing a new PIN: enter it, then enter it again, on the PinPad. Renderer process. Used for the
// offline PIN, the admin PIN and staff PINs. Neither entry is kept once the two have been compared.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PinPad } from './PinPad';

export type NewPinEntryProps = {
  /** Label for the first entry, e.g. "Choose an offline PIN". */
  label: string;
  submitLabel: string;
  onSubmit(pin: string): unknown;
  /** A failure from the caller (e.g. main refused the PIN); shown on the first step. */
  error?: string | null;
  hint?: string;
  disabled?: boolean;
  autoFocus?: boolean;
  testId?: string;
};

export function NewPinEntry({ label, submitLabel, onSubmit, error, hint, disabled, autoFocus, testId }: NewPinEntryProps) {
  const { t } = useTranslation();
  const [first, setFirst] = useState<string | null>(null);
  const [mismatch, setMismatch] = useState(false);

  if (first === null) {
    return (
      <PinPad
        key="first"
        label={label}
        hint={hint ?? t('components.newPin.hint')}
        submitLabel={t('components.newPin.next')}
        error={mismatch ? t('components.newPin.mismatch') : error}
        disabled={disabled}
        autoFocus={autoFocus}
        testId={testId}
        onSubmit={(pin: string) => {
          setMismatch(false);
          setFirst(pin);
        }}
      />
    );
  }
  return (
    <PinPad
      key="again"
      label={t('components.newPin.again')}
      submitLabel={submitLabel}
      disabled={disabled}
      autoFocus
      testId={testId ? `${testId}-again` : undefined}
      onSubmit={async (pin: string) => {
        const chosen = first;
        setFirst(null);
        if (pin !== chosen) {
          setMismatch(true);
          return;
        }
        await onSubmit(pin);
      }}
    />
  );
}
