// Checks saved on this kiosk before it restarted that TrustID has not got yet (renderer, issue 11
// §2): shown where staff start a check, each with its state and what will happen, so nobody scans
// those visitors again (TrustID would get two applications). Kiosk references only.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SubmissionView } from '../../../../preload/contract';
import { getBridge } from '../../bridge';
import { StatusBadge } from '../../components/StatusBadge';

export function RecoveredChecks() {
  const { t } = useTranslation();
  const [checks, setChecks] = useState<SubmissionView[]>([]);
  useEffect(() => {
    const bridge = getBridge();
    const stop = bridge.on('capture.submissionChanged', (next) => setChecks((list) => list.map((c) => (c.applicationId === next.applicationId ? next : c))));
    bridge.invoke('capture.recovered').then(setChecks, () => setChecks([]));
    return stop;
  }, []);
  if (checks.length === 0) return null;
  // Numeric day/month and 24-hour time read the same in English and Welsh (Chromium has no Welsh date data).
  const time = new Intl.DateTimeFormat('en-GB', { day: '2-digit', month: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
  return (
    <section className="capture-section" aria-labelledby="recovered-title" data-testid="recovered-checks">
      <h2 id="recovered-title">{t('capture.recovered.title')}</h2>
      <p>{t('capture.recovered.intro')}</p>
      <ul className="plain-list">
        {checks.map((c) => (
          <li key={c.applicationId} data-testid="recovered-check" data-stage={c.stage}>
            <strong>{c.localReference}</strong> · {time.format(c.savedAt)} ·{' '}
            <StatusBadge tone={c.stage === 'attention' ? 'bad' : c.stage === 'checking' || c.stage === 'result' ? 'ok' : 'busy'}>{t(`capture.recovered.stage.${c.stage}`)}</StatusBadge>{' '}
            {t(`capture.recovered.next.${c.stage === 'attention' ? 'attention' : c.offline ? 'offline' : 'sending'}`)}
          </li>
        ))}
      </ul>
    </section>
  );
}
