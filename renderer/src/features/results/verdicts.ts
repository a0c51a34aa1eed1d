// Verdicts in words and tones (renderer): what each TrustID outcome means for staff.
import { formatDateTime } from '../../i18n/format';
import type { Verdict } from '../../../../preload/contract';
import type { ScreenId } from '../../app/navigation-store';
import type { StatusTone } from '../../components/StatusBadge';

export const verdicts: Verdict[] = ['accepted', 'referred', 'failed', 'rejected', 'no-validation', 'processing', 'undefined'];

export const verdictTone: Record<Verdict, StatusTone> = {
  accepted: 'ok',
  referred: 'info',
  failed: 'bad',
  rejected: 'bad',
  'no-validation': 'warn',
  processing: 'busy',
  undefined: 'neutral',
};

/** Date and time as staff read them, in the interface's language. */
export function formatWhen(epochMs: number, language: string): string {
  return formatDateTime(epochMs, language);
}

/** The results screens share one store: it is forgotten only when staff leave both. */
export const isResultsRoute = (screen: ScreenId) => screen === 'results' || screen === 'result-detail';
