// A labelled progress bar for long work (uploads, sync, scans). Renderer process. With a value it
// is determinate (role=progressbar with aria-valuenow); with null it shows activity of unknown length.
export type ProgressBarProps = {
  label: string;
  /** Done so far, 0…max; null when the amount is unknown. */
  value: number | null;
  max?: number;
  /** Read out instead of the number, e.g. "Uploading 40 %" or "2 of 5". */
  valueText?: string;
  /** Show the label above the bar (otherwise it only names the bar for screen readers). */
  showLabel?: boolean;
  testId?: string;
};

export function ProgressBar({ label, value, max = 100, valueText, showLabel = false, testId }: ProgressBarProps) {
  const clamped = value === null ? null : Math.min(Math.max(value, 0), max);
  const percent = clamped === null || max <= 0 ? null : Math.round((clamped / max) * 100);
  return (
    <div className="progress" data-testid={testId}>
      {showLabel && (
        <span className="progress-label" aria-hidden="true">
          {label}
          {valueText ? ` — ${valueText}` : percent !== null ? ` — ${percent} %` : ''}
        </span>
      )}
      <div
        className={`progress-track${percent === null ? ' progress-indeterminate' : ''}`}
        role="progressbar"
        aria-label={label}
        aria-valuemin={0}
        aria-valuemax={max}
        aria-valuenow={clamped ?? undefined}
        aria-valuetext={valueText}
      >
        {/* A style prop is set through the CSSOM, which the CSP allows (no inline style attribute in HTML). */}
        <div className="progress-fill" style={percent === null ? undefined : { width: `${percent}%` }} />
      </div>
    </div>
  );
}
