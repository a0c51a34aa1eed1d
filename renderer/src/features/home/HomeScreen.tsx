// Home (issue 6 §2): the start of every visit. Large tiles for each task, the sync status, and
// what this station has (health). Renderer process.
import { useTranslation } from 'react-i18next';
import { useNavigation, type ScreenId } from '../../app/navigation-store';
import { StatusBadge } from '../../components/StatusBadge';
import { healthMessage } from '../../components/health-words';
import { useAppStore } from '../../stores/app-store';
import { useQueueStore } from '../../stores/queue-store';
import { useSessionStore } from '../../stores/session-store';

type Tile = { id: string; screen: ScreenId; primary?: boolean };

const TILES: Tile[] = [
  { id: 'newCheck', screen: 'capture', primary: true },
  { id: 'queue', screen: 'queue' },
  { id: 'results', screen: 'results' },
  { id: 'guest', screen: 'guest-link' },
  { id: 'queued', screen: 'queued' },
  { id: 'queuedPrepare', screen: 'queuedPrepare' },
  { id: 'settings', screen: 'settings' },
];

export function HomeScreen(_props: { params: Record<string, string> }) {
  const { t } = useTranslation();
  const navigate = useNavigation((s) => s.navigate);
  const name = useSessionStore((s) => s.session?.staff?.displayName ?? null);
  const admin = useSessionStore((s) => s.session?.admin ?? false);
  const isDemo = useAppStore((s) => s.info?.mode === 'demo');
  // Worded here from main's code, so Welsh screens get Welsh (issue 11 §5); main's English otherwise.
  const modeReason = useAppStore((s) => (s.info?.modeReasonCode ? t(`home.modeReasons.${s.info.modeReasonCode}`) : (s.info?.modeReason ?? '')));
  const startError = useAppStore((s) => s.startError);

  return (
    <section className="home" data-testid="home-screen" aria-labelledby="home-title">
      <h1 id="home-title">{t('home.title')}</h1>
      {name && <p className="home-greeting">{t('home.greeting', { name })}</p>}
      {isDemo && (
        <p className="home-demo" data-testid="demo-intro">
          {t('home.demoIntro')} {modeReason}
        </p>
      )}
      {startError && (
        <p className="error-text" role="alert">
          {t('errors.startFailed', { message: startError })}
        </p>
      )}
      <ul className="tiles" aria-label={t('home.tilesLabel')}>
        {TILES.map((tile) => (
          <li key={tile.id}>
            <button
              type="button"
              className={`tile${tile.primary ? ' tile-primary' : ''}`}
              onClick={() => navigate(tile.screen)}
              data-testid={`tile-${tile.id}`}
            >
              {/* Named by its visible words; the spaces keep them apart in the accessible name. */}
              <span className="tile-title">{t(`home.tiles.${tile.id}.title`)}</span>{' '}
              <span className="tile-text">
                {tile.id === 'settings' && !admin ? t('home.tiles.settings.needsPin') : t(`home.tiles.${tile.id}.text`)}
              </span>
              {tile.id === 'queue' && (
                <>
                  {' '}
                  <QueueCount />
                </>
              )}
            </button>
          </li>
        ))}
      </ul>
      <StationStatus />
    </section>
  );
}

function QueueCount() {
  const { t } = useTranslation();
  const pending = useQueueStore((s) => s.summary?.pending ?? null);
  const attention = useQueueStore((s) => s.summary?.actionNeeded ?? null);
  if (attention) return <StatusBadge tone="bad">{t('home.queueAttention')}</StatusBadge>;
  if (pending === null) return null;
  return <StatusBadge tone={pending > 0 ? 'info' : 'ok'}>{t('home.queuePending', { pending })}</StatusBadge>;
}

/** What this station has: each part's health in words (moved down from the old home screen). */
function StationStatus() {
  const { t } = useTranslation();
  const health = useAppStore((s) => s.health);
  if (!health) return null;
  return (
    <section className="panel station-status" aria-labelledby="station-status-title">
      <h2 id="station-status-title">{t('home.statusTitle')}</h2>
      <ul className="status-list" data-testid="status-list">
        {health.components.map((c) => (
          <li key={c.id} data-state={c.state}>
            <strong>{t(`health.components.${c.id}`)}</strong> — {t(`health.${c.state}`)}
            <span className="status-detail">{healthMessage(t, c)}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
