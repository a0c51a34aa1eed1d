// Settings (issue 6 §8, issue 11 §3), for admins: one section at a time, chosen from the list on
// the left, each with one Save and a question before unsaved changes are left behind. Reachable
// signed out through the admin PIN, so a kiosk whose staff cannot sign in can still be put right.
// Renderer process.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { setLeaveGuard } from '../../app/leave-guard';
import { useNavigation } from '../../app/navigation-store';
import { getBridge } from '../../bridge';
import { Dialog } from '../../components/Dialog';
import { useAppStore } from '../../stores/app-store';
import { useSessionStore } from '../../stores/session-store';
import { loadSettings, useSettingsStore } from '../../stores/settings-store';
import { AccountModeSection } from './AccountModeSection';
import { AdminGate } from './AdminGate';
import { DemoSection } from './DemoSection';
import { KioskSection } from './KioskSection';
import { LanguageSection } from './LanguageSection';
import { PolicySection } from './PolicySection';
import { ReadersSection } from './ReadersSection';
import { SecuritySection } from './SecuritySection';
import { anyUnsaved, clearUnsaved } from './settings-dirty';
import { StaffSection } from './StaffSection';
import { TrustIdSection } from './TrustIdSection';
import './settings.css';

export type SectionId = 'trustid' | 'staff' | 'readers' | 'quality' | 'security' | 'kiosk' | 'language' | 'demo';

export function SettingsScreen(_props: { params: Record<string, string> }) {
  const admin = useSessionStore((s) => s.session?.admin ?? false);
  const signedOut = useSessionStore((s) => s.session?.state === 'signed-out');
  if (admin) return <SettingsPanels signedOut={signedOut} />;
  return (
    <>
      <AdminGate />
      {signedOut && <BackToSignIn />}
    </>
  );
}

function BackToSignIn() {
  const { t } = useTranslation();
  const reset = useNavigation((s) => s.reset);
  return (
    <button type="button" className="button button-quiet settings-back" onClick={() => reset('home')} data-testid="settings-back-to-sign-in">
      {t('settings.backToSignIn')}
    </button>
  );
}

/** The sections on offer: readers and demo controls need someone signed in; demo only in demo mode. */
export function sectionsFor(opts: { signedOut: boolean; demo: boolean }): SectionId[] {
  const all: SectionId[] = ['trustid', 'staff', 'readers', 'quality', 'security', 'kiosk', 'language', 'demo'];
  return all.filter((id) => !(opts.signedOut && (id === 'readers' || id === 'demo')) && (id !== 'demo' || opts.demo));
}

function SettingsPanels({ signedOut }: { signedOut: boolean }) {
  const { t } = useTranslation();
  const view = useSettingsStore((s) => s.view);
  const loadError = useSettingsStore((s) => s.loadError);
  const demo = useAppStore((s) => s.info?.mode === 'demo');
  const shared = useSessionStore((s) => s.session?.accountMode === 'shared');
  const sections = sectionsFor({ signedOut, demo });
  const [chosen, setChosen] = useState<SectionId>('trustid');
  const section = sections.includes(chosen) ? chosen : 'trustid';
  // A move that waits for "Leave without saving".
  const [pending, setPending] = useState<(() => void) | null>(null);

  useEffect(() => void loadSettings(getBridge()), []);
  useEffect(() => {
    const release = setLeaveGuard((proceed) => {
      if (!anyUnsaved()) return true;
      setPending(() => proceed);
      return false;
    });
    return () => {
      release();
      clearUnsaved();
    };
  }, []);

  const choose = (id: SectionId) => {
    if (id === section) return;
    if (anyUnsaved()) setPending(() => () => setChosen(id));
    else setChosen(id);
  };

  return (
    <div className="settings" data-testid="settings-screen" data-section={section}>
      <div className="settings-head">
        <h1 id="settings-title">{t('settings.title')}</h1>
        {signedOut && (
          <p className="settings-signed-out" role="note">
            {t('settings.signedOutNote')}
          </p>
        )}
        {signedOut && <BackToSignIn />}
      </div>
      {loadError && (
        <div role="alert">
          <p className="field-error">{loadError}</p>
          <button type="button" className="button" onClick={() => void loadSettings(getBridge())}>
            {t('settings.tryAgain')}
          </button>
        </div>
      )}
      {!view && !loadError && (
        <p role="status" aria-busy="true">
          <span className="spinner" aria-hidden="true" /> {t('settings.loading')}
        </p>
      )}
      {view?.file.problem && (
        <div className="settings-file-problem" role="alert" data-testid="settings-file-problem">
          <p>
            <strong>{t('settings.fileProblem.title')}</strong>
          </p>
          <p>{view.file.problem}</p>
          <p>{t('settings.fileProblem.body', { path: view.file.path })}</p>
        </div>
      )}
      {view && (
        <div className="settings-body">
          <nav className="settings-nav" aria-label={t('settings.sectionsLabel')}>
            <ul>
              {sections.map((id) => (
                <li key={id}>
                  <button type="button" className="button settings-nav-item" aria-current={id === section ? 'page' : undefined} onClick={() => choose(id)} data-testid={`settings-nav-${id}`}>
                    {t(`settings.sections.${id}`)}
                  </button>
                </li>
              ))}
            </ul>
          </nav>
          <div className="settings-view" key={section}>
            {section === 'trustid' && <TrustIdSection view={view} />}
            {section === 'staff' && (
              <>
                <AccountModeSection view={view} />
                {shared ? <StaffSection /> : <p className="panel">{t('settings.staff.personalNote')}</p>}
              </>
            )}
            {section === 'readers' && <ReadersSection />}
            {section === 'quality' && <PolicySection view={view} />}
            {section === 'security' && <SecuritySection view={view} />}
            {section === 'kiosk' && <KioskSection view={view} />}
            {section === 'language' && <LanguageSection view={view} />}
            {section === 'demo' && <DemoSection />}
          </div>
        </div>
      )}
      <Dialog
        open={pending !== null}
        title={t('settings.unsavedTitle')}
        role="alertdialog"
        onClose={() => setPending(null)}
        testId="settings-unsaved-dialog"
        actions={
          <>
            <button type="button" className="button button-primary" onClick={() => setPending(null)}>
              {t('settings.keepEditing')}
            </button>
            <button
              type="button"
              className="button button-danger"
              onClick={() => {
                const go = pending;
                clearUnsaved();
                setPending(null);
                go?.();
              }}
            >
              {t('settings.discardChanges')}
            </button>
          </>
        }
      >
        <p>{t('settings.unsavedBody')}</p>
      </Dialog>
    </div>
  );
}
