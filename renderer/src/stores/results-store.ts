// Results of recent applications (renderer): the search form, the list, the open detail and its
// PDF report. Holds names and document fields, so it lives only while the results screens are
// up (they reset it on leaving) and resetVisitorStores() empties it too.
import { create } from 'zustand';
import type { Req, ResultDetail, ResultOrigin, ResultPage, ResultState, ResultSummary, Verdict } from '../../../preload/contract';
import { onVisitorReset } from '../app/visitor-reset';
import { base64ToBlob } from '../media/base64';
import { getBridge } from '../bridge';
import { keepObjectUrl, releaseImages, revokeObjectUrl } from './media-store';

/** The search form as typed: dates as yyyy-mm-dd from a date input, '' for "any". */
export type ResultsFilterForm = { from: string; to: string; verdict: Verdict | ''; name: string; state: ResultState | ''; origin: ResultOrigin | '' };
type Load = 'idle' | 'loading' | 'ready' | 'error';

type ResultsState = {
  filter: ResultsFilterForm;
  list: ResultSummary[];
  /** How many match, over all pages; where the next page starts; whether only own records are listed. */
  total: number;
  next: ResultPage['next'];
  ownRecordsOnly: boolean;
  moreState: Load;
  listState: Load;
  listError: string | null;
  detail: ResultDetail | null;
  detailState: Load;
  detailError: string | null;
  pdf: { resultId: string; url: string } | null;
  pdfState: Load;
  pdfError: string | null;
};

export const emptyFilter: ResultsFilterForm = { from: '', to: '', verdict: '', name: '', state: '', origin: '' };

/** Rows per page: the first page is quick at any size of inbox, and "Show more" goes past 200. */
export const RESULTS_PAGE_SIZE = 50;

const initial: ResultsState = {
  filter: emptyFilter,
  list: [],
  total: 0,
  next: null,
  ownRecordsOnly: false,
  moreState: 'idle',
  listState: 'idle',
  listError: null,
  detail: null,
  detailState: 'idle',
  detailError: null,
  pdf: null,
  pdfState: 'idle',
  pdfError: null,
};

export const useResultsStore = create<ResultsState>(() => ({ ...initial }));

function localDay(value: string): Date | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return null;
  return new Date(Number(match[1]), Number(match[2]) - 1, Number(match[3]));
}

/** The contract's filter from the form: whole local days, both ends included. */
export function filterRequest(form: ResultsFilterForm): Req<'results.list'> {
  const from = localDay(form.from);
  const toDay = localDay(form.to);
  const to = toDay ? new Date(toDay.getFullYear(), toDay.getMonth(), toDay.getDate() + 1).getTime() - 1 : undefined;
  const name = form.name.trim();
  return {
    ...(from ? { from: from.getTime() } : {}),
    ...(to !== undefined ? { to } : {}),
    ...(form.verdict ? { verdict: form.verdict } : {}),
    ...(name ? { name: name.slice(0, 100) } : {}),
    ...(form.state ? { state: form.state } : {}),
    ...(form.origin ? { origin: form.origin } : {}),
    limit: RESULTS_PAGE_SIZE,
  };
}

export function setResultsFilter(patch: Partial<ResultsFilterForm>): void {
  useResultsStore.setState((s) => ({ filter: { ...s.filter, ...patch } }));
}

let listRequest = 0;

export async function searchResults(opts: { quiet?: boolean } = {}): Promise<void> {
  const request = ++listRequest;
  if (!opts.quiet) useResultsStore.setState({ listState: 'loading', listError: null });
  try {
    const page = await getBridge().invoke('results.list', filterRequest(useResultsStore.getState().filter));
    // A slower, older search must not overwrite a newer one.
    if (request === listRequest) useResultsStore.setState({ list: page.items, total: page.total, next: page.next, ownRecordsOnly: page.ownRecordsOnly, listState: 'ready', moreState: 'idle' });
  } catch (error) {
    if (request === listRequest && !opts.quiet) useResultsStore.setState({ listState: 'error', listError: (error as Error).message });
  }
}

/** The next page after the rows shown (keyset paging: nothing is skipped or doubled when rows arrive). */
export async function loadMoreResults(): Promise<void> {
  const { next, moreState } = useResultsStore.getState();
  if (!next || moreState === 'loading') return;
  const request = listRequest;
  useResultsStore.setState({ moreState: 'loading' });
  try {
    const page = await getBridge().invoke('results.list', { ...filterRequest(useResultsStore.getState().filter), after: next });
    if (request === listRequest) useResultsStore.setState((s) => ({ list: [...s.list, ...page.items], total: page.total, next: page.next, ownRecordsOnly: page.ownRecordsOnly, moreState: 'ready' }));
  } catch (error) {
    if (request === listRequest) useResultsStore.setState({ moreState: 'error', listError: (error as Error).message });
  }
}

/** The inbox changed in main: look again quietly, unless staff have paged further (they keep their place). */
export function inboxChanged(): void {
  const s = useResultsStore.getState();
  if (s.listState === 'ready' && s.list.length <= RESULTS_PAGE_SIZE) void searchResults({ quiet: true });
}

export async function openResult(id: string): Promise<void> {
  if (useResultsStore.getState().detail?.id !== id) releaseResultDetail();
  useResultsStore.setState({ detailState: 'loading', detailError: null });
  try {
    const detail = await getBridge().invoke('results.get', { id });
    useResultsStore.setState({ detail, detailState: 'ready' });
  } catch (error) {
    useResultsStore.setState({ detailState: 'error', detailError: (error as Error).message });
  }
}

/** Fetches a result again in the background (no loading state): it may have become final. */
export async function refreshResult(id: string): Promise<void> {
  try {
    const detail = await getBridge().invoke('results.get', { id });
    if (useResultsStore.getState().detail?.id === id) useResultsStore.setState({ detail });
  } catch {
    // Keep showing what we have; the next refresh tries again.
  }
}

const pdfKey = (id: string) => `pdf:${id}`;

/** Fetches the PDF report and keeps it as an object URL for the in-app view and printing. */
export async function openPdf(id: string): Promise<string | null> {
  const current = useResultsStore.getState().pdf;
  if (current?.resultId === id) return current.url;
  useResultsStore.setState({ pdfState: 'loading', pdfError: null });
  try {
    const { base64 } = await getBridge().invoke('results.pdf', { id });
    const url = keepObjectUrl(pdfKey(id), base64ToBlob(base64, 'application/pdf'));
    useResultsStore.setState({ pdf: { resultId: id, url }, pdfState: 'ready' });
    return url;
  } catch (error) {
    useResultsStore.setState({ pdfState: 'error', pdfError: (error as Error).message });
    return null;
  }
}

export function closePdf(): void {
  const { pdf } = useResultsStore.getState();
  if (pdf) revokeObjectUrl(pdfKey(pdf.resultId));
  useResultsStore.setState({ pdf: null, pdfState: 'idle', pdfError: null });
}

/** Lets go of the open result: its images, its PDF, its fields. */
export function releaseResultDetail(): void {
  closePdf();
  releaseImages((key) => key.startsWith('result:'));
  useResultsStore.setState({ detail: null, detailState: 'idle', detailError: null });
}

export function resetResults(): void {
  releaseResultDetail();
  listRequest++;
  useResultsStore.setState({ ...initial });
}

onVisitorReset(resetResults);
