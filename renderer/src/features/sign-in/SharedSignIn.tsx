// Shared mode sign-in (issue 6 §1): the admin's TrustID account submits everything; staff pick
// their name from the kiosk's local accounts and enter their PIN. Renderer process.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { getBridge } from '../../bridge';
import { PinPad } from '../../components/PinPad';
import { ScreenHeading } from '../../components/ScreenHeading';
import { TextField } from '../../components/TextField';
import { useAppStore } from '../../stores/app-store';
import { applySession } from '../../stores/session-store';
import { LockedOut } from './LockedOut';
import { classifySignInError } from './sign-in-errors';

type Person = { id: string; displayName: string };

/** Beyond this many names a filter box helps more than scrolling. */
const FILTER_FROM = 9;

export function SharedSignIn() {
  const { t } = useTranslation();
  const [people, setPeople] = useState<Person[] | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [filter, setFilter] = useState('');
  const [chosen, setChosen] = useState<Person | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [locked, setLocked] = useState<string | null>(null);
  const demo = useAppStore((s) => s.info?.mode === 'demo');

  const load = () => {
    setLoadError(null);
    getBridge()
      .invoke('staff.directory')
      .then(
        (list) => setPeople([...list].sort((a, b) => a.displayName.localeCompare(b.displayName))),
        (failure: Error) => setLoadError(failure.message),
      );
  };
  useEffect(load, []);

  const submitPin = async (pin: string) => {
    if (!chosen) return;
    setError(null);
    try {
      applySession(await getBridge().invoke('session.signIn', { method: 'local', staffId: chosen.id, pin }));
    } catch (failure) {
      const result = classifySignInError(failure);
      if (result.kind === 'locked') setLocked(result.message);
      else setError(result.message);
    }
  };

  const choose = (person: Person | null) => {
    setChosen(person);
    setError(null);
  };

  if (locked) return <LockedOut message={locked} onBack={() => (setLocked(null), choose(null))} />;

  if (chosen) {
    return (
      <div className="sign-in-step" data-testid="sign-in-shared-pin">
        <ScreenHeading>{t('signIn.shared.pinTitle', { name: chosen.displayName })}</ScreenHeading>
        <PinPad label={t('signIn.shared.pin')} submitLabel={t('signIn.submit')} onSubmit={submitPin} error={error} autoFocus testId="sign-in-pin" />
        <button type="button" className="button button-quiet" onClick={() => choose(null)}>
          {t('signIn.shared.notMe')}
        </button>
      </div>
    );
  }

  const shown = people?.filter((p) => p.displayName.toLowerCase().includes(filter.trim().toLowerCase())) ?? [];
  return (
    <div className="sign-in-step" data-testid="sign-in-shared">
      <ScreenHeading>{t('signIn.shared.title')}</ScreenHeading>
      {loadError && (
        <div role="alert">
          <p className="field-error">{loadError}</p>
          <button type="button" className="button" onClick={load}>
            {t('signIn.tryAgain')}
          </button>
        </div>
      )}
      {people === null && !loadError && <p role="status">{t('signIn.shared.loading')}</p>}
      {people?.length === 0 && <p role="status">{t('signIn.shared.none')}</p>}
      {people && people.length >= FILTER_FROM && <TextField label={t('signIn.shared.filter')} value={filter} onChange={setFilter} type="search" autoComplete="off" />}
      {shown.length > 0 && (
        <ul className="name-grid" aria-label={t('signIn.shared.listLabel')}>
          {shown.map((person) => (
            <li key={person.id}>
              <button type="button" className="button name-button" onClick={() => choose(person)}>
                {person.displayName}
              </button>
            </li>
          ))}
        </ul>
      )}
      {demo && (
        <p className="field-hint" data-testid="demo-accounts-hint">
          {t('signIn.shared.demoHint')}
        </p>
      )}
    </div>
  );
}
