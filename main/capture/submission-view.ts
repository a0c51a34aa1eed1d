// What the submitted screen shows of one application (issue 10 §1): its stage from saved to the
// verdict, the images sent and the one in flight, offline or not. Pure; runs in main.
import type { SubmissionView, Verdict } from '../../preload/contract';
import { displayStateOf, type AppShape, type AttentionReason, type RemoteImage, type SubmissionApp } from '../sync/submission-types';
import type { UploadProgress } from '../trustid';
import { localReference } from './local-reference';

export type FollowedRecord = {
  // The store keeps the attention reason as text; the sync engine's names are what it holds.
  app: Pick<SubmissionApp, 'id' | 'capturedAt' | 'step' | 'phase' | 'resultStatus' | 'publishedAt' | 'currentContainerId'> & { attentionReason: string | null };
  shape: AppShape;
  remoteImages: readonly RemoteImage[];
};

export function submissionViewOf(record: FollowedRecord, input: { progress: UploadProgress | null; offline: boolean; verdict: Verdict | null }): SubmissionView {
  const { app, shape } = record;
  const total = shape.documents.reduce((n, d) => n + d.imageTypes.length, 0) + (shape.hasApplicantPhoto ? 1 : 0);
  const sent = Math.min(total, record.remoteImages.filter((i) => i.containerId === app.currentContainerId).length);
  const state = displayStateOf({ ...app, attentionReason: app.attentionReason as AttentionReason | null });
  const uploading = (app.step === 'UPLOAD_IMAGE' || app.step === 'UPLOAD_APPLICANT_PHOTO') && input.progress !== null && input.progress.totalBytes > 0;
  const stage: SubmissionView['stage'] =
    state === 'queued'
      ? 'saved'
      : state === 'sending' || state === 'verifying'
        ? 'sending'
        : state === 'processing' || state === 'referred'
          ? 'checking'
          : state === 'completed'
            ? 'result'
            : state === 'needs_attention' || state === 'result_overdue'
              ? 'attention'
              : 'closed';
  return {
    applicationId: app.id,
    localReference: localReference(app.id),
    stage,
    offline: input.offline,
    images: {
      total,
      // Once TrustID has it, every image is there (a retried container restarts the count above).
      sent: stage === 'checking' || stage === 'result' ? total : sent,
      current: uploading && input.progress ? { number: Math.min(total, sent + 1), percent: Math.min(100, Math.floor((input.progress.sentBytes / input.progress.totalBytes) * 100)) } : null,
    },
    savedAt: app.capturedAt,
    sentAt: app.publishedAt,
    referred: app.resultStatus === 'referred',
    verdict: stage === 'result' ? input.verdict : null,
    attention: stage === 'attention' ? (app.attentionReason ?? (state === 'result_overdue' ? 'result_overdue' : 'unknown')) : null,
  };
}
