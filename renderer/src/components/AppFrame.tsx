// The frame around every screen: product name, mode badge, the way home, sync and health pills,
// the signed-in staff member with sign-out, notices. Renderer process.
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { requestLeave } from '../app/leave-guard';
import { useNavigation } from '../app/navigation-store';
import { useAppStore } from '../stores/app-store';
import { useSessionStore } from '../stores/session-store';
import { DiskNotice } from './DiskNotice';
import { HealthIndicator } from './HealthIndicator';
import { ModeBadge } from './ModeBadge';
import { NoticeBanner } from './NoticeBanner';
import { ResultNotice } from './ResultNotice';
import { StaffMenu } from './StaffMenu';
import { SyncPill } from './SyncPill';

export function AppFrame({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const mode = useAppStore((s) => s.info?.mode ?? null);
  const signedIn = useSessionStore((s) => s.session?.state === 'signed-in');
  const atHome = useNavigation((s) => s.route.screen === 'home');
  const reset = useNavigation((s) => s.reset);
  return (
    <div className={`frame${mode === 'demo' ? ' frame-demo' : ''}`}>
      <a className="skip-link" href="#main">
        {t('frame.skipToContent')}
      </a>
      <header className="frame-header">
        <span className="product">{t('frame.productName')}</span>
        {mode && <ModeBadge mode={mode} />}
        {signedIn && !atHome && (
          <button type="button" className="button frame-home" onClick={() => requestLeave(() => reset('home'))} data-testid="frame-home">
            {t('frame.home')}
          </button>
        )}
        <span className="frame-spacer" />
        <SyncPill />
        <HealthIndicator />
        <StaffMenu />
      </header>
      <DiskNotice />
      <NoticeBanner />
      <ResultNotice />
      <main id="main" className="frame-main" tabIndex={-1}>
        {children}
      </main>
    </div>
  );
}
