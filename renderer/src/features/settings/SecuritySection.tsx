// Where secrets are kept: the OS key store's status, the "accept a key file" switch with its plain
// warning (DESIGN: it fails closed unless an admin accepts a file key), and changing the admin PIN.
// Renderer process.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SettingsView } from '../../../../preload/contract';
import { getBridge } from '../../bridge';
import { errorText } from '../../i18n/error-text';
import { Dialog } from '../../components/Dialog';
import { NewPinEntry } from '../../components/NewPinEntry';
import { PinPad } from '../../components/PinPad';
import { StatusBadge } from '../../components/StatusBadge';
import { applySession } from '../../stores/session-store';
import { SaveStatus, runSave, type SaveState } from './SaveStatus';
import { changeSettings } from './settings-actions';

export function SecuritySection({ view }: { view: SettingsView }) {
  const { t } = useTranslation();
  const accepted = view.settings.security.acceptFileKey;
  const [asking, setAsking] = useState(false);
  const [state, setState] = useState<SaveState>({ kind: 'idle' });

  const setAccept = (on: boolean) => runSave(setState, () => changeSettings((s) => ({ ...s, security: { ...s.security, acceptFileKey: on } })));

  return (
    <section className="panel settings-section" aria-labelledby="settings-security" data-testid="settings-security">
      <h2 id="settings-security">{t('settings.security.title')}</h2>
      <p>
        <StatusBadge tone={view.secretStorage.available ? 'ok' : 'bad'} testId="secret-storage-status">
          {view.secretStorage.available ? t('settings.security.available') : t('settings.security.unavailable')}
        </StatusBadge>
      </p>
      <p>{view.secretStorage.available ? t('settings.security.availableWhy') : t('settings.security.unavailableWhy')}</p>
      {/* Main's own words (English, for the log and support), folded away from staff. */}
      <details className="field-hint">
        <summary>{t('settings.security.technical')}</summary>
        <span lang="en">{view.secretStorage.reason}</span>
      </details>
      <div className="switch-row">
        <button
          type="button"
          role="switch"
          aria-checked={accepted}
          className={`switch${accepted ? ' switch-on' : ''}`}
          onClick={() => (accepted ? void setAccept(false) : setAsking(true))}
          disabled={state.kind === 'saving'}
          data-testid="accept-file-key"
          aria-describedby="accept-file-key-warning"
        >
          <span className="switch-knob" aria-hidden="true" />
          {t('settings.security.acceptFileKey')}
        </button>
      </div>
      <p id="accept-file-key-warning" className="settings-warning">
        {t('settings.security.fileKeyWarning')}
      </p>
      <SaveStatus state={state} />
      <Dialog
        open={asking}
        title={t('settings.security.confirmTitle')}
        role="alertdialog"
        onClose={() => setAsking(false)}
        actions={
          <>
            <button type="button" className="button" onClick={() => setAsking(false)}>
              {t('components.cancel')}
            </button>
            <button type="button" className="button button-danger" onClick={() => (setAsking(false), void setAccept(true))}>
              {t('settings.security.confirm')}
            </button>
          </>
        }
      >
        <p>{t('settings.security.fileKeyWarning')}</p>
        <p>{t('settings.security.confirmBody')}</p>
      </Dialog>
      <AdminPinChange />
    </section>
  );
}

/** Changing the admin PIN: the current one, then the new one twice. */
function AdminPinChange() {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const [current, setCurrent] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState(false);
  const close = () => {
    setOpen(false);
    setCurrent(null);
    setError(null);
  };
  const save = async (newPin: string) => {
    setError(null);
    try {
      applySession(await getBridge().invoke('session.setAdminPin', { currentPin: current ?? undefined, newPin }));
      close();
      setDone(true);
    } catch (failure) {
      setCurrent(null);
      setError(errorText(t, failure));
    }
  };
  return (
    <>
      <h3>{t('settings.security.adminPin')}</h3>
      <button type="button" className="button" onClick={() => (setDone(false), setOpen(true))} data-testid="change-admin-pin">
        {t('settings.security.changeAdminPin')}
      </button>
      <p role="status" className="save-status">
        {done ? t('settings.security.adminPinChanged') : ''}
      </p>
      <Dialog open={open} title={t('settings.security.changeAdminPin')} onClose={close} actions={<button type="button" className="button" onClick={close}>{t('components.cancel')}</button>}>
        {current === null ? (
          <PinPad label={t('settings.security.currentPin')} submitLabel={t('components.newPin.next')} error={error} onSubmit={(pin: string) => setCurrent(pin)} testId="admin-pin-current" />
        ) : (
          <NewPinEntry label={t('settings.security.newPin')} submitLabel={t('settings.security.saveAdminPin')} onSubmit={save} testId="admin-pin-change" />
        )}
      </Dialog>
    </>
  );
}
