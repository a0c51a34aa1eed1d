// Verdicts in words and tones (renderer): what each TrustID outcome means for staff.
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

const WELSH_MONTHS = ['Ion', 'Chwef', 'Maw', 'Ebr', 'Mai', 'Meh', 'Gorff', 'Awst', 'Medi', 'Hyd', 'Tach', 'Rhag'];

/**
 * Date and time as staff read them, in the interface's language: day, month, year, 24-hour time.
 * Some Chromium builds carry no Welsh locale data and would fall back to US month/day order, so
 * Welsh is then spelt from the en-GB layout with Welsh month names.
 */
export function formatWhen(epochMs: number, language: string): string {
  const options: Intl.DateTimeFormatOptions = { day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' };
  if (language !== 'cy') return new Intl.DateTimeFormat('en-GB', options).format(epochMs);
  if (Intl.DateTimeFormat.supportedLocalesOf(['cy-GB']).length > 0) return new Intl.DateTimeFormat('cy-GB', options).format(epochMs);
  const month = WELSH_MONTHS[new Date(epochMs).getMonth()]!;
  return new Intl.DateTimeFormat('en-GB', options)
    .formatToParts(epochMs)
    .map((p) => (p.type === 'month' ? month : p.value))
    .join('');
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
