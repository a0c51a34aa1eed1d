// A small in-memory model of the TrustID behaviour the submission protocol relies on (API §4, §5.1,
// §8.2, §8.3), with honest fault injection: a fault either applies the operation or it does not, and
// the outcome class says only what the client could know. For the property tests of §9.
import type { CallOutcome, StepCall } from '../../../../main/sync/submission-types';

export type Fault =
  | 'none'
  | 'refuse' // NOT_APPLIED, not applied (connection refused)
  | 'http408' // NOT_APPLIED
  | 'http429' // NOT_APPLIED, with Retry-After
  | 'locked' // NOT_APPLIED (flag:Locked)
  | 'http503' // AMBIGUOUS, not applied
  | 'applyThenDrop' // AMBIGUOUS, applied
  | 'applyThen502' // AMBIGUOUS, applied
  | 'session' // SESSION, not applied
  | 'reject' // REJECTED, not applied
  | 'config'; // CONFIG, not applied

export const FAULTS: Fault[] = ['none', 'refuse', 'http408', 'http429', 'locked', 'http503', 'applyThenDrop', 'applyThen502', 'session', 'reject', 'config'];

type ModelContainer = {
  id: string;
  ref: string;
  createdAt: number;
  docs: string[];
  images: number;
  published: boolean;
  publishedAt: number | null;
  publishCount: number;
};

export class ModelServer {
  containers = new Map<string, ModelContainer>();
  /** Every request that reached the server, applied or not. */
  log: { call: StepCall; applied: boolean }[] = [];
  private seq = 0;
  constructor(
    private readonly purgeAfterMs = 24 * 3600_000,
    private readonly finalAfterMs = 60_000,
  ) {}

  private live(id: string, now: number): ModelContainer | undefined {
    const c = this.containers.get(id);
    if (c === undefined) return undefined;
    if (!c.published && now - c.createdAt >= this.purgeAfterMs) {
      this.containers.delete(id);
      return undefined;
    }
    return c;
  }

  publishedFor(ref: string): ModelContainer[] {
    return [...this.containers.values()].filter((c) => c.ref === ref && c.published);
  }

  /** Carry the call out against the model and return the outcome an honest server would give. */
  private apply(call: StepCall, now: number): CallOutcome {
    const rejected = (message: string): CallOutcome => ({ class: 'REJECTED', httpStatus: 200, message });
    switch (call.kind) {
      case 'createContainer': {
        const id = `c${++this.seq}`;
        this.containers.set(id, { id, ref: call.appId, createdAt: now, docs: [], images: 0, published: false, publishedAt: null, publishCount: 0 });
        return { class: 'OK', id };
      }
      case 'createDocument': {
        const c = this.live(call.containerId, now);
        if (c === undefined) return rejected('Document container not found.');
        if (c.published) return rejected('Document container has already been published.');
        const id = `d${++this.seq}`;
        c.docs.push(id);
        return { class: 'OK', id };
      }
      case 'uploadImage':
      case 'uploadApplicantPhoto': {
        const c = this.live(call.containerId, now);
        if (c === undefined) return rejected('Document container not found.');
        if (c.published) return rejected('Document container has already been published.');
        if (call.kind === 'uploadImage' && !c.docs.includes(call.documentId)) return rejected('Document not found.');
        c.images += 1;
        return { class: 'OK', id: `i${++this.seq}` };
      }
      case 'publish': {
        const c = this.live(call.containerId, now);
        if (c === undefined) return rejected('Document container not found.');
        if (c.published) return rejected('Document container has already been published.');
        if (c.images === 0) return rejected('Document container has no images.');
        c.published = true;
        c.publishedAt = now;
        c.publishCount += 1;
        return { class: 'OK', id: c.id };
      }
      case 'retrieve': {
        const c = this.live(call.containerId, now);
        if (c === undefined) return rejected('Document container not found.');
        if (!c.published) return rejected('Document container has not been published.');
        const storageType = now - (c.publishedAt ?? now) >= this.finalAfterMs ? 3 : 4;
        return { class: 'OK', retrieved: { storageType, referred: false, snapshot: JSON.stringify({ Id: c.id, DocumentStorageType: storageType }) } };
      }
    }
  }

  /** `applied` reports whether the server acted, which the client never learns directly. */
  handle(call: StepCall, fault: Fault, now: number): { outcome: CallOutcome; applied: boolean } {
    const notApplied = (outcome: CallOutcome) => {
      this.log.push({ call, applied: false });
      return { outcome, applied: false };
    };
    switch (fault) {
      case 'refuse':
        return notApplied({ class: 'NOT_APPLIED', transportFailure: true });
      case 'http408':
        return notApplied({ class: 'NOT_APPLIED', httpStatus: 408 });
      case 'http429':
        return notApplied({ class: 'NOT_APPLIED', httpStatus: 429, retryAfterMs: 7_000 });
      case 'locked':
        return notApplied({ class: 'NOT_APPLIED', httpStatus: 200 });
      case 'http503':
        return notApplied({ class: 'AMBIGUOUS', httpStatus: 503 });
      case 'session':
        return notApplied({ class: 'SESSION', httpStatus: 200 });
      case 'reject':
        return notApplied({ class: 'REJECTED', httpStatus: 200 });
      case 'config':
        return notApplied({ class: 'CONFIG', httpStatus: 403 });
      case 'applyThenDrop':
      case 'applyThen502': {
        this.apply(call, now);
        this.log.push({ call, applied: true });
        return fault === 'applyThenDrop'
          ? { outcome: { class: 'AMBIGUOUS', transportFailure: true }, applied: true }
          : { outcome: { class: 'AMBIGUOUS', httpStatus: 502 }, applied: true };
      }
      case 'none': {
        const outcome = this.apply(call, now);
        this.log.push({ call, applied: outcome.class === 'OK' });
        return { outcome, applied: outcome.class === 'OK' };
      }
    }
  }
}
