// The contract's views of the guest links and queued applications this kiosk created: one state in
// plain words per record (API §12.4, SUBMISSION-PROTOCOL §14.1, §14.3). Pure; runs in main.
import type { GuestLinkView, QueuedCreateView, RemoteCreateState } from '../../preload/contract';
import type { RemoteCreateRecord } from '../store/remote-creates-repo';
import { mayRevoke } from './remote-create-machine';

export function viewState(rec: RemoteCreateRecord, now: number): RemoteCreateState {
  switch (rec.state) {
    case 'creating':
      return 'creating';
    case 'resolving':
    case 'replaced':
      return 'checking';
    case 'needs_attention':
      return 'needs-attention';
    case 'refused':
      return rec.attentionReason === 'discarded' ? 'discarded' : 'refused';
    case 'created':
      break;
  }
  if (rec.revokePhase === 'PENDING' || rec.revokePhase === 'SENT') return 'revoking';
  switch (rec.remoteState) {
    case null:
    case 'waiting':
      // Shown as expired from the expiry time on, before the next check confirms it.
      return rec.kind === 'guest_link' && rec.expiresAt !== null && now >= rec.expiresAt ? 'expired' : 'waiting';
    case 'being_completed':
      return 'being-completed';
    default:
      return rec.remoteState;
  }
}

/** `resultId`: the inbox row of the record's container, when the inbox holds one. */
export function guestLinkView(rec: RemoteCreateRecord, now: number, demo: boolean, resultId: string | null = null): GuestLinkView {
  const state = viewState(rec, now);
  return {
    reference: rec.reference,
    name: rec.request?.name ?? null,
    email: rec.request?.email ?? null,
    url: rec.linkUrl,
    sendEmail: rec.sendEmail,
    state,
    createdAt: rec.createdAt,
    expiresAt: rec.expiresAt,
    containerId: rec.containerId,
    message: rec.state === 'refused' ? rec.message : null,
    canRevoke: mayRevoke(rec) && state === 'waiting',
    canCompleteAsGuest: demo && state === 'waiting' && rec.guestId !== null,
    resultId: opensResult(state) ? resultId : null,
  };
}

export function queuedCreateView(rec: RemoteCreateRecord, now: number, resultId: string | null = null): QueuedCreateView {
  const state = viewState(rec, now);
  return {
    reference: rec.reference,
    fields: rec.request === null ? null : rec.request.fields.map((f) => ({ label: rec.request?.labels?.[f.fieldId] ?? f.fieldId, value: f.value })),
    state,
    createdAt: rec.createdAt,
    containerId: rec.containerId,
    message: rec.state === 'refused' ? rec.message : null,
    resultId: opensResult(state) ? resultId : null,
  };
}

/** Submitted, referred or with a result: the detail screen has something to show. */
const opensResult = (state: RemoteCreateState) => state === 'submitted' || state === 'referred' || state === 'result';
