// Preparing a queued application in a DOM against a fake bridge: the account's form with its
// mandatory fields enforced, the values sent, and the list of what this kiosk prepared.
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { setBridge } from '../../../../../renderer/src/bridge';
import { QueuedPrepareScreen } from '../../../../../renderer/src/features/queued-prepare/QueuedPrepareScreen';
import { setUpI18n } from '../../../../../renderer/src/i18n';
import { fakeBridge } from '../../../../fakes/fake-bridge';

beforeAll(() => setUpI18n('en'));
afterEach(() => {
  cleanup();
  setBridge(null);
});

const FIELDS = [
  { id: 'booking', label: 'Booking reference', kind: 'text', required: true, choices: [] },
  { id: 'guests', label: 'Guests', kind: 'number', required: false, choices: [] },
];
const prepared = (reference: string, state: string, fields: Array<{ label: string; value: string }> | null) => ({ reference, fields, state, createdAt: Date.UTC(2026, 11, 4, 9), containerId: 'c-1', message: null });

describe('prepare a queued application', () => {
  it('will not send until the mandatory field is filled, then sends only the values typed', async () => {
    const bridge = fakeBridge({ 'capture.fieldDefinitions': FIELDS, 'queued.listPrepared': [], 'queued.prepare': prepared('r-1', 'waiting', [{ label: 'Booking reference', value: 'B-77' }]) });
    setBridge(bridge);
    render(<QueuedPrepareScreen params={{}} />);
    const create = await screen.findByRole('button', { name: 'Prepare the application' });
    await act(async () => fireEvent.click(create));
    expect(screen.getByText('Booking reference', { selector: '[role=alert]', exact: false })).toBeTruthy();
    expect(bridge.calls.some(([c]) => c === 'queued.prepare')).toBe(false);
    fireEvent.change(screen.getByTestId('field-booking'), { target: { value: 'B-77' } });
    await act(async () => fireEvent.click(create));
    expect(bridge.calls).toContainEqual(['queued.prepare', { fields: { booking: 'B-77' } }]);
    expect(screen.getByTestId('queued-prepare-done').textContent).toContain('prepared and waits in TrustID');
  });

  it('lists what this kiosk prepared in plain words, and offers a decision when TrustID did not confirm', async () => {
    const bridge = fakeBridge({
      'capture.fieldDefinitions': FIELDS,
      'queued.listPrepared': [prepared('r-1', 'being-completed', [{ label: 'Booking reference', value: 'B-77' }]), prepared('r-2', 'needs-attention', null)],
      'queued.resolvePrepared': prepared('r-2', 'refused', null),
    });
    setBridge(bridge);
    render(<QueuedPrepareScreen params={{}} />);
    const list = await screen.findByTestId('queued-prepare-list');
    expect(list.textContent).toContain('Booking reference: B-77');
    expect(list.textContent).toContain('Being completed');
    expect(list.textContent).toContain('Details removed');
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Discard' })));
    expect(bridge.calls).toContainEqual(['queued.resolvePrepared', { reference: 'r-2', action: 'discard' }]);
  });

  it('says plainly when the account has no form to fill', async () => {
    setBridge(fakeBridge({ 'capture.fieldDefinitions': [], 'queued.listPrepared': [] }));
    render(<QueuedPrepareScreen params={{}} />);
    expect((await screen.findByRole('status')).textContent).toContain('has no fields');
    expect(screen.queryByRole('button', { name: 'Prepare the application' })).toBeNull();
  });
});
