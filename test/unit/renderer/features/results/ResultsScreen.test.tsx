// The results list in a DOM against a fake bridge: search, filters, paging, opening a result.
import { act, fireEvent, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { ResultSummary } from '../../../../../preload/contract';
import { useNavigation } from '../../../../../renderer/src/app/navigation-store';
import { BridgeError } from '../../../../../renderer/src/bridge';
import { emptyFilter, useResultsStore } from '../../../../../renderer/src/stores/results-store';
import { summaries, page, openResults, freshResultsDom } from './results-fixtures';

freshResultsDom();

describe('results list', () => {
  it('lists recent applications with their verdict in words', async () => {
    openResults({});
    expect(await screen.findByText('Applications found: 2')).toBeTruthy();
    const first = screen.getByTestId('result-r1');
    expect(first.textContent).toContain('Anna Eriksson');
    expect(first.textContent).toContain('Accepted');
    expect(screen.getByTestId('result-r2').textContent).toContain('Name not read');
  });

  it('shows where each application came from and its state in plain words, never a blank name for a waiting guest', async () => {
    const waiting: ResultSummary = { id: 'r3', localReference: 'REF-9', capturedAt: Date.UTC(2026, 10, 22), name: 'Guest Person', verdict: 'processing', documentCount: 0, origin: 'guest_link', state: 'waiting_guest' };
    openResults({ 'results.list': page([waiting, ...summaries]) });
    const row = await screen.findByTestId('result-r3');
    expect(row.textContent).toContain('Guest link');
    expect(row.textContent).toContain('Waiting for the guest');
    expect(row.textContent).toContain('Guest Person');
    expect(screen.getByTestId('result-r2').textContent).toContain('Made elsewhere');
  });

  it('pages on past the first page with the keyset cursor, keeping the rows already shown', async () => {
    const next = { createdAt: summaries[1]!.capturedAt, id: 'r2' };
    const bridge = openResults({ 'results.list': page(summaries, { total: 3, next }) });
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
    openResults({ 'results.list': page(summaries, { ownRecordsOnly: true }) });
    expect((await screen.findByTestId('results-own-records')).textContent).toContain('not allowed to search TrustID’s records');
  });

  it('searches by name, verdict and a whole-day date range', async () => {
    const bridge = openResults({});
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
    openResults({});
    await screen.findByText('Applications found: 2');
    fireEvent.change(screen.getByTestId('results-from'), { target: { value: '2026-11-21' } });
    fireEvent.change(screen.getByTestId('results-to'), { target: { value: '2026-11-20' } });
    expect(screen.getByTestId('results-submit')).toHaveProperty('disabled', true);
    expect(screen.getByRole('alert').textContent).toMatch(/before the “From” date/);
  });

  it('says when nothing matches, and shows main’s message with a retry when the search fails', async () => {
    const bridge = openResults({ 'results.list': page([]) });
    expect(await screen.findByTestId('results-empty')).toBeTruthy();
    bridge.answers['results.list'] = new BridgeError('store.unavailable', 'The local database cannot be read. Restart Scan Station.');
    fireEvent.click(screen.getByTestId('results-submit'));
    expect((await screen.findByRole('alert')).textContent).toContain('The local database cannot be read.');
    bridge.answers['results.list'] = page(summaries);
    fireEvent.click(screen.getByRole('button', { name: 'Try again' }));
    expect(await screen.findByText('Applications found: 2')).toBeTruthy();
  });

  it('keeps the search while a result is open and forgets it when staff leave results', async () => {
    openResults({});
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
