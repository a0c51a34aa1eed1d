// The mode shown in the frame. In demo mode a DEMO badge that never goes away.
import { useTranslation } from 'react-i18next';
import type { Mode } from '../../../preload/contract';

export function ModeBadge({ mode }: { mode: Mode }) {
  const { t } = useTranslation();
  if (mode === 'demo') {
    return (
      <span className="badge badge-demo" data-testid="demo-badge" role="status" aria-label={t('frame.demoBadgeLabel')} title={t('frame.demoBadgeLabel')}>
        {t('frame.demoBadge')}
      </span>
    );
  }
  return (
    <span className="badge" data-testid="mode-badge">
      {t('frame.modeLabel', { mode: t(`mode.${mode}`) })}
    </span>
  );
}
