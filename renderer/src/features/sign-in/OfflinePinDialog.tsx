// After a first online sign-in on this kiosk (personal mode), offers to set an offline PIN so the
// staff member can sign in here when TrustID cannot be reached. Renderer process. The verifier
// lives in main, which also makes it expire; the renderer only passes the PIN through once.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { getBridge } from '../../bridge';
import { Dialog } from '../../components/Dialog';
import { NewPinEntry } from '../../components/NewPinEntry';
import { applySession, setOfferOfflinePin, useSessionStore } from '../../stores/session-store';

export function OfflinePinDialog() {
  const { t } = useTranslation();
  const open = useSessionStore((s) => s.offerOfflinePin && s.session?.state === 'signed-in' && s.session.accountMode === 'personal' && !s.session.offlinePinSet);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const notNow = () => {
    setError(null);
    setOfferOfflinePin(false);
  };
  const save = async (pin: string) => {
    setBusy(true);
    setError(null);
    try {
      const view = await getBridge().invoke('session.setOfflinePin', { pin });
      setOfferOfflinePin(false);
      applySession(view);
    } catch (failure) {
      setError((failure as Error).message);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Dialog
      open={open}
      title={t('signIn.offlinePinOffer.title')}
      onClose={busy ? undefined : notNow}
      testId="offline-pin-offer"
      actions={
        <button type="button" className="button" onClick={notNow} disabled={busy}>
          {t('signIn.offlinePinOffer.notNow')}
        </button>
      }
    >
      <p>{t('signIn.offlinePinOffer.body')}</p>
      <NewPinEntry label={t('signIn.offlinePinOffer.choose')} submitLabel={t('signIn.offlinePinOffer.save')} onSubmit={save} error={error} disabled={busy} testId="offline-pin" />
    </Dialog>
  );
}
