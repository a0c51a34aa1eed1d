// The local quality checks of one image (renderer): each with its reason and whether it blocks
// Submit (must be retaken) or is advice.
import { useTranslation } from 'react-i18next';
import type { QualityCheck } from '../../../../preload/contract';
import { StatusBadge } from '../../components/StatusBadge';

export function QualityList({ checks }: { checks: QualityCheck[] }) {
  const { t } = useTranslation();
  if (checks.length === 0) return <p className="capture-subtitle">{t('capture.quality.none')}</p>;
  return (
    <ul className="quality-list" aria-label={t('capture.quality.title')} data-testid="quality-list">
      {checks.map((check) => {
        const tone = check.passed ? 'ok' : check.blocking ? 'bad' : 'warn';
        const verdict = check.passed ? t('capture.quality.passed') : check.blocking ? t('capture.quality.blocking') : t('capture.quality.advice');
        return (
          <li key={check.id} data-testid={`quality-${check.id}`} data-passed={check.passed} data-blocking={check.blocking}>
            <StatusBadge tone={tone}>{t(`capture.quality.checks.${check.id}`)}</StatusBadge>
            <span className="quality-verdict">{verdict}</span>
            {!check.passed && <span className="quality-message">{check.message}</span>}
          </li>
        );
      })}
    </ul>
  );
}
