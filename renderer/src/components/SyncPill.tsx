// The sync status pill in the frame (issue 6 §2), fed by queue.summary and queue.changed:
// "Online · 0 pending", "Offline · 3 pending (oldest 2 h)", "Syncing 2 of 5", "Action needed"
// (with the reason as its description). Signed in, it is a button to the queue. Renderer process.
import type { TFunction } from 'i18next';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { QueueSummary } from '../../../preload/contract';
import { requestLeave } from '../app/leave-guard';
import { useNavigation } from '../app/navigation-store';
import { useAppStore } from '../stores/app-store';
import { formatDuration } from '../i18n/format';
import { useQueueStore } from '../stores/queue-store';
import { useSessionStore } from '../stores/session-store';
import { signInProblem } from './sign-in-problem';

export type SyncTone = 'ok' | 'degraded' | 'down' | 'busy';

export function describeSync(t: TFunction, summary: QueueSummary): { tone: SyncTone; text: string; reason: string | null } {
  if (summary.actionNeeded) return { tone: 'down', text: t('sync.actionNeeded'), reason: summary.actionNeeded };
  if (summary.syncing) return { tone: 'busy', text: t('sync.syncing', { current: summary.syncing.current, total: summary.syncing.total }), reason: null };
  const pending = summary.pending;
  // The age in its largest whole unit ("2 hours", not "2 h 13 min"), through the one duration
  // formatter so Welsh gets its plural forms ("2 funud").
  const age = pending > 0 && summary.oldestPendingSeconds !== null ? formatDuration(summary.oldestPendingSeconds) : null;
  const key = summary.connection === 'offline' ? 'offline' : summary.connection === 'paused' ? 'paused' : 'online';
  const text = age ? t(`sync.${key}Oldest`, { pending, age }) : t(`sync.${key}`, { pending });
  return { tone: key === 'online' ? 'ok' : 'degraded', text, reason: null };
}

export function SyncPill() {
  const { t } = useTranslation();
  const summary = useQueueStore((s) => s.summary);
  const problem = useAppStore((s) => signInProblem(s.health));
  const signedIn = useSessionStore((s) => s.session?.state === 'signed-in');
  const navigate = useNavigation((s) => s.navigate);
  const reasonId = useId();
  if (!summary) return null;
  // A refused sign-in outranks the network: "Online" would be a lie while nothing can be sent.
  const { tone, text, reason } = problem ? { tone: 'down' as const, text: t(`sync.signIn.${problem}`), reason: null } : describeSync(t, summary);
  const common = { className: `pill pill-${tone} sync-pill`, 'data-testid': 'sync-pill', 'data-state': tone, 'aria-describedby': reason ? reasonId : undefined, title: reason ?? undefined };
  const content = (
    <>
      <span className="pill-dot" aria-hidden="true" />
      <span className="visually-hidden">{t('sync.label')}: </span>
      {text}
    </>
  );
  return (
    // A polite live region: staff hear "Offline" or "Action needed" when it happens. The reason is
    // the pill's description (and its tooltip); it is kept out of the crowded frame visually and
    // shown in full on the queue screen, one press away.
    <span role="status" aria-live="polite" className="sync-pill-region">
      {signedIn ? (
        <button type="button" {...common} onClick={() => requestLeave(() => navigate(problem ? 'settings' : 'queue'))}>
          {content}
        </button>
      ) : (
        <span {...common}>{content}</span>
      )}
      {reason && (
        <span id={reasonId} className="visually-hidden" data-testid="sync-pill-reason">
          {reason}
        </span>
      )}
    </span>
  );
}
