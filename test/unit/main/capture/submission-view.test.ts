// The submitted screen's view of an application: stage, images sent and in flight, verdict. Pure.
import { describe, expect, it } from 'vitest';
import { submissionViewOf, type FollowedRecord } from '../../../../main/capture/submission-view';
import type { Step } from '../../../../main/sync/submission-types';

function record(step: Step, patch: Partial<FollowedRecord['app']> = {}, sentImages = 0): FollowedRecord {
  return {
    app: { id: 'app-1', capturedAt: 1_000, step, phase: 'PENDING', attentionReason: null, resultStatus: null, publishedAt: null, currentContainerId: 'c1', ...patch },
    shape: { documents: [{ imageTypes: [2, 3] }, { imageTypes: [2] }], hasApplicantPhoto: false },
    remoteImages: Array.from({ length: sentImages }, (_, i) => ({ containerId: 'c1', docIndex: 0, imgIndex: i, imageType: 2, imageId: `i${i}` })),
  };
}
const quiet = { progress: null, offline: false, verdict: null };

describe('submission view', () => {
  it('is "saved" before anything is sent, and says when TrustID cannot be reached', () => {
    expect(submissionViewOf(record('CREATE_CONTAINER'), { ...quiet, offline: true })).toMatchObject({ stage: 'saved', offline: true, images: { total: 3, sent: 0, current: null }, savedAt: 1_000 });
  });

  it('counts images sent to the current container and the one in flight', () => {
    const view = submissionViewOf(record('UPLOAD_IMAGE', {}, 1), { ...quiet, progress: { sentBytes: 300, totalBytes: 1_000 } });
    expect(view).toMatchObject({ stage: 'sending', images: { total: 3, sent: 1, current: { number: 2, percent: 30 } } });
  });

  it('does not count images of an abandoned container', () => {
    const r = record('UPLOAD_IMAGE', { currentContainerId: 'c2' }, 2);
    expect(submissionViewOf(r, quiet).images.sent).toBe(0);
  });

  it('is "checking" once published, with when, and says when experts have it', () => {
    expect(submissionViewOf(record('AWAIT_RESULT', { publishedAt: 5_000, resultStatus: 'referred' }), quiet)).toMatchObject({ stage: 'checking', sentAt: 5_000, referred: true, images: { sent: 3 } });
  });

  it('carries the verdict only with the result', () => {
    expect(submissionViewOf(record('COMPLETED', { publishedAt: 5_000 }), { ...quiet, verdict: 'accepted' })).toMatchObject({ stage: 'result', verdict: 'accepted' });
    expect(submissionViewOf(record('AWAIT_RESULT'), { ...quiet, verdict: 'accepted' }).verdict).toBeNull();
  });

  it('needs attention with the reason code, and closed when cancelled', () => {
    expect(submissionViewOf(record('PUBLISH', { attentionReason: 'publish_unresolved' }), quiet)).toMatchObject({ stage: 'attention', attention: 'publish_unresolved' });
    expect(submissionViewOf(record('CANCELLED'), quiet).stage).toBe('closed');
  });
});
