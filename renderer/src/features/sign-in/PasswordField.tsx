// A password input with a show/hide toggle. Renderer process. The value lives only in the caller's
// component state, which clears it on submit; autocomplete is off so the browser keeps no copy.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { TextField } from '../../components/TextField';

export function PasswordField(props: { label: string; value: string; onChange(value: string): void; error?: string | null; hint?: string; testId?: string; autoFocus?: boolean; disabled?: boolean }) {
  const { t } = useTranslation();
  const [shown, setShown] = useState(false);
  return (
    <div className="password-field">
      <TextField {...props} type={shown ? 'text' : 'password'} autoComplete="off" spellCheck={false} autoCapitalize="off" />
      <button type="button" className="button button-quiet password-toggle" aria-pressed={shown} onClick={() => setShown((s) => !s)}>
        {shown ? t('signIn.hidePassword') : t('signIn.showPassword')}
      </button>
    </div>
  );
}
