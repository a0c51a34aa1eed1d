// The publish answers both origins meet alike (§7.3 kiosk, §13.5 queued): OK moves the app to
// AWAIT_RESULT; AMBIGUOUS lets a request TrustID may still be working on settle, then reads C
// (VERIFY_PUBLISH for the kiosk's own container, CONFIRM_PUBLISH for a queued one). Pure.
import type { MachineContext } from './machine-context';
import { firstPollAt } from './poll-schedule';
import { recordFailure, resetStreak } from './retry-accounting';
import type { CallOutcome, ContainerAttempt, Effect, SubmissionState } from './submission-types';

export function publishAccepted(s: SubmissionState, c: ContainerAttempt, ctx: MachineContext): Effect[] {
  const { app } = s;
  c.publishLastOutcome = 'ok';
  app.publishedAt = ctx.now;
  app.resultStatus = 'processing';
  app.step = 'AWAIT_RESULT';
  app.phase = 'PENDING';
  resetStreak(app);
  app.nextAttemptAt = firstPollAt(ctx.now, ctx.random, ctx.params);
  return [{ type: 'audit', action: 'sync.published', containerIds: [c.containerId] }];
}

/** The retry budget never stops an ambiguous publish: it must be resolved by reading first. */
export function publishAmbiguous(s: SubmissionState, c: ContainerAttempt, outcome: CallOutcome, ctx: MachineContext, read: 'VERIFY_PUBLISH' | 'CONFIRM_PUBLISH'): Effect[] {
  const { app } = s;
  c.publishAmbiguous = true;
  c.publishLastOutcome = 'ambiguous';
  // §7.4 step 1: the settle delay runs from when the request went out.
  const sentAt = app.sentAt ?? ctx.now;
  app.phase = 'PENDING';
  app.step = read;
  app.verifyRound = 0;
  app.verifyStartedAt = null;
  const r = recordFailure(app, outcome, ctx);
  app.nextAttemptAt = Math.max(sentAt + ctx.params.settleDelayMs, app.retryAfterUntil ?? 0, ctx.now);
  return r.effects;
}
