// The abandon guard and the abandon-and-restart procedure of SUBMISSION-PROTOCOL §7.3, and the
// "possibly published" test behind invariant I1 (§9). Pure; works on a copied draft. Runs in main.
import { enterAttention } from './attention';
import type { MachineContext } from './machine-context';
import { recordFailure } from './retry-accounting';
import type { AbandonReason, CallOutcome, ContainerAttempt, Effect, SubmissionState } from './submission-types';

/** I1: a container some publish request may have published. */
export function possiblyPublished(c: ContainerAttempt): boolean {
  return c.publishAmbiguous || c.publishLastOutcome === 'ok';
}

/**
 * §7.3 guard: C may be abandoned only if every publish request ever sent for it got a definitive
 * "not applied". No container at all trivially passes.
 */
export function abandonGuardHolds(c: ContainerAttempt | null | undefined): boolean {
  return c === null || c === undefined || (!c.publishAmbiguous && c.publishLastOutcome !== 'ok');
}

export function currentContainer(s: SubmissionState): ContainerAttempt | null {
  const id = s.app.currentContainerId;
  if (id === null) return null;
  return s.containers.find((c) => c.containerId === id) ?? null;
}

/**
 * I1 / §7.4 step 5: a container that forbids creating another one — possibly published and not
 * declared unpublished by the audited staff override of §10.
 */
export function containerBlockingNewAttempt(s: SubmissionState): ContainerAttempt | undefined {
  return s.containers.find((c) => possiblyPublished(c) && c.abandonReason !== 'staff_declared_unpublished' && c.abandonReason !== 'staff_submitted_new');
}

export type RestartOptions = {
  reason: AbandonReason;
  /** `failure`: next attempt after backoff and the failure is counted (§7.3 step 4); `immediate`: due now. */
  cause: 'failure' | 'immediate';
  outcome?: CallOutcome | null;
  /** The §10 "Not in TrustID, send again" override: the only caller allowed past the guard. */
  staffOverride?: boolean;
};

/**
 * §7.3, applied to a draft that the caller commits in one transaction. When the guard fails the app
 * goes to NEEDS_ATTENTION(publish_unresolved) instead: under the state table this cannot happen, so
 * it is also logged as an error.
 */
export function abandonAndRestart(draft: SubmissionState, opts: RestartOptions, ctx: MachineContext): Effect[] {
  const { app } = draft;
  const c = currentContainer(draft);
  if (app.origin === 'queued' && opts.staffOverride !== true) {
    // I11: a queued container is never abandoned and a queued app never restarts.
    return [
      { type: 'log', level: 'error', message: `refused to restart a queued application (reason ${opts.reason}); this is a bug` },
      ...enterAttention(draft, 'queued_unresolved'),
    ];
  }
  if (c !== null && !abandonGuardHolds(c) && opts.staffOverride !== true) {
    return [
      { type: 'log', level: 'error', message: `abandon guard refused to abandon a possibly published container (reason ${opts.reason}); this is a bug` },
      ...enterAttention(draft, 'publish_unresolved'),
    ];
  }
  const effects: Effect[] = [];
  if (c !== null) {
    c.abandonedAt = ctx.now;
    c.abandonReason = opts.reason;
    effects.push({ type: 'audit', action: 'sync.container-abandoned', containerIds: [c.containerId], detail: opts.reason });
  }
  app.currentContainerId = null;
  app.step = 'CREATE_CONTAINER';
  app.stepDocIndex = 0;
  app.stepImgIndex = 0;
  app.phase = 'PENDING';
  app.verifyRound = 0;
  app.verifyStartedAt = null;
  // §7.3 step 3 / §5: proactive age restarts are not counted.
  if (opts.reason !== 'expired_age') app.restarts += 1;
  let budgetExceeded = false;
  if (opts.cause === 'failure') {
    const r = recordFailure(app, opts.outcome ?? null, ctx);
    effects.push(...r.effects);
    budgetExceeded = r.budgetExceeded;
  } else {
    app.nextAttemptAt = ctx.now;
  }
  // §7.3 step 5: the 11th restart stops the app; C stays abandoned.
  if (app.restarts > ctx.params.restartCap) effects.push(...enterAttention(draft, 'restarts'));
  else if (budgetExceeded) effects.push(...enterAttention(draft, 'retry_budget'));
  return effects;
}
