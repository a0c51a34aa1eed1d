// Home: the start of every visit. For now it says what the station has and what is missing.
import { useTranslation } from 'react-i18next';
import { useAppStore } from '../../stores/app-store';

export function HomeScreen(_props: { params: Record<string, string> }) {
  const { t } = useTranslation();
  const info = useAppStore((s) => s.info);
  const health = useAppStore((s) => s.health);
  const startError = useAppStore((s) => s.startError);

  return (
    <section className="panel" data-testid="home-screen" aria-labelledby="home-title">
      <h1 id="home-title">{t('home.title')}</h1>
      <p>{t('home.intro')}</p>
      {info?.mode === 'demo' && <p data-testid="demo-intro">{t('home.demoIntro')} {info.modeReason}</p>}
      {startError && <p className="error-text" role="alert">{t('errors.startFailed', { message: startError })}</p>}
      {health && (
        <>
          <h2>{t('home.statusTitle')}</h2>
          <ul className="status-list" data-testid="status-list">
            {health.components.map((c) => (
              <li key={c.id} data-state={c.state}>
                <strong>{t(`health.components.${c.id}`)}</strong> — {t(`health.${c.state}`)}
                <span className="status-detail">{c.message}</span>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
