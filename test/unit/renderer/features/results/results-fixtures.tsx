// Shared by the results screens' tests: a results list and a detail under the real navigation
// store, answered by a fake bridge.
import { cleanup, render } from '@testing-library/react';
import { afterEach, beforeAll, vi } from 'vitest';
import type { ResultDetail, ResultPage, ResultSummary } from '../../../../../preload/contract';
import { useNavigation } from '../../../../../renderer/src/app/navigation-store';
import { resetVisitor } from '../../../../../renderer/src/app/visitor-reset';
import { setBridge } from '../../../../../renderer/src/bridge';
import { ResultDetailScreen } from '../../../../../renderer/src/features/results/ResultDetailScreen';
import { ResultsScreen } from '../../../../../renderer/src/features/results/ResultsScreen';
import { setUpI18n } from '../../../../../renderer/src/i18n';
import { setImageDecoder } from '../../../../../renderer/src/stores/media-store';
import { fakeBridge } from '../../../../fakes/fake-bridge';

/** English texts, and after each test no DOM, no visitor, home, no image decoder, no bridge, no mocks. */
export function freshResultsDom(): void {
  beforeAll(() => setUpI18n('en'));
  afterEach(() => {
    cleanup();
    resetVisitor();
    useNavigation.getState().reset('home');
    setImageDecoder(null);
    setBridge(null);
    vi.restoreAllMocks();
  });
}

/** The two results screens under the real navigation store; other screens render nothing. */
export function Screens() {
  const route = useNavigation((s) => s.route);
  if (route.screen === 'results') return <ResultsScreen params={route.params} />;
  if (route.screen === 'result-detail') return <ResultDetailScreen params={route.params} />;
  return <p data-testid={`elsewhere-${route.screen}`} />;
}

export const summaries: ResultSummary[] = [
  { id: 'r1', localReference: 'K7-2041', capturedAt: Date.UTC(2026, 10, 20, 9, 30), name: 'Anna Eriksson', verdict: 'accepted', documentCount: 1, origin: 'kiosk', state: 'result_ready' },
  { id: 'r2', localReference: 'K7-2042', capturedAt: Date.UTC(2026, 10, 21, 14, 5), name: null, verdict: 'failed', documentCount: 2, origin: 'elsewhere', state: 'result_ready' },
];

export function page(items: ResultSummary[], extra: Partial<ResultPage> = {}): ResultPage {
  return { items, total: items.length, next: null, ownRecordsOnly: false, ...extra };
}

export const detail: ResultDetail = {
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

export function openResults(answers: Record<string, unknown>, screen: 'results' | 'result-detail' = 'results', params: Record<string, string> = {}) {
  const bridge = fakeBridge({ 'results.list': page(summaries), 'results.get': detail, ...answers });
  setBridge(bridge);
  useNavigation.getState().navigate(screen, params);
  render(<Screens />);
  return bridge;
}
