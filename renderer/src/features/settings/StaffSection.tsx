// Shared mode's local staff accounts (staff.list, staff.save): names, roles, active, PIN set.
// Renderer process. A PIN is typed twice and sent once; it is never shown or read back.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { StaffMember } from '../../../../preload/contract';
import { getBridge } from '../../bridge';
import { errorText } from '../../i18n/error-text';
import { Dialog } from '../../components/Dialog';
import { StatusBadge } from '../../components/StatusBadge';
import { TextField } from '../../components/TextField';

type Draft = { id?: string; displayName: string; role: StaffMember['role']; active: boolean; pin: string; pinAgain: string };

const PIN = /^\d{4,12}$/; // the contract's Pin

export function StaffSection() {
  const { t } = useTranslation();
  const [staff, setStaff] = useState<StaffMember[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [draft, setDraft] = useState<Draft | null>(null);

  const load = () =>
    getBridge()
      .invoke('staff.list')
      .then(
        (list) => setStaff([...list].sort((a, b) => a.displayName.localeCompare(b.displayName))),
        (failure: Error) => setError(failure.message),
      );
  useEffect(() => void load(), []);

  return (
    <section className="panel settings-section" aria-labelledby="settings-staff" data-testid="settings-staff">
      <h2 id="settings-staff">{t('settings.staff.title')}</h2>
      <p>{t('settings.staff.intro')}</p>
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
      {staff && staff.length > 0 && (
        <table className="staff-table">
          <thead>
            <tr>
              <th scope="col">{t('settings.staff.name')}</th>
              <th scope="col">{t('settings.staff.role')}</th>
              <th scope="col">{t('settings.staff.status')}</th>
              <th scope="col">
                <span className="visually-hidden">{t('settings.staff.actions')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {staff.map((member) => (
              <tr key={member.id} data-testid="staff-row">
                <th scope="row">{member.displayName}</th>
                <td>{t(`settings.staff.roles.${member.role}`)}</td>
                <td>
                  <StatusBadge tone={member.active ? 'ok' : 'neutral'}>{member.active ? t('settings.staff.active') : t('settings.staff.inactive')}</StatusBadge>{' '}
                  {!member.pinSet && <StatusBadge tone="warn">{t('settings.staff.noPin')}</StatusBadge>}
                </td>
                <td>
                  <button type="button" className="button" onClick={() => setDraft({ id: member.id, displayName: member.displayName, role: member.role, active: member.active, pin: '', pinAgain: '' })} aria-label={t('settings.staff.editLabel', { name: member.displayName })}>
                    {t('settings.staff.edit')}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {staff?.length === 0 && <p>{t('settings.staff.none')}</p>}
      <button type="button" className="button button-primary" onClick={() => setDraft({ displayName: '', role: 'staff', active: true, pin: '', pinAgain: '' })} data-testid="staff-add">
        {t('settings.staff.add')}
      </button>
      {draft && (
        <StaffDialog
          draft={draft}
          onClose={() => setDraft(null)}
          onSaved={() => {
            setDraft(null);
            void load();
          }}
        />
      )}
    </section>
  );
}

function StaffDialog({ draft: initial, onClose, onSaved }: { draft: Draft; onClose(): void; onSaved(): void }) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState(initial);
  const [problem, setProblem] = useState<{ field: 'name' | 'pin' | 'pinAgain' | 'form'; message: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const isNew = !initial.id;
  const change = (patch: Partial<Draft>) => setDraft((d) => ({ ...d, ...patch }));

  const save = async () => {
    const displayName = draft.displayName.trim();
    if (!displayName) return setProblem({ field: 'name', message: t('settings.staff.nameMissing') });
    if ((isNew || draft.pin) && !PIN.test(draft.pin)) return setProblem({ field: 'pin', message: t('settings.staff.pinInvalid') });
    if (draft.pin && draft.pin !== draft.pinAgain) return setProblem({ field: 'pinAgain', message: t('settings.staff.pinMismatch') });
    setProblem(null);
    setBusy(true);
    const pin = draft.pin || undefined;
    setDraft((d) => ({ ...d, pin: '', pinAgain: '' }));
    try {
      await getBridge().invoke('staff.save', { id: initial.id, displayName, role: draft.role, active: draft.active, pin });
      onSaved();
    } catch (failure) {
      setProblem({ field: 'form', message: errorText(t, failure) });
    } finally {
      setBusy(false);
    }
  };
  const errorFor = (field: 'name' | 'pin' | 'pinAgain') => (problem?.field === field ? problem.message : null);

  return (
    <Dialog
      open
      title={isNew ? t('settings.staff.addTitle') : t('settings.staff.editTitle', { name: initial.displayName })}
      onClose={busy ? undefined : onClose}
      testId="staff-dialog"
      actions={
        <>
          <button type="button" className="button" onClick={onClose} disabled={busy}>
            {t('components.cancel')}
          </button>
          <button type="button" className="button button-primary" onClick={() => void save()} disabled={busy} aria-busy={busy || undefined}>
            {busy ? t('components.working') : t('settings.save')}
          </button>
        </>
      }
    >
      <TextField label={t('settings.staff.name')} value={draft.displayName} onChange={(displayName) => change({ displayName })} error={errorFor('name')} maxLength={80} autoComplete="off" required />
      <div className="field">
        <label className="field-label" htmlFor="staff-role">
          {t('settings.staff.role')}
        </label>
        <select id="staff-role" className="field-input" value={draft.role} onChange={(e) => change({ role: e.target.value as Draft['role'] })}>
          <option value="staff">{t('settings.staff.roles.staff')}</option>
          <option value="admin">{t('settings.staff.roles.admin')}</option>
        </select>
      </div>
      <label className="choice">
        <input type="checkbox" checked={draft.active} onChange={(e) => change({ active: e.target.checked })} />
        <span>{t('settings.staff.activeLabel')}</span>
      </label>
      <TextField
        label={isNew ? t('settings.staff.pin') : t('settings.staff.newPin')}
        hint={isNew ? t('components.newPin.hint') : t('settings.staff.newPinHint')}
        value={draft.pin}
        onChange={(pin) => change({ pin: pin.replace(/\D/g, '').slice(0, 12) })}
        error={errorFor('pin')}
        type="password"
        inputMode="numeric"
        autoComplete="off"
        required={isNew}
      />
      <TextField label={t('settings.staff.pinAgain')} value={draft.pinAgain} onChange={(pinAgain) => change({ pinAgain: pinAgain.replace(/\D/g, '').slice(0, 12) })} error={errorFor('pinAgain')} type="password" inputMode="numeric" autoComplete="off" />
      {problem?.field === 'form' && (
        <p className="field-error" role="alert">
          {problem.message}
        </p>
      )}
    </Dialog>
  );
}
