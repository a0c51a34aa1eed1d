// Moving an app into NEEDS_ATTENTION (SUBMISSION-PROTOCOL §7.1, §10): out of the queue until staff
// act, with its step kept so a staff action can resume from there. Pure. Runs in main.
import type { AttentionReason, Effect, SubmissionState } from './submission-types';

export function enterAttention(draft: SubmissionState, reason: AttentionReason): Effect[] {
  draft.app.attentionReason = reason;
  draft.app.phase = 'PENDING';
  const containerIds = draft.app.currentContainerId === null ? [] : [draft.app.currentContainerId];
  return [{ type: 'audit', action: 'sync.needs-attention', containerIds, detail: reason }];
}
