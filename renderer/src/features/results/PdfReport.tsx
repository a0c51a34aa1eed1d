// The result's PDF report (renderer): fetched with `results.pdf`, held as a blob: URL, shown in an
// in-app view and printed from there. `window.open` is blocked in the Electron shell, so the report
// never opens a window of its own. The frame needs `frame-src blob:` in the CSP (see the report).
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ProgressBar } from '../../components/ProgressBar';
import { closePdf, openPdf, useResultsStore } from '../../stores/results-store';

/** Prints a loaded frame's document; false when the browser does not allow it. */
export function printFrame(frame: HTMLIFrameElement | null): boolean {
  try {
    const target = frame?.contentWindow;
    if (!target) return false;
    target.focus();
    target.print();
    return true;
  } catch {
    return false;
  }
}

export function PdfReport({ resultId, available }: { resultId: string; available: boolean }) {
  const { t } = useTranslation();
  const pdf = useResultsStore((s) => (s.pdf?.resultId === resultId ? s.pdf : null));
  const pdfState = useResultsStore((s) => s.pdfState);
  const pdfError = useResultsStore((s) => s.pdfError);
  const frame = useRef<HTMLIFrameElement>(null);
  const [printProblem, setPrintProblem] = useState(false);

  return (
    <section className="result-section" aria-labelledby="pdf-title" data-testid="pdf-section">
      <h2 id="pdf-title">{t('results.pdf.title')}</h2>
      {!pdf ? (
        <div className="button-row">
          <button type="button" className="button" disabled={!available || pdfState === 'loading'} onClick={() => void openPdf(resultId)} data-testid="open-pdf">
            {t('results.pdf.open')}
          </button>
        </div>
      ) : (
        <div className="pdf-view" data-testid="pdf-view">
          <div className="button-row">
            <button type="button" className="button button-primary" onClick={() => setPrintProblem(!printFrame(frame.current))} data-testid="print-pdf">
              {t('results.pdf.print')}
            </button>
            <button type="button" className="button" onClick={closePdf} data-testid="close-pdf">
              {t('results.pdf.close')}
            </button>
          </div>
          <iframe ref={frame} className="pdf-frame" src={pdf.url} title={t('results.pdf.frameTitle')} data-testid="pdf-frame" />
          {printProblem && (
            <p className="error-text" role="alert">
              {t('results.pdf.printProblem')}
            </p>
          )}
        </div>
      )}
      {pdfState === 'loading' && <ProgressBar label={t('results.pdf.loading')} value={null} showLabel />}
      {pdfState === 'error' && (
        <p className="error-text" role="alert">
          {pdfError}
        </p>
      )}
    </section>
  );
}
