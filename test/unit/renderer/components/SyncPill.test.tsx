// The frame's sync pill in a DOM: the queue's state in words, and where it leads.
import i18next from 'i18next';
import { act, fireEvent, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { useNavigation } from '../../../../renderer/src/app/navigation-store';
import { renderApp, resetStores, session, summary } from '../app-fixtures';

afterEach(resetStores);

describe('sync pill', () => {
  const pill = () => screen.getByTestId('sync-pill');
  /** The visible words; the pill also carries a visually hidden "Sync status:" for screen readers. */
  const words = () => pill().textContent!.replace(/^Sync status: /, '');

  it('reads "Online · 0 pending" and follows queue.changed', async () => {
    const bridge = await renderApp({ 'session.get': session(), 'queue.summary': summary() });
    expect(words()).toBe('Online · 0 pending');
    await act(async () => bridge.emit('queue.changed', summary({ connection: 'offline', pending: 3, oldestPendingSeconds: 2 * 3600 + 13 * 60 })));
    expect(words()).toBe('Offline · 3 pending (oldest 2 hours)');
    await act(async () => bridge.emit('queue.changed', summary({ connection: 'syncing', pending: 5, syncing: { current: 2, total: 5 } })));
    expect(words()).toBe('Syncing 2 of 5');
  });

  it('shows "Action needed" with the reason as its description', async () => {
    await renderApp({ 'session.get': session(), 'queue.summary': summary({ pending: 2, actionNeeded: 'The TrustID API key was refused. An administrator must enter it again in Settings.' }) });
    expect(pill().textContent).toBe('Sync status: Action needed');
    const description = document.getElementById(pill().getAttribute('aria-describedby')!)!;
    expect(description.textContent).toContain('API key was refused');
    expect(pill().dataset.state).toBe('down');
  });

  it('opens the queue when pressed', async () => {
    await renderApp({ 'session.get': session(), 'queue.list': [] });
    fireEvent.click(pill());
    expect(useNavigation.getState().route.screen).toBe('queue');
  });

  it('says ages in the largest whole unit', async () => {
    const bridge = await renderApp({ 'session.get': session() });
    const cases: Array<[number, string]> = [
      [42, '42 seconds'],
      [60, '1 minute'],
      [60 * 59 + 59, '59 minutes'],
      [3600 * 23, '23 hours'],
      [86_400 * 3 + 5, '3 days'],
    ];
    for (const [seconds, age] of cases) {
      await act(async () => bridge.emit('queue.changed', summary({ connection: 'offline', pending: 1, oldestPendingSeconds: seconds })));
      expect(words()).toBe(`Offline · 1 pending (oldest ${age})`);
    }
  });

  it('says ages in Welsh with Welsh plural forms', async () => {
    const bridge = await renderApp({ 'session.get': session() });
    await act(async () => i18next.changeLanguage('cy'));
    try {
      const cases: Array<[number, string]> = [
        [2 * 60, '2 funud'],
        [3 * 60, '3 munud'],
        [2 * 86_400, '2 ddiwrnod'],
      ];
      for (const [seconds, age] of cases) {
        await act(async () => bridge.emit('queue.changed', summary({ connection: 'offline', pending: 1, oldestPendingSeconds: seconds })));
        expect(pill().textContent).toContain(`(yr hynaf ${age})`);
      }
    } finally {
      await act(async () => i18next.changeLanguage('en'));
    }
  });
});
