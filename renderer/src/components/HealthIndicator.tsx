// The connection/health pill in the frame, fed by health.changed events and the bridge's connection.
import { useTranslation } from 'react-i18next';
import { useAppStore } from '../stores/app-store';
import { useDiskHealth, useDiskNumbers } from './DiskNotice';
import { healthMessage } from './health-words';
import { signInProblem } from './sign-in-problem';

export function HealthIndicator() {
  const { t } = useTranslation();
  const health = useAppStore((s) => s.health);
  const connection = useAppStore((s) => s.connection);
  const disk = useDiskHealth();
  const n = useDiskNumbers(disk);

  let tone: string;
  let text: string;
  if (connection !== 'open') {
    tone = 'down';
    text = connection === 'connecting' ? t('health.connecting') : t('health.disconnected');
  } else if (signInProblem(health)) {
    tone = 'down';
    text = t('health.signInProblem');
  } else if (!health) {
    tone = 'degraded';
    text = t('health.connecting');
  } else {
    tone = health.overall;
    // A full disk is the one thing staff can name and act on: the pill says so in plain words.
    text = disk?.state === 'down' ? t('disk.pill') : t(`health.${health.overall}`);
  }
  const diskText = disk?.state === 'down' ? t('disk.healthFull', n) : disk?.state === 'degraded' ? t('disk.healthLow', n) : t('disk.healthOk', n);
  const details = health?.components.map((c) => `${t(`health.components.${c.id}`)}: ${c.id === 'disk' ? diskText : healthMessage(t, c)}`).join('\n');

  return (
    <span className={`pill pill-${tone}`} data-testid="health-indicator" data-state={tone} role="status" aria-live="polite" aria-label={`${t('health.label')}: ${text}`} title={details}>
      <span className="pill-dot" aria-hidden="true" />
      {text}
    </span>
  );
}
