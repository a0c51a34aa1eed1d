// The sign-in screen (issue 6 §1), shown whenever nobody is signed in, whatever the route.
// Renderer process. Personal or shared mode comes from main's session view.
import { useTranslation } from 'react-i18next';
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
    </section>
  );
}
