// Failure-streak bookkeeping shared by the per-application machine, crash recovery and staff actions:
// SUBMISSION-PROTOCOL §5 (backoff, Retry-After, time budget) and W2 (an OK ends the streak).
// Pure; works on a draft the caller has already copied. Runs in main.
import { appRetryDelay, clampRetryAfter, nextAttemptAfterFailure } from './backoff';
import type { MachineContext } from './machine-context';
import type { CallOutcome, Effect, SubmissionApp } from './submission-types';

/** Record a call's details on the app for staff screens (§3.1 "error details"). */
export function recordOutcomeDetails(app: SubmissionApp, outcome: CallOutcome): void {
  app.lastOutcomeClass = outcome.class;
  app.lastHttpStatus = outcome.httpStatus ?? null;
  app.lastMessage = outcome.message ?? null;
}

/**
 * Count one failed call: `failures += 1`, start a streak if none runs, schedule the next attempt
 * with full jitter and any Retry-After (§5). Returns whether the 24 h online-time budget is used up
 * and, after a 429, the queue-wide `not_before` effect.
 */
export function recordFailure(app: SubmissionApp, outcome: CallOutcome | null, ctx: MachineContext): { budgetExceeded: boolean; effects: Effect[] } {
  const before = app.failures;
  app.failures = before + 1;
  app.streakStartedOnlineS ??= ctx.onlineS;
  app.sessionRenewals = 0;
  const retryAfter = clampRetryAfter(outcome?.retryAfterMs, ctx.params);
  const delay = appRetryDelay(before, ctx.random, ctx.params);
  app.nextAttemptAt = nextAttemptAfterFailure(ctx.now, delay, retryAfter);
  app.retryAfterUntil = retryAfter === null ? null : ctx.now + retryAfter;
  const effects: Effect[] = [];
  if (outcome?.httpStatus === 429) {
    // §5: a 429 holds back every app, not just this one; without a Retry-After the app's own
    // delay is the best guess at how long the server wants.
    effects.push({ type: 'not_before', until: ctx.now + (retryAfter ?? delay) });
  }
  const budgetExceeded = ctx.onlineS - app.streakStartedOnlineS > ctx.params.streakBudgetS;
  return { budgetExceeded, effects };
}

/** W2: an OK ends the failure streak and the renewal count. */
export function resetStreak(app: SubmissionApp): void {
  app.failures = 0;
  app.streakStartedOnlineS = null;
  app.sessionRenewals = 0;
  app.retryAfterUntil = null;
}
