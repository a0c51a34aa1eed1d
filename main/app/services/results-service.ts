// Results of past applications: the list (no names: it is on a front-desk screen), the detail in
// plain words from the result kept on the kiosk or fetched from TrustID, images and the PDF report
// on demand. Runs in main (plain Node).
import sharp from 'sharp';
import type { ResultDetail, ResultSummary, Verdict } from '../../../preload/contract';
import { AppError } from '../../app-error';
import { containerVerdict, resultDetail } from '../../results/result-view';
import type { Store } from '../../store/open-store';
import type { ResultSummary as StoredSummary } from '../../store/results-repo';
import { Container, type TrustIdClient } from '../../trustid';
import { localReference } from '../../capture/local-reference';

export type ResultsService = {
  list(filter: { from?: number; to?: number; verdict?: Verdict; name?: string }): ResultSummary[];
  get(id: string, viewer: string): Promise<ResultDetail>;
  image(id: string, imageId: string): Promise<{ mime: 'image/jpeg' | 'image/png'; base64: string; width: number; height: number }>;
  pdf(id: string): Promise<{ base64: string }>;
  /** Called when an application's final result arrived: keep its non-personal outcome label. */
  recordOutcome(appId: string): void;
};

const VERDICTS: readonly Verdict[] = ['accepted', 'referred', 'failed', 'rejected', 'no-validation', 'undefined', 'processing'];

function verdictOf(s: StoredSummary): Verdict {
  if (s.outcome && (VERDICTS as readonly string[]).includes(s.outcome)) return s.outcome as Verdict;
  return s.resultStatus === 'referred' ? 'referred' : 'processing';
}

function summaryView(s: StoredSummary): ResultSummary {
  return { id: s.appId, localReference: localReference(s.appId), capturedAt: s.capturedAt, name: null, verdict: verdictOf(s), documentCount: s.documents };
}

export function createResultsService(opts: { store: Store; clientFor(accountId: string): TrustIdClient; now(): number }): ResultsService {
  const { store } = opts;

  function published(id: string): { summary: StoredSummary; containerId: string } {
    const summary = store.results.summary(id);
    if (!summary) throw new AppError('results.not-found', 'This application is no longer on this kiosk.');
    const containerId = store.submissions.load(id)?.app.currentContainerId ?? null;
    if (!summary.publishedAt || !containerId) throw new AppError('results.not-sent', 'This application has not reached TrustID yet, so there is no result to show.');
    return { summary, containerId };
  }

  async function remoteContainer(summary: StoredSummary, containerId: string) {
    try {
      return await opts.clientFor(summary.accountId).retrieveDocumentContainer({ containerId });
    } catch (error) {
      throw new AppError('results.unavailable', `The result could not be fetched from TrustID just now. ${error instanceof AppError ? error.message : ''} Try again when the kiosk is online.`.trim());
    }
  }

  return {
    list(filter) {
      const rows = store.results.search({ surname: filter.name || undefined, capturedFrom: filter.from, capturedTo: filter.to, limit: 200 });
      return rows.filter((r) => r.publishedAt !== null).map(summaryView).filter((r) => !filter.verdict || r.verdict === filter.verdict);
    },

    async get(id, viewer) {
      const { summary, containerId } = published(id);
      const held = store.results.detail(id, viewer);
      const container = held.resultSnapshot ? Container.parse(JSON.parse(held.resultSnapshot)) : await remoteContainer(summary, containerId);
      const names = held.documents.map((d) => [d.personal?.givenNames, d.personal?.surname].filter(Boolean).join(' ')).filter(Boolean);
      return resultDetail({ ...summaryView(summary), name: names[0] ?? null }, container);
    },

    async image(id, imageId) {
      const { summary } = published(id);
      const { bytes } = await opts.clientFor(summary.accountId).downloadImage({ imageId });
      const meta = await sharp(bytes).metadata();
      const mime = meta.format === 'png' ? 'image/png' : 'image/jpeg';
      return { mime, base64: bytes.toString('base64'), width: meta.width ?? 0, height: meta.height ?? 0 };
    },

    async pdf(id) {
      const { summary, containerId } = published(id);
      const bytes = await opts.clientFor(summary.accountId).exportPdf({ containerId });
      return { base64: bytes.toString('base64') };
    },

    recordOutcome(appId) {
      const snapshot = store.submissions.load(appId)?.app.resultSnapshot;
      if (!snapshot) return;
      store.results.recordOutcome(appId, containerVerdict(Container.parse(JSON.parse(snapshot))), opts.now());
    },
  };
}
