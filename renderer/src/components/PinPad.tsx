// PIN entry for touch and keyboard: a masked field that takes typed digits, a 3×4 pad of large
// buttons, Enter or the submit button to send. Renderer process. The PIN lives only in this
// component's state and is cleared the moment it is submitted (issue 6: nothing secret in stores).
import { useEffect, useId, useRef, useState, type FormEvent, type KeyboardEvent, type Ref } from 'react';
import { useTranslation } from 'react-i18next';

export type PinPadProps = {
  /** Names the field, e.g. "Your PIN". */
  label: string;
  submitLabel: string;
  /** Receives the PIN; the pad is already cleared when this runs. A promise keeps the pad busy. */
  onSubmit(pin: string): unknown;
  minLength?: number;
  maxLength?: number;
  /** Shown under the field and announced; say what happened and what to do. */
  error?: string | null;
  hint?: string;
  disabled?: boolean;
  autoFocus?: boolean;
  testId?: string;
  inputRef?: Ref<HTMLInputElement>;
};

const DIGITS = ['1', '2', '3', '4', '5', '6', '7', '8', '9'];

export function PinPad({ label, submitLabel, onSubmit, minLength = 4, maxLength = 12, error, hint, disabled = false, autoFocus = false, testId, inputRef }: PinPadProps) {
  const { t } = useTranslation();
  const id = useId();
  const [pin, setPin] = useState('');
  const [busy, setBusy] = useState(false);
  const localInput = useRef<HTMLInputElement | null>(null);
  const off = disabled || busy;
  const wasBusy = useRef(false);

  // The field is disabled while the PIN is checked, which drops focus; give it back so a wrong
  // PIN can be typed again straight away.
  useEffect(() => {
    if (wasBusy.current && !busy && !disabled) {
      const active = document.activeElement;
      if (!active || active === document.body) localInput.current?.focus();
    }
    wasBusy.current = busy;
  }, [busy, disabled]);

  const setDigits = (value: string) => setPin(value.replace(/\D/g, '').slice(0, maxLength));
  const append = (digit: string) => setPin((p) => (p.length < maxLength ? p + digit : p));
  const removeLast = () => setPin((p) => p.slice(0, -1));

  const submit = async (event?: FormEvent) => {
    event?.preventDefault();
    if (off || pin.length < minLength) return;
    const entered = pin;
    setPin('');
    setBusy(true);
    try {
      await onSubmit(entered);
    } finally {
      setBusy(false);
    }
  };

  // Typing digits while a pad button has focus still enters them; Backspace deletes.
  const onPadKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (off) return;
    if (/^\d$/.test(event.key)) {
      event.preventDefault();
      append(event.key);
    } else if (event.key === 'Backspace') {
      event.preventDefault();
      removeLast();
    }
  };

  const describedBy = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(' ') || undefined;
  const setRefs = (el: HTMLInputElement | null) => {
    localInput.current = el;
    if (typeof inputRef === 'function') inputRef(el);
    else if (inputRef) (inputRef as { current: HTMLInputElement | null }).current = el;
  };

  return (
    <form className="pin-pad" onSubmit={submit} data-testid={testId} noValidate>
      <label className="field-label" htmlFor={`${id}-input`}>
        {label}
      </label>
      {hint && (
        <p id={`${id}-hint`} className="field-hint">
          {hint}
        </p>
      )}
      <input
        ref={setRefs}
        id={`${id}-input`}
        className="field-input pin-input"
        type="password"
        inputMode="numeric"
        autoComplete="off"
        autoFocus={autoFocus}
        value={pin}
        disabled={off}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
        maxLength={maxLength}
        onChange={(e) => setDigits(e.target.value)}
        data-testid={testId ? `${testId}-input` : undefined}
      />
      <p id={`${id}-error`} className="field-error" role="alert">
        {error ?? ''}
      </p>
      <div className="pin-keys" role="group" aria-label={t('components.pinPad.keys')} onKeyDown={onPadKeyDown}>
        {DIGITS.map((d) => (
          <button key={d} type="button" className="button pin-key" disabled={off} onClick={() => append(d)}>
            {d}
          </button>
        ))}
        <button type="button" className="button pin-key pin-key-quiet" disabled={off || pin.length === 0} onClick={() => setPin('')}>
          {t('components.pinPad.clear')}
        </button>
        <button type="button" className="button pin-key" disabled={off} onClick={() => append('0')}>
          0
        </button>
        <button type="button" className="button pin-key pin-key-quiet" disabled={off || pin.length === 0} onClick={removeLast} aria-label={t('components.pinPad.deleteLabel')}>
          <span aria-hidden="true">⌫</span>
        </button>
      </div>
      <button type="submit" className="button button-primary pin-submit" disabled={off || pin.length < minLength} aria-busy={busy || undefined}>
        {busy ? t('components.working') : submitLabel}
      </button>
    </form>
  );
}
