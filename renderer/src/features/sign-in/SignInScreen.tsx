// The sign-in screen (issue 6 §1), shown whenever nobody is signed in, whatever the route.
// Renderer process. Personal or shared mode comes from main's session view.
import { useTranslation } from 'react-i18next';
import { useNavigation } from '../../app/navigation-store';
import { useSessionStore } from '../../stores/session-store';
import { PersonalSignIn } from './PersonalSignIn';
import { SharedSignIn } from './SharedSignIn';

export function SignInScreen(_props: { params: Record<string, string> }) {
  const { t } = useTranslation();
  const mode = useSessionStore((s) => s.session?.accountMode ?? null);
  const online = useSessionStore((s) => s.session?.online ?? false);
  return (
    <section className="panel sign-in" data-testid="sign-in-screen" aria-label={t('signIn.screenLabel')}>
      {mode === 'shared' ? <SharedSignIn /> : <PersonalSignIn online={online} />}
      <AdminRoute />
    </section>
  );
}

/**
 * The administrator's way in when nobody can sign in (issue 11 §3: a wrong TrustID password once
 * locked everyone out): Settings asks for the admin PIN, or to set one on a new kiosk.
 */
function AdminRoute() {
  const { t } = useTranslation();
  const navigate = useNavigation((s) => s.navigate);
  return (
    <p className="admin-route">
      <button type="button" className="button button-quiet" onClick={() => navigate('settings')} data-testid="sign-in-admin-settings">
        {t('signIn.adminSettings')}
      </button>
    </p>
  );
}
