// The queue screen in a DOM: states in plain words, live updates, Sync now, actions, discard.
import { act, fireEvent, screen, within } from '@testing-library/react';
import i18next from 'i18next';
import { afterEach, describe, expect, it } from 'vitest';
import type { QueueItem } from '../../../../../preload/contract';
import { useNavigation } from '../../../../../renderer/src/app/navigation-store';
import { BridgeError } from '../../../../../renderer/src/bridge';
import { callsTo, flush, renderApp, resetStores, session, summary } from '../../app-fixtures';

afterEach(resetStores);

function item(id: string, overrides: Partial<QueueItem> = {}): QueueItem {
  return { id, localReference: `REF-${id}`, capturedAt: Date.UTC(2026, 10, 3, 9, 30), state: 'saved', detail: 'Saved on this kiosk', progress: null, attention: null, ...overrides };
}

async function openQueue(items: QueueItem[], answers: Record<string, unknown> = {}, admin = false) {
  useNavigation.setState({ route: { screen: 'queue', params: {} }, history: [] });
  return renderApp({ 'session.get': session({ admin }), 'queue.list': items, ...answers });
}

const card = (ref: string) => screen.getByRole('listitem', { name: ref });

describe('queue screen', () => {
  it('words a queued application someone else finished in the staff member’s language, with its own actions and no English detail', async () => {
    await openQueue([
      item('q', {
        state: 'needs-attention',
        detail: 'Needs attention: Someone else sent this queued application to TrustID before this kiosk finished.',
        attention: { reason: 'completed_elsewhere', message: 'Someone else sent this queued application to TrustID before this kiosk finished.', actions: ['submit-new', 'close'] },
      }),
    ]);
    const attention = within(card('REF-q')).getByTestId('queue-attention');
    expect(attention.textContent).toContain('Sent by someone else');
    expect(attention.textContent).not.toContain('completed_elsewhere');
    expect(card('REF-q').textContent).not.toContain('Needs attention: Someone else');
    expect(within(card('REF-q')).getByRole('button', { name: 'Submit as a new application' })).toBeTruthy();
    expect(within(card('REF-q')).getByRole('button', { name: 'Close' })).toBeTruthy();
  });

  it('says each application’s state in plain words, with upload progress and what needs attention', async () => {
    await openQueue([
      item('a', { state: 'saved' }),
      item('b', { state: 'uploading', detail: 'Uploading 40 %', progress: { sentBytes: 400, totalBytes: 1000 } }),
      item('c', { state: 'awaiting-result', detail: 'Sent — awaiting result' }),
      item('d', { state: 'referred', detail: 'Referred to TrustID experts' }),
      item('e', { state: 'result-ready', detail: 'Result ready' }),
      item('f', { state: 'needs-attention', detail: 'Needs attention', attention: { reason: 'TrustID refused the images', message: 'Retake the documents and send again.', actions: ['retake', 'cancel'] } }),
    ]);
    const words = screen.getAllByTestId('queue-item-state').map((el) => el.lastChild?.textContent);
    expect(words).toEqual(['Saved on this kiosk', 'Uploading', 'Sent — awaiting result', 'Referred to TrustID experts', 'Result ready', 'Needs attention']);
    const bar = within(card('REF-b')).getByRole('progressbar');
    expect(bar.getAttribute('aria-valuenow')).toBe('40');
    expect(bar.getAttribute('aria-valuetext')).toBe('Uploading 40 %');
    expect(within(card('REF-f')).getByTestId('queue-attention').textContent).toContain('TrustID refused the images');
    expect(within(card('REF-f')).getByRole('button', { name: 'Retake the documents' })).toBeTruthy();
  });

  it('follows queue.itemChanged: progress moves, finished items leave, new ones appear', async () => {
    const bridge = await openQueue([item('a', { state: 'uploading', progress: { sentBytes: 0, totalBytes: 100 } }), item('b')]);
    await act(async () => bridge.emit('queue.itemChanged', item('a', { state: 'uploading', progress: { sentBytes: 75, totalBytes: 100 } })));
    expect(within(card('REF-a')).getByRole('progressbar').getAttribute('aria-valuenow')).toBe('75');
    await act(async () => bridge.emit('queue.itemChanged', item('b', { state: 'closed' })));
    expect(screen.queryByRole('listitem', { name: 'REF-b' })).toBeNull();
    await act(async () => bridge.emit('queue.itemChanged', item('c', { capturedAt: 1 })));
    expect(screen.getAllByTestId('queue-item').map((el) => el.getAttribute('aria-labelledby') && el.querySelector('h2')?.textContent)).toEqual(['REF-c', 'REF-a']);
  });

  it('opens the result detail from a ready result', async () => {
    await openQueue([item('e', { state: 'result-ready' })]);
    fireEvent.click(screen.getByRole('button', { name: 'Open the result' }));
    expect(useNavigation.getState().route).toEqual({ screen: 'result-detail', params: { id: 'e' } });
  });

  it('asks main to sync now and shows why when it cannot', async () => {
    const bridge = await openQueue([], { 'queue.syncNow': new BridgeError('sync.offline', 'TrustID cannot be reached. Check the network; the queue will send itself when it is back.') });
    expect(screen.getByTestId('queue-empty')).toBeTruthy();
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Sync now' })));
    await flush();
    expect(callsTo(bridge, 'queue.syncNow')).toHaveLength(1);
    expect(screen.getByRole('alert').textContent).toContain('TrustID cannot be reached');
  });

  it('disables Sync now while syncing and shows how far it has got', async () => {
    const bridge = await openQueue([]);
    await act(async () => bridge.emit('queue.changed', summary({ connection: 'syncing', pending: 5, syncing: { current: 2, total: 5 } })));
    expect(screen.getByTestId('queue-sync-now')).toHaveProperty('disabled', true);
    expect(screen.getByRole('progressbar', { name: 'Sync progress' }).getAttribute('aria-valuetext')).toBe('Syncing 2 of 5');
  });

  it('runs a plain action at once and a consequential one only after confirming', async () => {
    const bridge = await openQueue([item('f', { state: 'needs-attention', attention: { reason: 'Upload failed', message: 'Try again.', actions: ['retry', 'send-again'] } })], { 'queue.act': undefined });
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Try again' })));
    await flush();
    expect(callsTo(bridge, 'queue.act')).toEqual([{ id: 'f', action: 'retry' }]);

    fireEvent.click(screen.getByRole('button', { name: 'Send it again' }));
    expect(callsTo(bridge, 'queue.act')).toHaveLength(1);
    const dialog = screen.getByRole('alertdialog', { name: 'Send it again?' });
    await act(async () => fireEvent.click(within(dialog).getByRole('button', { name: 'Send it again' })));
    await flush();
    expect(callsTo(bridge, 'queue.act')[1]).toEqual({ id: 'f', action: 'send-again' });
  });

  it('shows main’s refusal of an action in Welsh when the language is Welsh', async () => {
    await i18next.changeLanguage('cy');
    try {
      // Made after the switch, as the bridge makes it when main's answer arrives.
      const refusal = new BridgeError('sync.busy', 'This application is being sent right now. Wait a moment and try again.');
      await openQueue([item('f', { state: 'needs-attention', attention: { reason: 'Upload failed', message: 'Try again.', actions: ['retry'] } })], { 'queue.act': refusal });
      await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Rhoi cynnig arall arni' })));
      await flush();
      expect(card('REF-f').textContent).toContain('Mae’r cais hwn yn cael ei anfon neu ei newid ar hyn o bryd.');
      expect(card('REF-f').textContent).not.toContain('being sent right now');
    } finally {
      await i18next.changeLanguage('en');
    }
  });

  it('lets an admin discard an unsent application only with a coded reason', async () => {
    const bridge = await openQueue([item('a'), item('c', { state: 'awaiting-result' })], { 'queue.discard': undefined }, true);
    expect(within(card('REF-c')).queryByRole('button', { name: 'Discard' })).toBeNull();
    fireEvent.click(within(card('REF-a')).getByRole('button', { name: 'Discard' }));
    const dialog = screen.getByRole('alertdialog', { name: 'Discard REF-a?' });
    const confirm = within(dialog).getByRole('button', { name: 'Discard application' });
    expect(confirm).toHaveProperty('disabled', true);
    fireEvent.click(within(dialog).getByLabelText('The visitor left or withdrew'));
    expect(confirm).toHaveProperty('disabled', false);
    await act(async () => fireEvent.click(confirm));
    await flush();
    expect(callsTo(bridge, 'queue.discard')).toEqual([{ id: 'a', reason: 'visitor-left' }]);
    expect(screen.queryByRole('alertdialog')).toBeNull();
  });

  it('offers no discard to staff who are not admins', async () => {
    await openQueue([item('a')]);
    expect(screen.queryByRole('button', { name: 'Discard' })).toBeNull();
  });
});


describe('queue screen: long queues', () => {
  it('pages past 200 applications, 50 at a time, oldest first', async () => {
    const many = Array.from({ length: 230 }, (_, i) => item(`q${String(i).padStart(3, '0')}`, { capturedAt: Date.UTC(2026, 10, 3, 9, 30) + i * 1000 }));
    await openQueue(many);
    expect(screen.getAllByRole('listitem')).toHaveLength(50);
    expect(screen.getByTestId('queue-pager').textContent).toContain('Showing 1–50 of 230');
    for (let i = 0; i < 4; i++) await act(async () => fireEvent.click(screen.getByTestId('queue-next')));
    expect(screen.getByTestId('queue-pager').textContent).toContain('Showing 201–230 of 230');
    expect(card('REF-q229')).toBeTruthy();
    expect((screen.getByTestId('queue-next') as HTMLButtonElement).disabled).toBe(true);
  });
});
