// One application's result (renderer): the overall verdict and each document's, explained; the
// feedback facts that failed and passed in plain English; the document fields; images fetched on
// demand; the PDF report. Everything is released when staff leave the result.
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { ResultDetail } from '../../../../preload/contract';
import { useNavigation } from '../../app/navigation-store';
import { ProgressBar } from '../../components/ProgressBar';
import { StatusBadge } from '../../components/StatusBadge';
import { getBridge } from '../../bridge';
import { openResult, refreshResult, releaseResultDetail, resetResults, useResultsStore } from '../../stores/results-store';
import { PdfReport } from './PdfReport';
import { ResultImage } from './ResultImage';
import { formatWhen, isResultsRoute, verdictTone } from './verdicts';
import './results.css';
import '../../media/media.css';

const RESULT_REFRESH_MS = 30_000;

export function ResultDetailScreen({ params }: { params: Record<string, string> }) {
  const { t, i18n } = useTranslation();
  const id = params.id ?? '';
  const detail = useResultsStore((s) => (s.detail?.id === id ? s.detail : null));
  const state = useResultsStore((s) => s.detailState);
  const error = useResultsStore((s) => s.detailError);
  const back = useNavigation((s) => s.back);

  // While TrustID is still deciding, look again: at once when the queue says the result is in,
  // and every 30 s otherwise (SUBMISSION-PROTOCOL §7.6 allows that for a record on screen).
  const pending = detail?.verdict === 'processing' || detail?.verdict === 'referred';
  useEffect(() => {
    if (!pending) return;
    const timer = setInterval(() => void refreshResult(id), RESULT_REFRESH_MS);
    const stop = getBridge().on('queue.itemChanged', (item) => {
      if (item.id === id && item.state === 'result-ready') void refreshResult(id);
    });
    // Applications made elsewhere move on through the inbox poller.
    const stopInbox = getBridge().on('results.changed', () => void refreshResult(id));
    return () => {
      clearInterval(timer);
      stop();
      stopInbox();
    };
  }, [id, pending]);

  useEffect(() => {
    if (id) void openResult(id);
    return () => {
      releaseResultDetail();
      if (!isResultsRoute(useNavigation.getState().route.screen)) resetResults();
    };
  }, [id]);

  return (
    <section className="panel results" aria-labelledby="result-title" data-testid="result-detail">
      <button type="button" className="button button-quiet" onClick={back} data-testid="result-back">
        {t('results.detail.back')}
      </button>
      <h1 id="result-title" tabIndex={-1}>
        {detail ? t('results.detail.title', { reference: detail.localReference }) : t('results.detail.loadingTitle')}
      </h1>
      {state === 'loading' && !detail && <ProgressBar label={t('results.detail.loading')} value={null} showLabel />}
      {state === 'error' && (
        <div className="results-problem" role="alert">
          <p>{error}</p>
          <button type="button" className="button" onClick={() => void openResult(id)}>
            {t('results.retry')}
          </button>
        </div>
      )}
      {detail && <Detail detail={detail} language={i18n.language} />}
    </section>
  );
}

function Detail({ detail, language }: { detail: ResultDetail; language: string }) {
  const { t } = useTranslation();
  return (
    <>
      <p className="result-meta" data-testid="result-meta">
        {detail.name ?? t('results.noName')} · {formatWhen(detail.capturedAt, language)} · {t('results.detail.origin', { origin: t(`results.origins.${detail.origin}`) })} ·{' '}
        {t('results.detail.reference', { reference: detail.localReference })}
      </p>
      <div className={`result-overall result-${verdictTone[detail.verdict]}`} data-testid="result-overall" data-verdict={detail.verdict}>
        <StatusBadge tone={verdictTone[detail.verdict]}>{t(`results.verdicts.${detail.verdict}`)}</StatusBadge>
        <p className="result-meaning">{t(`results.meaning.${detail.verdict}`)}</p>
      </div>
      {detail.attention && (
        <p className="results-problem" role="alert" data-testid="result-attention">
          {t('results.detail.attention')}
        </p>
      )}
      {!detail.remoteAvailable && <p data-testid="result-remote-gone">{t('results.detail.remoteGone')}</p>}
      {detail.guest && (
        <section className="result-guest" aria-labelledby="result-guest-title" data-testid="result-guest">
          <h2 id="result-guest-title">{t('results.detail.guest')}</h2>
          <dl className="result-fields">
            <div>
              <dt>{t('results.detail.guestName')}</dt>
              <dd>{detail.guest.name ?? '—'}</dd>
            </div>
            <div>
              <dt>{t('results.detail.guestEmail')}</dt>
              <dd>{detail.guest.email ?? '—'}</dd>
            </div>
          </dl>
        </section>
      )}
      {detail.fields && detail.fields.length > 0 && (
        <section className="result-guest" aria-labelledby="result-fields-title" data-testid="result-application-fields">
          <h2 id="result-fields-title">{t('results.detail.applicationFields')}</h2>
          <dl className="result-fields">
            {detail.fields.map((f) => (
              <div key={f.label}>
                <dt>{f.label}</dt>
                <dd>{f.value}</dd>
              </div>
            ))}
          </dl>
        </section>
      )}
      {detail.documents.length === 0 && <p data-testid="result-no-documents">{t('results.detail.notYetRead')}</p>}
      {detail.documents.map((doc, i) => (
        <section key={i} className="result-section" aria-labelledby={`result-doc-${i}`} data-testid={`result-document-${i}`} data-verdict={doc.verdict}>
          <h2 id={`result-doc-${i}`}>{doc.name}</h2>
          <StatusBadge tone={verdictTone[doc.verdict]}>{t(`results.verdicts.${doc.verdict}`)}</StatusBadge>
          <p className="result-meaning">{t(`results.meaning.${doc.verdict}`)}</p>
          <Facts facts={doc.facts} index={i} />
          {doc.fields.length > 0 && (
            <>
              <h3>{t('results.detail.fields')}</h3>
              <dl className="result-fields">
                {doc.fields.map((f) => (
                  <div key={f.label}>
                    <dt>{f.code ? t(`results.fieldNames.${f.code}`, { defaultValue: f.label }) : f.label}</dt>
                    <dd>{f.value}</dd>
                  </div>
                ))}
              </dl>
            </>
          )}
          {doc.images.length > 0 && (
            <>
              <h3>{t('results.detail.images')}</h3>
              <div className="result-images">
                {doc.images.map((img) => (
                  <ResultImage key={img.id} resultId={detail.id} imageId={img.id} label={img.kind ? t(`results.imageKinds.${img.kind}`) : img.label} available={detail.remoteAvailable} />
                ))}
              </div>
            </>
          )}
          {doc.notes.length > 0 && (
            <>
              <h3>{t('results.detail.notes')}</h3>
              <ul>
                {doc.notes.map((n) => (
                  <li key={n}>{n}</li>
                ))}
              </ul>
            </>
          )}
        </section>
      ))}
      <PdfReport resultId={detail.id} available={detail.remoteAvailable} />
    </>
  );
}

function Facts({ facts, index }: { facts: ResultDetail['documents'][number]['facts']; index: number }) {
  const { t } = useTranslation();
  const factName = (f: (typeof facts)[number]) => (f.code ? t(`results.checks.${f.code}`, { defaultValue: f.name }) : f.name);
  const failed = facts.filter((f) => !f.passed);
  const passed = facts.filter((f) => f.passed);
  if (facts.length === 0) return null;
  return (
    <div className="result-facts">
      {failed.length > 0 && (
        <>
          <h3>{t('results.detail.failedFacts')}</h3>
          <ul data-testid={`failed-facts-${index}`}>
            {failed.map((f) => (
              <li key={f.name}>
                <StatusBadge tone="bad">{factName(f)}</StatusBadge> {f.fromTrustId ? f.explanation : t('results.checks.failed')}
              </li>
            ))}
          </ul>
        </>
      )}
      {passed.length > 0 && (
        <details>
          <summary>{t('results.detail.passedFacts', { count: passed.length })}</summary>
          <ul data-testid={`passed-facts-${index}`}>
            {passed.map((f) => (
              <li key={f.name}>
                <StatusBadge tone="ok">{factName(f)}</StatusBadge> {t('results.checks.passed')}
              </li>
            ))}
          </ul>
        </details>
      )}
    </div>
  );
}
