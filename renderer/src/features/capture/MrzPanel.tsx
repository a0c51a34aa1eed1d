// The machine-readable zone of one document as it arrives (renderer): each field with its value
// and check-digit verdict and reason, offered OCR corrections with the changed characters and an
// "Accept corrections" button, and the expired / under-age flags in plain words.
import { useTranslation } from 'react-i18next';
import type { MrzView } from '../../../../preload/contract';
import { StatusBadge } from '../../components/StatusBadge';
import { acceptCorrections, useCaptureStore } from '../../stores/capture-store';
import { correctedSegments } from './mrz-corrections';

export function MrzPanel({ documentIndex, expectMrz }: { documentIndex: number; expectMrz: boolean }) {
  const { t } = useTranslation();
  const mrz = useCaptureStore((s) => s.draft?.documents[documentIndex]?.mrz ?? null);

  return (
    <section className="capture-section mrz-panel" aria-labelledby="mrz-title" data-testid="mrz-panel">
      <h2 id="mrz-title">{t('capture.mrz.title')}</h2>
      {/* A live region: staff hear the verdict when the zone is read without looking away. */}
      <p role="status" aria-live="polite" className="capture-status" data-testid="mrz-status">
        {!mrz ? (expectMrz ? t('capture.mrz.waiting') : t('capture.mrz.notRead')) : mrz.partial ? t('capture.mrz.partial') : mrz.valid ? t('capture.mrz.valid') : t('capture.mrz.invalid')}
      </p>
      {mrz && <MrzDetails mrz={mrz} documentIndex={documentIndex} />}
    </section>
  );
}

function MrzDetails({ mrz, documentIndex }: { mrz: MrzView; documentIndex: number }) {
  const { t } = useTranslation();
  const busy = useCaptureStore((s) => s.busy === 'corrections');
  const error = useCaptureStore((s) => (s.error?.task === 'corrections' ? s.error.message : null));
  return (
    <>
      {(mrz.expired || mrz.underAge) && (
        <ul className="capture-flags" data-testid="mrz-flags">
          {mrz.expired && (
            <li data-testid="flag-expired">
              <StatusBadge tone="bad">{t('capture.mrz.expired')}</StatusBadge> {t('capture.mrz.expiredHelp')}
            </li>
          )}
          {mrz.underAge && (
            <li data-testid="flag-under-age">
              <StatusBadge tone="warn">{t('capture.mrz.underAge')}</StatusBadge> {t('capture.mrz.underAgeHelp')}
            </li>
          )}
        </ul>
      )}
      <table className="mrz-fields">
        <caption className="visually-hidden">{t('capture.mrz.fieldsCaption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('capture.mrz.field')}</th>
            <th scope="col">{t('capture.mrz.value')}</th>
            <th scope="col">{t('capture.mrz.check')}</th>
          </tr>
        </thead>
        <tbody>
          {mrz.fields.map((field) => (
            <tr key={field.name} data-testid={`mrz-field-${field.name}`} data-valid={field.valid}>
              <th scope="row">{field.label}</th>
              <td className="mrz-value">{field.value || '—'}</td>
              <td>
                {field.valid ? (
                  <StatusBadge tone="ok">{t('capture.mrz.fieldValid')}</StatusBadge>
                ) : (
                  <>
                    <StatusBadge tone="bad">{t('capture.mrz.fieldInvalid')}</StatusBadge>
                    <span className="mrz-reason">{field.message ?? t('capture.mrz.noReason')}</span>
                  </>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {mrz.corrections.length > 0 && (
        <div className="mrz-corrections" data-testid="mrz-corrections">
          <h3>{t('capture.mrz.correctionsTitle')}</h3>
          <p>{t('capture.mrz.correctionsHelp', { count: mrz.corrections.length })}</p>
          <div className="mrz-lines" aria-hidden="true">
            {mrz.lines.map((line, i) => (
              <div key={i} className="mrz-line">
                {correctedSegments(line, i, mrz.corrections).map((segment, j) =>
                  segment.change ? (
                    <ins key={j} className="mrz-changed" title={`${segment.change.from} → ${segment.change.to}`}>
                      {segment.text}
                    </ins>
                  ) : (
                    <span key={j}>{segment.text}</span>
                  ),
                )}
              </div>
            ))}
          </div>
          <ul className="mrz-change-list">
            {mrz.corrections.map((c) => (
              <li key={`${c.line}:${c.column}`}>{t('capture.mrz.change', { line: c.line + 1, column: c.column + 1, from: c.from, to: c.to })}</li>
            ))}
          </ul>
          <button type="button" className="button button-primary" disabled={busy} onClick={() => void acceptCorrections(documentIndex)} data-testid="accept-corrections">
            {busy ? t('capture.working') : t('capture.mrz.accept')}
          </button>
          {error && (
            <p className="error-text" role="alert">
              {error}
            </p>
          )}
        </div>
      )}
    </>
  );
}
