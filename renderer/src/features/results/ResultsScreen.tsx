// Results of recent applications within retention (renderer): search by date range, verdict and
// name; open one for its detail. The list holds names, so it is cleared when staff leave results.
import { useEffect, useId, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigation } from '../../app/navigation-store';
import { StatusBadge } from '../../components/StatusBadge';
import { TextField } from '../../components/TextField';
import { emptyFilter, resetResults, searchResults, setResultsFilter, useResultsStore } from '../../stores/results-store';
import { formatWhen, isResultsRoute, verdicts, verdictTone } from './verdicts';
import './results.css';

export function ResultsScreen(_props: { params: Record<string, string> }) {
  const { t, i18n } = useTranslation();
  const verdictField = useId();
  const filter = useResultsStore((s) => s.filter);
  const list = useResultsStore((s) => s.list);
  const listState = useResultsStore((s) => s.listState);
  const listError = useResultsStore((s) => s.listError);
  const navigate = useNavigation((s) => s.navigate);

  useEffect(() => {
    void searchResults();
    return () => {
      // Going to a result's detail keeps the search; going anywhere else forgets it.
      if (!isResultsRoute(useNavigation.getState().route.screen)) resetResults();
    };
  }, []);

  function submit(event: FormEvent) {
    event.preventDefault();
    void searchResults();
  }

  const dateProblem = filter.from && filter.to && filter.from > filter.to ? t('results.search.dateOrder') : null;

  return (
    <section className="panel results" aria-labelledby="results-title" data-testid="results-screen">
      <h1 id="results-title" tabIndex={-1}>
        {t('results.title')}
      </h1>
      <form className="results-search" role="search" aria-label={t('results.search.label')} onSubmit={submit} data-testid="results-search">
        <TextField label={t('results.search.name')} value={filter.name} onChange={(name) => setResultsFilter({ name })} maxLength={100} autoComplete="off" testId="results-name" />
        <TextField label={t('results.search.from')} type="date" value={filter.from} onChange={(from) => setResultsFilter({ from })} testId="results-from" />
        <TextField label={t('results.search.to')} type="date" value={filter.to} onChange={(to) => setResultsFilter({ to })} error={dateProblem} testId="results-to" />
        <div className="field">
          <label className="field-label" htmlFor={verdictField}>
            {t('results.search.verdict')}
          </label>
          <select id={verdictField} className="field-input" value={filter.verdict} onChange={(e) => setResultsFilter({ verdict: e.target.value as typeof filter.verdict })} data-testid="results-verdict">
            <option value="">{t('results.search.anyVerdict')}</option>
            {verdicts.map((v) => (
              <option key={v} value={v}>
                {t(`results.verdicts.${v}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="button-row results-search-actions">
          <button type="submit" className="button button-primary" disabled={!!dateProblem} data-testid="results-submit">
            {t('results.search.submit')}
          </button>
          <button
            type="button"
            className="button"
            onClick={() => {
              setResultsFilter(emptyFilter);
              void searchResults();
            }}
          >
            {t('results.search.clear')}
          </button>
        </div>
      </form>
      <p role="status" aria-live="polite" className="results-count" data-testid="results-count">
        {listState === 'loading' ? t('results.searching') : listState === 'ready' ? t('results.count', { count: list.length }) : ''}
      </p>
      {listState === 'error' && (
        <div className="results-problem" role="alert">
          <p>{listError}</p>
          <button type="button" className="button" onClick={() => void searchResults()}>
            {t('results.retry')}
          </button>
        </div>
      )}
      {listState === 'ready' && list.length === 0 && <p data-testid="results-empty">{t('results.empty')}</p>}
      <ul className="results-list" aria-label={t('results.listLabel')} data-testid="results-list">
        {list.map((r) => (
          <li key={r.id}>
            <button type="button" className="button result-row" onClick={() => navigate('result-detail', { id: r.id })} data-testid={`result-${r.id}`}>
              <span className="result-name">{r.name ?? t('results.noName')}</span>
              <span className="result-reference">{r.localReference}</span>
              <span className="result-when">{formatWhen(r.capturedAt, i18n.language)}</span>
              <span className="result-documents">{t('results.documents', { count: r.documentCount })}</span>
              <StatusBadge tone={verdictTone[r.verdict]}>{t(`results.verdicts.${r.verdict}`)}</StatusBadge>
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
