// Results in a DOM against a fake bridge: search, detail, images on demand, PDF, forgetting.
import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { ResultDetail, ResultPage, ResultSummary } from '../../../../preload/contract';
import { useNavigation } from '../../../../renderer/src/app/navigation-store';
import { resetVisitor } from '../../../../renderer/src/app/visitor-reset';
import { BridgeError, setBridge } from '../../../../renderer/src/bridge';
import { ResultDetailScreen } from '../../../../renderer/src/features/results/ResultDetailScreen';
import { ResultsScreen } from '../../../../renderer/src/features/results/ResultsScreen';
import { setUpI18n } from '../../../../renderer/src/i18n';
import { setImageDecoder, useMediaStore } from '../../../../renderer/src/stores/media-store';
import { emptyFilter, filterRequest, useResultsStore } from '../../../../renderer/src/stores/results-store';
import { fakeBridge } from '../../../fakes/fake-bridge';
import { recordingDecoder } from '../capture/fixtures';

beforeAll(() => setUpI18n('en'));
afterEach(() => {
  cleanup();
  resetVisitor();
  useNavigation.getState().reset('home');
  setImageDecoder(null);
  setBridge(null);
  vi.restoreAllMocks();
});

/** The two results screens under the real navigation store; other screens render nothing. */
function Screens() {
  const route = useNavigation((s) => s.route);
  if (route.screen === 'results') return <ResultsScreen params={route.params} />;
  if (route.screen === 'result-detail') return <ResultDetailScreen params={route.params} />;
  return <p data-testid={`elsewhere-${route.screen}`} />;
}

const summaries: ResultSummary[] = [
  { id: 'r1', localReference: 'K7-2041', capturedAt: Date.UTC(2026, 10, 20, 9, 30), name: 'Anna Eriksson', verdict: 'accepted', documentCount: 1, origin: 'kiosk', state: 'result_ready' },
  { id: 'r2', localReference: 'K7-2042', capturedAt: Date.UTC(2026, 10, 21, 14, 5), name: null, verdict: 'failed', documentCount: 2, origin: 'elsewhere', state: 'result_ready' },
];

function page(items: ResultSummary[], extra: Partial<ResultPage> = {}): ResultPage {
  return { items, total: items.length, next: null, ownRecordsOnly: false, ...extra };
}

const detail: ResultDetail = {
  ...summaries[1]!,
  attention: true,
  remoteAvailable: true,
  documents: [
    {
      name: 'Passport',
      verdict: 'failed',
      facts: [
        { name: 'MRZ check digits', passed: false, explanation: 'The check digit of the document number does not match.', fromTrustId: true },
        { name: 'Document expiry', passed: true, explanation: 'The document is in date.' },
      ],
      fields: [{ label: 'Surname', value: 'ERIKSSON' }],
      images: [{ id: 'i1', label: 'Front, white light' }],
      notes: [],
    },
  ],
};

function open(answers: Record<string, unknown>, screen: 'results' | 'result-detail' = 'results', params: Record<string, string> = {}) {
  const bridge = fakeBridge({ 'results.list': page(summaries), 'results.get': detail, ...answers });
  setBridge(bridge);
  useNavigation.getState().navigate(screen, params);
  render(<Screens />);
  return bridge;
}

describe('results list', () => {
  it('lists recent applications with their verdict in words', async () => {
    open({});
    expect(await screen.findByText('Applications found: 2')).toBeTruthy();
    const first = screen.getByTestId('result-r1');
    expect(first.textContent).toContain('Anna Eriksson');
    expect(first.textContent).toContain('Accepted');
    expect(screen.getByTestId('result-r2').textContent).toContain('Name not read');
  });

  it('shows where each application came from and its state in plain words, never a blank name for a waiting guest', async () => {
    const waiting: ResultSummary = { id: 'r3', localReference: 'REF-9', capturedAt: Date.UTC(2026, 10, 22), name: 'Guest Person', verdict: 'processing', documentCount: 0, origin: 'guest_link', state: 'waiting_guest' };
    open({ 'results.list': page([waiting, ...summaries]) });
    const row = await screen.findByTestId('result-r3');
    expect(row.textContent).toContain('Guest link');
    expect(row.textContent).toContain('Waiting for the guest');
    expect(row.textContent).toContain('Guest Person');
    expect(screen.getByTestId('result-r2').textContent).toContain('Made elsewhere');
  });

  it('pages on past the first page with the keyset cursor, keeping the rows already shown', async () => {
    const next = { createdAt: summaries[1]!.capturedAt, id: 'r2' };
    const bridge = open({ 'results.list': page(summaries, { total: 3, next }) });
    expect(await screen.findByText('Showing 2 of 3')).toBeTruthy();
    const third: ResultSummary = { ...summaries[0]!, id: 'r0', name: 'Older Holder' };
    bridge.answers['results.list'] = page([third], { total: 3 });
    fireEvent.click(screen.getByTestId('results-more'));
    expect(await screen.findByText('Showing 3 of 3')).toBeTruthy();
    expect(bridge.calls.at(-1)).toEqual(['results.list', { limit: 50, after: next }]);
    expect(screen.queryByTestId('results-more')).toBeNull();
    expect(screen.getByTestId('result-r1')).toBeTruthy();
  });

  it('says in one plain sentence why only this kiosk’s applications are shown without archive rights', async () => {
    open({ 'results.list': page(summaries, { ownRecordsOnly: true }) });
    expect((await screen.findByTestId('results-own-records')).textContent).toContain('not allowed to search TrustID’s records');
  });

  it('searches by name, verdict and a whole-day date range', async () => {
    const bridge = open({});
    await screen.findByText('Applications found: 2');
    bridge.answers['results.list'] = page([summaries[0]!]);
    fireEvent.change(screen.getByTestId('results-name'), { target: { value: '  Eriksson ' } });
    fireEvent.change(screen.getByTestId('results-verdict'), { target: { value: 'accepted' } });
    fireEvent.change(screen.getByTestId('results-from'), { target: { value: '2026-11-20' } });
    fireEvent.change(screen.getByTestId('results-to'), { target: { value: '2026-11-21' } });
    fireEvent.click(screen.getByTestId('results-submit'));
    expect(await screen.findByText('Applications found: 1')).toBeTruthy();
    expect(bridge.calls.at(-1)).toEqual([
      'results.list',
      { name: 'Eriksson', verdict: 'accepted', from: new Date(2026, 10, 20).getTime(), to: new Date(2026, 10, 22).getTime() - 1, limit: 50 },
    ]);
  });

  it('will not search with the end date before the start date, and says why', async () => {
    open({});
    await screen.findByText('Applications found: 2');
    fireEvent.change(screen.getByTestId('results-from'), { target: { value: '2026-11-21' } });
    fireEvent.change(screen.getByTestId('results-to'), { target: { value: '2026-11-20' } });
    expect(screen.getByTestId('results-submit')).toHaveProperty('disabled', true);
    expect(screen.getByRole('alert').textContent).toMatch(/before the “From” date/);
  });

  it('says when nothing matches, and shows main’s message with a retry when the search fails', async () => {
    const bridge = open({ 'results.list': page([]) });
    expect(await screen.findByTestId('results-empty')).toBeTruthy();
    bridge.answers['results.list'] = new BridgeError('store.unavailable', 'The local database cannot be read. Restart Scan Station.');
    fireEvent.click(screen.getByTestId('results-submit'));
    expect((await screen.findByRole('alert')).textContent).toContain('The local database cannot be read.');
    bridge.answers['results.list'] = page(summaries);
    fireEvent.click(screen.getByRole('button', { name: 'Try again' }));
    expect(await screen.findByText('Applications found: 2')).toBeTruthy();
  });

  it('keeps the search while a result is open and forgets it when staff leave results', async () => {
    open({});
    await screen.findByText('Applications found: 2');
    fireEvent.change(screen.getByTestId('results-name'), { target: { value: 'Eriksson' } });
    fireEvent.click(screen.getByTestId('result-r2'));
    await screen.findByTestId('result-detail');
    fireEvent.click(screen.getByTestId('result-back'));
    expect(await screen.findByTestId('results-screen')).toBeTruthy();
    expect((screen.getByTestId('results-name') as HTMLInputElement).value).toBe('Eriksson');
    act(() => useNavigation.getState().navigate('home'));
    expect(useResultsStore.getState().filter).toEqual(emptyFilter);
    expect(useResultsStore.getState().list).toEqual([]);
  });
});

describe('result detail', () => {
  it('explains the overall verdict and each document’s, with failed facts first in plain words', async () => {
    open({}, 'result-detail', { id: 'r2' });
    const overall = await screen.findByTestId('result-overall');
    expect(overall.dataset.verdict).toBe('failed');
    expect(overall.textContent).toContain('Do not accept this document');
    expect(screen.getByTestId('result-attention')).toBeTruthy();
    const doc = screen.getByTestId('result-document-0');
    expect(within(doc).getByTestId('failed-facts-0').textContent).toContain('The check digit of the document number does not match.');
    expect(within(doc).getByTestId('passed-facts-0').textContent).toContain('Document expiry');
    expect(within(doc).getByTestId('passed-facts-0').textContent).toContain('Passed.');
    expect(within(doc).getByText('ERIKSSON')).toBeTruthy();
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Result K7-2042');
  });

  it('shows a guest application’s origin, reference, and the guest’s name and e-mail as TrustID stored them', async () => {
    const guest: ResultDetail = { ...detail, origin: 'guest_link', localReference: 'REF-77', guest: { name: 'Gwen Guest', email: 'gwen@example.org' }, fields: [{ label: 'Visitor reference', value: 'V-12' }] };
    open({ 'results.get': guest }, 'result-detail', { id: 'r2' });
    const box = await screen.findByTestId('result-guest');
    expect(box.textContent).toContain('Gwen Guest');
    expect(box.textContent).toContain('gwen@example.org');
    expect(screen.getByTestId('result-meta').textContent).toContain('Started: Guest link');
    expect(screen.getByTestId('result-meta').textContent).toContain('REF-77');
    expect(screen.getByTestId('result-application-fields').textContent).toContain('V-12');
  });

  it('fetches an image from TrustID only when staff ask for it', async () => {
    const { decoder, bitmaps } = recordingDecoder();
    setImageDecoder(decoder);
    const bridge = open({ 'results.image': { mime: 'image/jpeg', base64: 'front', width: 1200, height: 800 } }, 'result-detail', { id: 'r2' });
    await screen.findByTestId('result-overall');
    expect(bridge.calls.some(([c]) => c === 'results.image')).toBe(false);
    fireEvent.click(screen.getByRole('button', { name: 'Show Front, white light' }));
    await waitFor(() => expect(bitmaps).toHaveLength(1));
    expect(bridge.calls).toContainEqual(['results.image', { id: 'r2', imageId: 'i1' }]);
    expect(within(screen.getByTestId('result-image-i1')).getByRole('img', { name: 'Front, white light' })).toBeTruthy();
  });

  it('opens the PDF report in an in-app view and lets it go on close', async () => {
    const revoke = vi.spyOn(URL, 'revokeObjectURL');
    const bridge = open({ 'results.pdf': { base64: 'JVBERi0xLjQ=' } }, 'result-detail', { id: 'r2' });
    fireEvent.click(await screen.findByTestId('open-pdf'));
    const frame = (await screen.findByTestId('pdf-frame')) as HTMLIFrameElement;
    expect(frame.getAttribute('src')).toMatch(/^blob:/);
    expect(bridge.calls).toContainEqual(['results.pdf', { id: 'r2' }]);
    const url = frame.getAttribute('src');
    fireEvent.click(screen.getByTestId('close-pdf'));
    expect(revoke).toHaveBeenCalledWith(url);
    expect(screen.queryByTestId('pdf-frame')).toBeNull();
  });

  it('releases the images and the report when staff leave the result', async () => {
    const { decoder, bitmaps } = recordingDecoder();
    setImageDecoder(decoder);
    const revoke = vi.spyOn(URL, 'revokeObjectURL');
    open({ 'results.image': { mime: 'image/jpeg', base64: 'front', width: 12, height: 8 }, 'results.pdf': { base64: 'JVBERi0xLjQ=' } }, 'result-detail', { id: 'r2' });
    fireEvent.click(await screen.findByRole('button', { name: 'Show Front, white light' }));
    fireEvent.click(screen.getByTestId('open-pdf'));
    const url = (await screen.findByTestId('pdf-frame')).getAttribute('src');
    await waitFor(() => expect(bitmaps).toHaveLength(1));
    act(() => useNavigation.getState().navigate('home'));
    expect(bitmaps[0]!.closed).toBe(true);
    expect(revoke).toHaveBeenCalledWith(url);
    expect(useMediaStore.getState()).toEqual({ images: {}, urls: {} });
    expect(useResultsStore.getState().detail).toBeNull();
  });

  it('says when TrustID no longer holds the images and report, and offers neither', async () => {
    open({ 'results.get': { ...detail, remoteAvailable: false } }, 'result-detail', { id: 'r2' });
    expect(await screen.findByTestId('result-remote-gone')).toBeTruthy();
    expect(screen.getByTestId('show-image-i1')).toHaveProperty('disabled', true);
    expect(screen.getByTestId('open-pdf')).toHaveProperty('disabled', true);
  });
});

describe('filter request', () => {
  it('leaves out what was not filled in', () => {
    expect(filterRequest(emptyFilter)).toEqual({ limit: 50 });
    expect(filterRequest({ ...emptyFilter, name: '   ' })).toEqual({ limit: 50 });
    expect(filterRequest({ ...emptyFilter, from: 'not a date' })).toEqual({ limit: 50 });
    expect(filterRequest({ ...emptyFilter, state: 'referred', origin: 'guest_link' })).toEqual({ state: 'referred', origin: 'guest_link', limit: 50 });
  });
});
