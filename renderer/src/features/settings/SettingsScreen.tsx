// Settings (issue 6 §8), for admins: TrustID connection and credentials, secret storage, readers,
// the kiosk (idle time, language, full screen), quality and retention, the account mode, and in
// shared mode the staff accounts; the settings file's problem when it has one. Renderer process.
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { getBridge } from '../../bridge';
import { useSessionStore } from '../../stores/session-store';
import { loadSettings, useSettingsStore } from '../../stores/settings-store';
import { AccountModeSection } from './AccountModeSection';
import { AdminGate } from './AdminGate';
import { KioskSection } from './KioskSection';
import { PolicySection } from './PolicySection';
import { ReadersSection } from './ReadersSection';
import { SecuritySection } from './SecuritySection';
import { StaffSection } from './StaffSection';
import { TrustIdSection } from './TrustIdSection';

export function SettingsScreen(_props: { params: Record<string, string> }) {
  const admin = useSessionStore((s) => s.session?.admin ?? false);
  return admin ? <SettingsPanels /> : <AdminGate />;
}

function SettingsPanels() {
  const { t } = useTranslation();
  const view = useSettingsStore((s) => s.view);
  const loadError = useSettingsStore((s) => s.loadError);
  const shared = useSessionStore((s) => s.session?.accountMode === 'shared');

  useEffect(() => void loadSettings(getBridge()), []);

  return (
    <div className="settings" data-testid="settings-screen">
      <h1 id="settings-title">{t('settings.title')}</h1>
      {loadError && (
        <div role="alert">
          <p className="field-error">{loadError}</p>
          <button type="button" className="button" onClick={() => void loadSettings(getBridge())}>
            {t('settings.tryAgain')}
          </button>
        </div>
      )}
      {!view && !loadError && <p role="status">{t('settings.loading')}</p>}
      {view && (
        <>
          {view.file.problem && (
            <div className="settings-file-problem" role="alert" data-testid="settings-file-problem">
              <p>
                <strong>{t('settings.fileProblem.title')}</strong>
              </p>
              <p>{view.file.problem}</p>
              <p>{t('settings.fileProblem.body', { path: view.file.path })}</p>
            </div>
          )}
          <TrustIdSection view={view} />
          <SecuritySection view={view} />
          <ReadersSection />
          <KioskSection view={view} />
          <PolicySection view={view} />
          <AccountModeSection view={view} />
          {shared && <StaffSection />}
        </>
      )}
    </div>
  );
}
