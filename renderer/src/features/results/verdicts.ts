// Verdicts in words and tones (renderer): what each TrustID outcome means for staff.
import { formatDateTime } from '../../i18n/format';
import type { ResultOrigin, ResultState, ResultSummary, Verdict } from '../../../../preload/contract';
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

/**
 * Date and time as staff read them, in the interface's language: day, month, year, 24-hour time.
 */
export function formatWhen(epochMs: number, language: string): string {
  return formatDateTime(epochMs, language);
}

/** The results screens share one store: it is forgotten only when staff leave both. */
export const isResultsRoute = (screen: ScreenId) => screen === 'results' || screen === 'result-detail';

export const resultStates: ResultState[] = ['waiting_guest', 'waiting', 'being_checked', 'referred', 'result_ready', 'expired', 'revoked', 'withdrawn'];
export const resultOrigins: ResultOrigin[] = ['kiosk', 'guest_link', 'queued', 'elsewhere'];

const stateTone: Record<ResultState, StatusTone> = {
  waiting_guest: 'neutral',
  waiting: 'neutral',
  being_checked: 'busy',
  referred: 'info',
  result_ready: 'ok',
  expired: 'warn',
  revoked: 'neutral',
  withdrawn: 'neutral',
};

/** A row's badge: the verdict once the result is ready, else the state in plain words. */
export function rowBadge(r: Pick<ResultSummary, 'state' | 'verdict'>): { tone: StatusTone; key: string } {
  if (r.state === 'result_ready') return { tone: verdictTone[r.verdict], key: `results.verdicts.${r.verdict}` };
  return { tone: stateTone[r.state], key: `results.states.${r.state}` };
}
