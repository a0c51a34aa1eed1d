// The signed-in staff member's name and the sign-out button, in the frame. Renderer process.
// Signing out forgets the visitor (stores reset, capture finished in main).
import { useTranslation } from 'react-i18next';
import { getBridge } from '../bridge';
import { signOutAndForget, useSessionStore } from '../stores/session-store';
import { ConfirmButton } from './ConfirmButton';

export function StaffMenu() {
  const { t } = useTranslation();
  const name = useSessionStore((s) => s.session?.staff?.displayName ?? null);
  const state = useSessionStore((s) => s.session?.state ?? null);
  if (!name || state === 'signed-out' || state === null) return null;
  return (
    <div className="staff-menu">
      <span className="staff-name" data-testid="staff-name">
        <span className="visually-hidden">{t('frame.signedInAs')} </span>
        {name}
      </span>
      {state === 'signed-in' && (
        <ConfirmButton title={t('frame.signOutTitle')} message={t('frame.signOutBody')} confirmLabel={t('frame.signOut')} onConfirm={() => signOutAndForget(getBridge())} testId="sign-out">
          {t('frame.signOut')}
        </ConfirmButton>
      )}
    </div>
  );
}
