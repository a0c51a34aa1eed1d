// Settings need admin rights (issue 6 §8): an admin account, or the admin PIN for this sign-in
// (`session.elevate`). On first run, when no admin PIN exists, it asks to set one
// (`session.setAdminPin`). Renderer process.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SessionView } from '../../../../preload/contract';
import { getBridge } from '../../bridge';
import { errorText } from '../../i18n/error-text';
import { NewPinEntry } from '../../components/NewPinEntry';
import { PinPad } from '../../components/PinPad';
import { ScreenHeading } from '../../components/ScreenHeading';
import { applySession, useSessionStore } from '../../stores/session-store';

/** Sets the first admin PIN and opens Settings with it, so the administrator types it only twice. */
async function setThenOpen(newPin: string): Promise<SessionView> {
  const bridge = getBridge();
  const view = await bridge.invoke('session.setAdminPin', { newPin });
  return view.admin ? view : bridge.invoke('session.elevate', { pin: newPin });
}

export function AdminGate() {
  const { t } = useTranslation();
  const adminPinSet = useSessionStore((s) => s.session?.adminPinSet ?? true);
  const [error, setError] = useState<string | null>(null);

  const run = async (call: () => Promise<SessionView>) => {
    setError(null);
    try {
      applySession(await call());
    } catch (failure) {
      setError(errorText(t, failure));
    }
  };

  if (!adminPinSet) {
    return (
      <section className="panel admin-gate" data-testid="settings-set-admin-pin" aria-labelledby="admin-gate-title">
        <ScreenHeading id="admin-gate-title">{t('settings.gate.setTitle')}</ScreenHeading>
        <p>{t('settings.gate.setIntro')}</p>
        <NewPinEntry label={t('settings.gate.choose')} submitLabel={t('settings.gate.save')} error={error} autoFocus onSubmit={(newPin: string) => run(() => setThenOpen(newPin))} testId="admin-pin-new" />
      </section>
    );
  }
  return (
    <section className="panel admin-gate" data-testid="settings-admin-gate" aria-labelledby="admin-gate-title">
      <ScreenHeading id="admin-gate-title">{t('settings.gate.title')}</ScreenHeading>
      <p>{t('settings.gate.intro')}</p>
      <PinPad label={t('settings.gate.pin')} submitLabel={t('settings.gate.open')} error={error} autoFocus onSubmit={(pin: string) => run(() => getBridge().invoke('session.elevate', { pin }))} testId="admin-pin" />
    </section>
  );
}
