// Results of every application the kiosk can see, whatever its origin (issue 10: one results model):
// the inbox list (search by name or reference, filters, keyset paging), the one detail in plain
// words from the result kept on the kiosk or fetched from TrustID, images and the PDF report on
// demand, and the mirror that puts this kiosk's own submissions into the inbox. Runs in main.
import sharp from 'sharp';
import type { ResultDetail, ResultPage, ResultSummary, Verdict } from '../../../preload/contract';
import type { ResultFilter } from '../../../preload/contract/results';
import type { z } from 'zod';
import { AppError } from '../../app-error';
import { localReference } from '../../capture/local-reference';
import { containerVerdict, resultDetail } from '../../results/result-view';
import type { InboxListItem, InboxRow, InboxState } from '../../store/inbox-repo';
import type { Store } from '../../store/open-store';
import { applicationSummary, Container, type TrustIdClient } from '../../trustid';

export type ResultsService = {
  list(filter: z.output<typeof ResultFilter>): ResultPage;
  get(id: string, viewer: string): Promise<ResultDetail>;
  image(id: string, imageId: string): Promise<{ mime: 'image/jpeg' | 'image/png'; base64: string; width: number; height: number }>;
  pdf(id: string): Promise<{ base64: string }>;
  /** Called when an application's final result arrived: keep its non-personal outcome label. */
  recordOutcome(appId: string): void;
  /** Puts (or updates) one of this kiosk's own submissions in the inbox once it is published; true when its row changed. */
  mirror(appId: string): boolean;
  /** Start-up: mirrors every published own submission the inbox lacks or holds as not final. */
  mirrorAll(): number;
};

const VERDICTS: readonly Verdict[] = ['accepted', 'referred', 'failed', 'rejected', 'no-validation', 'undefined', 'processing'];

function verdictOfRow(r: Pick<InboxRow, 'verdict' | 'state'>): Verdict {
  if (r.verdict && (VERDICTS as readonly string[]).includes(r.verdict)) return r.verdict as Verdict;
  return r.state === 'referred' ? 'referred' : r.state === 'result_ready' ? 'undefined' : 'processing';
}

function statesForVerdict(v: Verdict): { states?: InboxState[]; verdict?: string } {
  if (v === 'processing') return { states: ['being_checked', 'waiting', 'waiting_guest'] };
  if (v === 'referred') return { states: ['referred'] };
  return { verdict: v };
}

function summaryOf(r: InboxRow, name: string | null): ResultSummary {
  return {
    id: r.id,
    localReference: r.appId ? localReference(r.appId) : (r.reference ?? r.containerId ?? r.id),
    capturedAt: r.createdAt,
    name,
    verdict: verdictOfRow(r),
    documentCount: r.documentCount,
    origin: r.origin,
    state: r.state,
  };
}

export function createResultsService(opts: { store: Store; clientFor(accountId: string): TrustIdClient; now(): number; ownRecordsOnly?: () => boolean }): ResultsService {
  const { store } = opts;

  function row(id: string): NonNullable<ReturnType<Store['inbox']['get']>> {
    let r = store.inbox.get(id);
    if (!r && store.results.summary(id)) {
      // An own submission the mirror has not reached yet (published a moment ago).
      service.mirror(id);
      r = store.inbox.get(id);
    }
    if (!r) throw new AppError('results.not-found', 'This application is no longer on this kiosk.');
    return r;
  }

  function containerOf(r: InboxRow): string {
    const id = r.appId ? (store.submissions.load(r.appId)?.app.currentContainerId ?? r.containerId) : r.containerId;
    if (!id) throw new AppError('results.not-sent', 'This application has not reached TrustID yet, so there is no result to show.');
    return id;
  }

  async function remoteContainer(accountId: string, containerId: string): Promise<Container> {
    try {
      return await opts.clientFor(accountId).retrieveDocumentContainer({ containerId });
    } catch (error) {
      throw new AppError('results.unavailable', `The result could not be fetched from TrustID just now. ${error instanceof AppError ? error.message : ''} Try again when the kiosk is online.`.trim());
    }
  }

  const service: ResultsService = {
    list(filter) {
      const byVerdict = filter.verdict ? statesForVerdict(filter.verdict) : {};
      const states = filter.state ? [filter.state] : byVerdict.states;
      const page = store.inbox.list({
        ...(filter.name ? { text: filter.name } : {}),
        ...(filter.from !== undefined ? { from: filter.from } : {}),
        ...(filter.to !== undefined ? { to: filter.to } : {}),
        ...(states ? { states } : {}),
        ...(byVerdict.verdict ? { verdict: byVerdict.verdict } : {}),
        ...(filter.origin ? { origins: [filter.origin] } : {}),
        ...(filter.after ? { after: filter.after } : {}),
        limit: filter.limit ?? 50,
      });
      return {
        items: page.items.map((r: InboxListItem) => summaryOf(r, r.holderName)),
        total: page.total,
        next: page.next,
        ownRecordsOnly: opts.ownRecordsOnly?.() ?? store.inbox.ownRecordsAccounts().length > 0,
      };
    },

    async get(id, viewer) {
      const r = row(id);
      const name = r.holder?.name ?? r.holder?.guestName ?? null;
      let container: Container;
      if (r.appId) {
        if (!store.results.summary(r.appId)?.publishedAt) throw new AppError('results.not-sent', 'This application has not reached TrustID yet, so there is no result to show.');
        const held = store.results.detail(r.appId, viewer);
        container = held.resultSnapshot ? Container.parse(JSON.parse(held.resultSnapshot)) : await remoteContainer(r.accountId, containerOf(r));
      } else {
        store.audit.append({ action: 'result.viewed', actor: viewer, detail: { origin: r.origin } });
        container = r.snapshot ? Container.parse(JSON.parse(r.snapshot)) : await remoteContainer(r.accountId, containerOf(r));
      }
      const detail = resultDetail(summaryOf(r, name), container);
      // The list's state follows what the detail just showed.
      const fresh = { ...detail, state: r.appId || r.snapshot ? r.state : stateAfter(r.state, container) };
      const guest = r.origin === 'guest_link' || r.holder?.guestName || r.holder?.guestEmail ? { name: r.holder?.guestName ?? null, email: r.holder?.guestEmail ?? null } : null;
      return { ...fresh, guest, fields: r.holder?.fields ?? [] };
    },

    async image(id, imageId) {
      const r = row(id);
      containerOf(r);
      const { bytes } = await opts.clientFor(r.accountId).downloadImage({ imageId });
      const meta = await sharp(bytes).metadata();
      const mime = meta.format === 'png' ? 'image/png' : 'image/jpeg';
      return { mime, base64: bytes.toString('base64'), width: meta.width ?? 0, height: meta.height ?? 0 };
    },

    async pdf(id) {
      const r = row(id);
      const bytes = await opts.clientFor(r.accountId).exportPdf({ containerId: containerOf(r) });
      return { base64: bytes.toString('base64') };
    },

    recordOutcome(appId) {
      const snapshot = store.submissions.load(appId)?.app.resultSnapshot;
      if (!snapshot) return;
      store.results.recordOutcome(appId, containerVerdict(Container.parse(JSON.parse(snapshot))), opts.now());
      service.mirror(appId);
    },

    mirror(appId) {
      const s = store.results.summary(appId);
      if (!s || s.publishedAt === null) return false;
      const before = store.inbox.get(appId);
      const { mrzName, snapshot } = store.results.ownHolder(appId);
      const container = snapshot ? Container.parse(JSON.parse(snapshot)) : null;
      const state: InboxState = s.resultStatus === 'final' ? 'result_ready' : s.resultStatus === 'referred' ? 'referred' : 'being_checked';
      const verdict = s.outcome ?? (container && state === 'result_ready' ? containerVerdict(container) : null);
      store.inbox.mirrorOwn({
        appId,
        accountId: s.accountId,
        containerId: store.submissions.load(appId)?.app.currentContainerId?.toLowerCase() ?? null,
        reference: localReference(appId),
        state,
        verdict,
        attention: container ? applicationSummary(container).attention : false,
        documentCount: s.documents,
        createdAt: s.capturedAt,
        // TrustID's reading when the result is held, else the local MRZ; after the purge, the name the row already holds.
        holder: { name: container?.Fullname?.trim() || mrzName || before?.holder?.name || null, guestName: null, guestEmail: null, fields: [] },
      });
      const after = store.inbox.get(appId);
      return !before || before.state !== after?.state || before.verdict !== after?.verdict || before.holder?.name !== after?.holder?.name;
    },

    mirrorAll() {
      const ids = store.inbox.ownToMirror();
      for (const id of ids) service.mirror(id);
      return ids.length;
    },
  };
  return service;
}

function stateAfter(before: InboxState, c: Container): InboxState {
  const s = applicationSummary(c).state;
  if (s === 'final') return 'result_ready';
  if (s === 'referred') return 'referred';
  if (s === 'processing') return 'being_checked';
  return before;
}
