// The lockout screen: the account is locked (too many attempts, or by TrustID), what that means
// and what to do. Renderer process.
import { useTranslation } from 'react-i18next';
import { ScreenHeading } from '../../components/ScreenHeading';

export function LockedOut({ message, onBack }: { message: string; onBack: () => void }) {
  const { t } = useTranslation();
  return (
    <div className="sign-in-step" data-testid="sign-in-locked">
      <ScreenHeading focusOnMount>{t('signIn.locked.title')}</ScreenHeading>
      <p role="alert">{message}</p>
      <p>{t('signIn.locked.whatToDo')}</p>
      <button type="button" className="button" onClick={onBack}>
        {t('signIn.locked.back')}
      </button>
    </div>
  );
}
