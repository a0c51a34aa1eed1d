// The frame around every screen: product name, mode badge, health pill, notices.
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useAppStore } from '../stores/app-store';
import { HealthIndicator } from './HealthIndicator';
import { ModeBadge } from './ModeBadge';
import { NoticeBanner } from './NoticeBanner';

export function AppFrame({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const info = useAppStore((s) => s.info);
  return (
    <div className={`frame${info?.mode === 'demo' ? ' frame-demo' : ''}`}>
      <a className="skip-link" href="#main">
        {t('frame.skipToContent')}
      </a>
      <header className="frame-header">
        <span className="product">{t('frame.productName')}</span>
        {info && <ModeBadge mode={info.mode} />}
        <span className="frame-spacer" />
        <HealthIndicator />
      </header>
      <NoticeBanner />
      <main id="main" className="frame-main" tabIndex={-1}>
        {children}
      </main>
    </div>
  );
}
