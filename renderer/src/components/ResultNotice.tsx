// The unobtrusive "a result has arrived" notice in the app frame (renderer, issue 10 §1): on every
// screen while someone is signed in, never on the lock or sign-in screen; it names only the kiosk
// reference and opens the result detail. Not shown for the result already on screen.
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigation } from '../app/navigation-store';
import { getBridge } from '../bridge';
import { useCaptureStore } from '../stores/capture-store';
import { dismissArrival, startResultNoticesSync, useResultNotices } from '../stores/result-notices';
import { useSessionStore } from '../stores/session-store';
import './result-notice.css';

export function ResultNotice() {
  const { t } = useTranslation();
  const signedIn = useSessionStore((s) => s.session?.state === 'signed-in');
  const route = useNavigation((s) => s.route);
  const navigate = useNavigation((s) => s.navigate);
  const following = useCaptureStore((s) => (route.screen === 'capture' ? (s.receipt?.applicationId ?? null) : null));
  const arrivals = useResultNotices((s) => s.arrivals);
  useEffect(() => startResultNoticesSync(getBridge()), []);
  // A result open in detail is done with; one followed on the submitted screen is shown there
  // (the notice waits, in case staff leave without opening or finishing).
  const opened = (id: string) => route.screen === 'result-detail' && route.params.id === id;
  useEffect(() => {
    for (const a of arrivals) if (opened(a.id)) dismissArrival(a.id);
  });
  const shown = arrivals.filter((a) => !opened(a.id) && a.id !== following);
  if (!signedIn || shown.length === 0) return null;
  return (
    <div className="result-notices" role="status" aria-live="polite" data-testid="result-notices">
      {shown.map((a) => (
        <div key={a.id} className="result-notice" data-testid="result-notice" data-id={a.id}>
          <span>{t(a.origin === 'guest-link' ? 'capture.resultNotice.arrivedGuest' : a.origin === 'queued' ? 'capture.resultNotice.arrivedQueued' : 'capture.resultNotice.arrived', { reference: a.reference })}</span>
          <button
            type="button"
            className="button button-primary"
            onClick={() => {
              dismissArrival(a.id);
              navigate('result-detail', { id: a.id });
            }}
            data-testid="result-notice-open"
          >
            {t('capture.resultNotice.open')}
          </button>
          <button type="button" className="button button-quiet" onClick={() => dismissArrival(a.id)} aria-label={t('capture.resultNotice.dismiss', { reference: a.reference })}>
            ✕
          </button>
        </div>
      ))}
    </div>
  );
}
