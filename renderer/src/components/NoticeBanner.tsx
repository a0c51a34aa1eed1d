// A one-off notice from main (e.g. the screen was restarted after a crash), until dismissed.
import { useTranslation } from 'react-i18next';
import { useAppStore } from '../stores/app-store';

export function NoticeBanner() {
  const { t } = useTranslation();
  const notice = useAppStore((s) => s.notice);
  const dismiss = useAppStore((s) => s.dismissNotice);
  if (!notice) return null;
  return (
    <div className="notice" role="alert" data-testid="notice">
      <p>{notice}</p>
      <button type="button" className="button button-quiet" onClick={dismiss}>
        {t('frame.dismiss')}
      </button>
    </div>
  );
}
