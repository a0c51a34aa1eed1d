// A small status label: tone by colour *and* a symbol, with the words always visible, so status is
// never carried by colour alone (WCAG 1.4.1). Renderer process.
import type { ReactNode } from 'react';

export type StatusTone = 'ok' | 'info' | 'warn' | 'bad' | 'neutral' | 'busy';

const SYMBOL: Record<StatusTone, string> = { ok: '✓', info: 'i', warn: '!', bad: '✕', neutral: '•', busy: '↻' };

export function StatusBadge({ tone, children, title, testId }: { tone: StatusTone; children: ReactNode; title?: string; testId?: string }) {
  return (
    <span className={`status-badge status-${tone}`} data-tone={tone} title={title} data-testid={testId}>
      <span className="status-symbol" aria-hidden="true">
        {SYMBOL[tone]}
      </span>
      {children}
    </span>
  );
}
