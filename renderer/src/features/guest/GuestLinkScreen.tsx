// Guest link (renderer): staff enter the visitor's name and email, main creates a TrustID guest
// link (`guest.create`), and the link is shown as a QR code to scan with a phone; recent links
// and their state below (`guest.list`). Names and emails stay in this screen's state only.
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Res } from '../../../../preload/contract';
import { getBridge } from '../../bridge';
import { StatusBadge, type StatusTone } from '../../components/StatusBadge';
import { TextField } from '../../components/TextField';
import { formatWhen } from '../results/verdicts';
import { QrCode } from './QrCode';
import './guest.css';

type GuestLink = Res<'guest.create'>;

const stateTone: Record<GuestLink['state'], StatusTone> = { open: 'info', submitted: 'ok', expired: 'neutral', deleted: 'neutral' };

/** A plausible email address: main validates it properly; this only catches typing slips early. */
export const looksLikeEmail = (value: string) => /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value.trim());

export function GuestLinkScreen(_props: { params: Record<string, string> }) {
  const { t, i18n } = useTranslation();
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [tried, setTried] = useState(false);
  const [creating, setCreating] = useState(false);
  const [createError, setCreateError] = useState<string | null>(null);
  const [shown, setShown] = useState<GuestLink | null>(null);
  const [links, setLinks] = useState<GuestLink[] | null>(null);
  const [listError, setListError] = useState<string | null>(null);
  const shownHeading = useRef<HTMLHeadingElement>(null);

  async function refresh() {
    setListError(null);
    try {
      setLinks(await getBridge().invoke('guest.list'));
    } catch (error) {
      setListError((error as Error).message);
    }
  }

  useEffect(() => {
    void refresh();
  }, []);

  useEffect(() => {
    if (shown) shownHeading.current?.focus();
  }, [shown]);

  const nameError = tried && !name.trim() ? t('guest.form.nameMissing') : null;
  const emailError = tried && !looksLikeEmail(email) ? t('guest.form.emailInvalid') : null;

  async function create(event: FormEvent) {
    event.preventDefault();
    setTried(true);
    if (!name.trim() || !looksLikeEmail(email)) return;
    setCreating(true);
    setCreateError(null);
    try {
      const link = await getBridge().invoke('guest.create', { name: name.trim(), email: email.trim() });
      setShown(link);
      setName('');
      setEmail('');
      setTried(false);
      void refresh();
    } catch (error) {
      setCreateError((error as Error).message);
    } finally {
      setCreating(false);
    }
  }

  return (
    <section className="panel guest" aria-labelledby="guest-title" data-testid="guest-screen">
      <h1 id="guest-title" tabIndex={-1}>
        {t('guest.title')}
      </h1>
      <p>{t('guest.intro')}</p>
      {shown ? (
        <div className="guest-link" data-testid="guest-link">
          <h2 ref={shownHeading} tabIndex={-1}>
            {t('guest.shown.title', { name: shown.name })}
          </h2>
          <QrCode text={shown.url} label={t('guest.shown.qrLabel', { name: shown.name })} />
          <p>{t('guest.shown.scan')}</p>
          <p className="guest-url" data-testid="guest-url">
            {shown.url}
          </p>
          <button type="button" className="button button-primary" onClick={() => setShown(null)} data-testid="guest-another">
            {t('guest.shown.another')}
          </button>
        </div>
      ) : (
        <form className="guest-form" onSubmit={(e) => void create(e)} noValidate data-testid="guest-form">
          <TextField label={t('guest.form.name')} value={name} onChange={setName} required maxLength={120} autoComplete="off" error={nameError} testId="guest-name" />
          <TextField label={t('guest.form.email')} type="email" value={email} onChange={setEmail} required maxLength={254} autoComplete="off" error={emailError} hint={t('guest.form.emailHint')} testId="guest-email" />
          <button type="submit" className="button button-primary" disabled={creating} data-testid="guest-create">
            {creating ? t('guest.form.creating') : t('guest.form.create')}
          </button>
          {createError && (
            <p className="error-text" role="alert">
              {createError}
            </p>
          )}
        </form>
      )}
      <section className="guest-recent" aria-labelledby="guest-recent-title">
        <div className="guest-recent-head">
          <h2 id="guest-recent-title">{t('guest.recent.title')}</h2>
          <button type="button" className="button" onClick={() => void refresh()}>
            {t('guest.recent.refresh')}
          </button>
        </div>
        {listError && (
          <p className="error-text" role="alert">
            {listError}
          </p>
        )}
        {links === null && !listError && <p aria-busy="true">{t('guest.recent.loading')}</p>}
        {links?.length === 0 && <p>{t('guest.recent.none')}</p>}
        {links && links.length > 0 && (
          <ul className="guest-list" data-testid="guest-list">
            {links.map((link) => (
              <li key={link.id} data-testid={`guest-${link.id}`} data-state={link.state}>
                <div>
                  <strong>{link.name}</strong> <span className="guest-email">{link.email}</span>
                  <span className="guest-when">{formatWhen(link.createdAt, i18n.language)}</span>
                </div>
                <StatusBadge tone={stateTone[link.state]}>{t(`guest.states.${link.state}`)}</StatusBadge>
                {link.state === 'open' && (
                  <button type="button" className="button" onClick={() => setShown(link)} aria-label={t('guest.recent.showFor', { name: link.name })}>
                    {t('guest.recent.show')}
                  </button>
                )}
              </li>
            ))}
          </ul>
        )}
      </section>
    </section>
  );
}
