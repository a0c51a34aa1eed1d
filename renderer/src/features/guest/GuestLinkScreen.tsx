// Guest link (renderer): staff enter the visitor's name and e-mail, the account's custom fields and
// whether TrustID should e-mail the link; main creates it exactly once (`guest.create`) and it is
// shown as a QR code. Below, every link this account made with its state in plain words, kept by
// main across restarts (`guest.list`, refreshed while the screen is open): re-show the QR code,
// revoke with confirmation, and in demo mode play the guest. Names stay in this screen's state only.
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { GuestLinkView } from '../../../../preload/contract';
import { useNavigation } from '../../app/navigation-store';
import { useAppStore } from '../../stores/app-store';
import { getBridge } from '../../bridge';
import { ConfirmButton } from '../../components/ConfirmButton';
import { FieldDefinitionsPending, FieldInputs } from '../../components/FieldInputs';
import { ProgressBar } from '../../components/ProgressBar';
import { RecentList } from '../../components/RecentList';
import { StatusBadge } from '../../components/StatusBadge';
import { TextField } from '../../components/TextField';
import { filledValues, missingRequired, useFieldDefinitions } from '../../components/use-field-definitions';
import { usePolledList } from '../../components/use-polled-list';
import { formatWhen } from '../results/verdicts';
import { QrCode } from './QrCode';
import { stateTone } from './remote-create-words';
import './guest.css';

/** A plausible email address: main validates it properly; this only catches typing slips early. */
export const looksLikeEmail = (value: string) => /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value.trim());

const REFRESH_MS = 10_000;

export function GuestLinkScreen(_props: { params: Record<string, string> }) {
  const { t, i18n } = useTranslation();
  const form = useFieldDefinitions();
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [sendEmail, setSendEmail] = useState(false);
  const [fields, setFields] = useState<Record<string, string>>({});
  const [tried, setTried] = useState(false);
  const [creating, setCreating] = useState(false);
  const [createError, setCreateError] = useState<string | null>(null);
  const [shown, setShown] = useState<GuestLinkView | null>(null);
  const list = usePolledList(() => getBridge().invoke('guest.list'), REFRESH_MS);
  const links = list.items;
  const [rowError, setRowError] = useState<string | null>(null);
  const shownHeading = useRef<HTMLHeadingElement>(null);
  const mode = useAppStore((s) => s.info?.mode);
  const navigate = useNavigation((s) => s.navigate);

  // The link shown follows the list, so its state stays current while the QR code is up.
  useEffect(() => {
    if (links) setShown((s) => (s ? (links.find((l) => l.reference === s.reference) ?? s) : s));
  }, [links]);

  useEffect(() => {
    if (shown) shownHeading.current?.focus();
  }, [shown?.reference]);

  const nameError = tried && !name.trim() ? t('guest.form.nameMissing') : null;
  const emailError = tried && !looksLikeEmail(email) ? t('guest.form.emailInvalid') : null;
  const missing = form.definitions ? missingRequired(form.definitions, fields) : [];

  async function create(event: FormEvent) {
    event.preventDefault();
    setTried(true);
    if (!name.trim() || !looksLikeEmail(email) || missing.length > 0 || !form.definitions) return;
    setCreating(true);
    setCreateError(null);
    try {
      const link = await getBridge().invoke('guest.create', { name: name.trim(), email: email.trim(), sendEmail, fields: filledValues(fields) });
      setShown(link);
      setName('');
      setEmail('');
      setFields({});
      setSendEmail(false);
      setTried(false);
      void list.refresh();
    } catch (error) {
      setCreateError((error as Error).message);
    } finally {
      setCreating(false);
    }
  }

  async function act(run: () => Promise<GuestLinkView>) {
    setRowError(null);
    try {
      const updated = await run();
      setShown((s) => (s?.reference === updated.reference ? updated : s));
      await list.refresh();
    } catch (error) {
      setRowError((error as Error).message);
      throw error;
    }
  }

  const who = (link: GuestLinkView) => link.name ?? t('guest.recent.purged');

  return (
    <section className="panel guest" aria-labelledby="guest-title" data-testid="guest-screen">
      <h1 id="guest-title" tabIndex={-1}>
        {t('guest.title')}
      </h1>
      <p>{t('guest.intro')}</p>
      <div className="guest-columns">
      {shown ? (
        <div className="guest-link" data-testid="guest-link" data-state={shown.state}>
          <h2 ref={shownHeading} tabIndex={-1}>
            {t('guest.shown.title', { name: who(shown) })}
          </h2>
          <button type="button" className="button button-primary" onClick={() => setShown(null)} data-testid="guest-another">
            {t('guest.shown.another')}
          </button>
          {shown.url ? (
            <>
              <QrCode text={shown.url} label={t('guest.shown.qrLabel', { name: who(shown) })} />
              <p className="guest-scan">{t('guest.shown.scan')}</p>
              <p className="guest-url" data-testid="guest-url">
                {shown.url}
              </p>
            </>
          ) : (
            <p role="status">{shown.state === 'creating' || shown.state === 'checking' ? t('guest.shown.pending', { state: t(`guest.states.${shown.state}`) }) : t('guest.shown.noLink')}</p>
          )}
          {shown.sendEmail && shown.containerId && <p>{t('guest.shown.emailed')}</p>}
          {shown.expiresAt !== null && <p>{t('guest.shown.expires', { when: formatWhen(shown.expiresAt, i18n.language) })}</p>}
        </div>
      ) : (
        <form className="guest-form" onSubmit={(e) => void create(e)} noValidate data-testid="guest-form" aria-busy={creating}>
          <TextField label={t('guest.form.name')} value={name} onChange={setName} required maxLength={120} autoComplete="off" error={nameError} testId="guest-name" />
          <TextField label={t('guest.form.email')} type="email" value={email} onChange={setEmail} required maxLength={254} autoComplete="off" error={emailError} hint={t('guest.form.emailHint')} testId="guest-email" />
          {form.error || form.definitions === null ? (
            <FieldDefinitionsPending load={form} retryLabel={t('guest.form.fieldsRetry')} loadingLabel={t('guest.form.fieldsLoading')} />
          ) : (
            <FieldInputs definitions={form.definitions} values={fields} onChange={setFields} showMissing={tried} />
          )}
          <div className="field field-check">
            <label className="check-label">
              <input type="checkbox" checked={sendEmail} onChange={(e) => setSendEmail(e.target.checked)} data-testid="guest-send-email" />
              {t('guest.form.sendEmail')}
            </label>
          </div>
          <button type="submit" className="button button-primary" disabled={creating || form.definitions === null} data-testid="guest-create">
            {creating ? t('guest.form.creating') : t('guest.form.create')}
          </button>
          {creating && <ProgressBar label={t('guest.form.creating')} value={null} showLabel={false} />}
          {createError && (
            <p className="error-text" role="alert" data-testid="guest-create-error">
              {createError}
            </p>
          )}
        </form>
      )}
      <RecentList
        title={t('guest.recent.title')}
        titleId="guest-recent-title"
        refreshLabel={t('guest.recent.refresh')}
        loadingLabel={t('guest.recent.loading')}
        noneLabel={t('guest.recent.none')}
        items={links}
        error={list.error ?? rowError}
        onRefresh={() => void list.refresh()}
        testId="guest-list"
      >
        {(link) => (
          <li key={link.reference} data-testid={`guest-${link.reference}`} data-state={link.state}>
            <div>
              <strong>{who(link)}</strong> {link.email && <span className="guest-email">{link.email}</span>}
              <span className="guest-when">{t('guest.recent.created', { when: formatWhen(link.createdAt, i18n.language) })}</span>
              {link.expiresAt !== null && (link.state === 'waiting' || link.state === 'expired') && (
                <span className="guest-when">{t(link.state === 'expired' ? 'guest.recent.expired' : 'guest.recent.expires', { when: formatWhen(link.expiresAt, i18n.language) })}</span>
              )}
              {link.message && <span className="guest-when">{t('guest.recent.refusedBecause', { message: link.message })}</span>}
            </div>
            <StatusBadge tone={stateTone[link.state]}>{t(`guest.states.${link.state}`)}</StatusBadge>
            <div className="guest-actions">
              {link.resultId && (
                <button type="button" className="button button-primary" onClick={() => navigate('result-detail', { id: link.resultId! })} data-testid="guest-open-result">
                  {t('guest.recent.openResult')}
                </button>
              )}
              {link.url && link.state === 'waiting' && (
                <button type="button" className="button" onClick={() => setShown(link)} aria-label={t('guest.recent.showFor', { name: who(link) })}>
                  {t('guest.recent.show')}
                </button>
              )}
              {link.canCompleteAsGuest && mode === 'demo' && (
                <button type="button" className="button" onClick={() => void act(() => getBridge().invoke('guest.completeAsGuest', { reference: link.reference })).catch(() => undefined)} data-testid="guest-complete">
                  {t('guest.recent.completeAsGuest')}
                </button>
              )}
              {link.canRevoke && (
                <ConfirmButton
                  title={t('guest.recent.revokeTitle')}
                  message={t('guest.recent.revokeBody')}
                  confirmLabel={t('guest.recent.revokeConfirm')}
                  tone="danger"
                  onConfirm={() => act(() => getBridge().invoke('guest.revoke', { reference: link.reference }))}
                  testId="guest-revoke"
                >
                  <span aria-label={t('guest.recent.revokeFor', { name: who(link) })}>{t('guest.recent.revoke')}</span>
                </ConfirmButton>
              )}
              {link.state === 'needs-attention' && (
                <>
                  <button type="button" className="button" onClick={() => void act(() => getBridge().invoke('guest.resolve', { reference: link.reference, action: 'create-again' })).catch(() => undefined)}>
                    {t('guest.recent.createAgain')}
                  </button>
                  <button type="button" className="button" onClick={() => void act(() => getBridge().invoke('guest.resolve', { reference: link.reference, action: 'discard' })).catch(() => undefined)}>
                    {t('guest.recent.discard')}
                  </button>
                </>
              )}
            </div>
          </li>
        )}
      </RecentList>
      </div>
    </section>
  );
}
